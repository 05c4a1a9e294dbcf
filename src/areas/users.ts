import type { User, Users } from "../../generated/box-api.js";
import { via, type ClientContext } from "../context.js";
import { BoxValidationError } from "../errors.js";
import type { FieldsOptions } from "../fields.js";
import { unwrapBody } from "../http/unwrap.js";
import { optionalChoice } from "../validate-options.js";
import { optionalFields, optionalInteger, optionalText, requireId } from "../validate.js";

// FieldsOptions moved to src/fields.ts; re-exported here for existing imports.
export type { FieldsOptions } from "../fields.js";

/** Filters and paging of {@link UserMethods.getUserList}. */
export interface UserListOptions extends FieldsOptions<User> {
  /** Users per page, 1-1000. */
  limit?: number;
  /** Index of the first user (offset paging), 0-10000. */
  offset?: number;
  /** Only users whose name or login starts with this text. */
  filterTerm?: string;
  /** All users, managed users only, or external users (these need a full login as `filterTerm`). */
  userType?: "all" | "managed" | "external";
  /** Page with markers instead of offsets (implied by `marker`). */
  usemarker?: boolean;
  /** The `next_marker` of the previous page. */
  marker?: string;
}

function userListQuery(options: UserListOptions) {
  const marker = optionalText("options.marker", options.marker);
  const usemarker = options.usemarker === true || marker !== undefined;
  if (usemarker && options.offset !== undefined) throw new BoxValidationError("options.offset", "cannot be combined with marker paging");
  return {
    limit: optionalInteger("options.limit", options.limit, 1, 1000),
    offset: optionalInteger("options.offset", options.offset, 0, 10000),
    filter_term: optionalText("options.filterTerm", options.filterTerm),
    user_type: optionalChoice("options.userType", options.userType, ["all", "managed", "external"]),
    usemarker: usemarker ? true : undefined,
    marker,
    fields: optionalFields("options.fields", options.fields),
  };
}

export function userMethods(context: ClientContext) {
  const { api } = context;
  return {
    /**
     * A user's profile; the signed-in user by default.
     *
     * @example
     * const me = await client.getUserInfo();
     * console.log(me.name, me.login);
     */
    async getUserInfo(userId: string = "me", options: FieldsOptions<User> = {}): Promise<User> {
      const fields = optionalFields("options.fields", options.fields);
      if (userId === "me") {
        return unwrapBody(await api.GET("/users/me", { params: { query: { fields } }, ...via(context, options) }));
      }
      const id = requireId("userId", userId);
      return unwrapBody(await api.GET("/users/{user_id}", { params: { path: { user_id: id }, query: { fields } }, ...via(context, options) }));
    },

    /**
     * One page of the enterprise's users (needs an admin's token).
     *
     * @example
     * const page = await client.getUserList({ filterTerm: "aaron", userType: "managed", limit: 100 });
     * for (const user of page.entries) console.log(user.login);
     */
    async getUserList(options: UserListOptions = {}): Promise<Users> {
      const query = userListQuery(options);
      return unwrapBody(await api.GET("/users", { params: { query }, ...via(context, options) }));
    },
  };
}

export type UserMethods = ReturnType<typeof userMethods>;
