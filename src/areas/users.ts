import type { User } from "../../generated/box-api.js";
import { via, type ClientContext } from "../context.js";
import { unwrapBody } from "../http/unwrap.js";
import type { CallOptions } from "../options.js";
import { optionalFields, requireId } from "../validate.js";

/** Options of reads that can narrow the returned attributes. */
export interface FieldsOptions extends CallOptions {
  /** Attributes to return; Box then returns only these plus `id`, `type` (and `etag`). */
  fields?: readonly string[];
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
    async getUserInfo(userId: string = "me", options: FieldsOptions = {}): Promise<User> {
      const fields = optionalFields("options.fields", options.fields);
      if (userId === "me") {
        return unwrapBody(await api.GET("/users/me", { params: { query: { fields } }, ...via(context, options) }));
      }
      const id = requireId("userId", userId);
      return unwrapBody(await api.GET("/users/{user_id}", { params: { path: { user_id: id }, query: { fields } }, ...via(context, options) }));
    },
  };
}

export type UserMethods = ReturnType<typeof userMethods>;
