import type { File, Folder, SharedItem, SharedLink, SharedLinkRequest } from "../../generated/box-api.js";
import { via, type ClientContext } from "../context.js";
import { ShareAccess } from "../enums/share-access.js";
import { BoxClientError, BoxValidationError } from "../errors.js";
import type { FieldName, FieldsOptions } from "../fields.js";
import { unwrap, unwrapBody } from "../http/unwrap.js";
import type { CallOptions } from "../options.js";
import { optionalBoolean, optionalChoice, requireTimestamp } from "../validate-options.js";
import { optionalFields, optionalText, requireId, requireText } from "../validate.js";

/** Options of {@link SharedLinkMethods.shareFolderLink}: the link's settings. */
export interface ShareFolderLinkOptions extends CallOptions {
  /** Who may open the link; Box's enterprise default when left out. */
  access?: ShareAccess;
  /** When the link stops working (a Date or RFC 3339 text); `null` removes an expiry. */
  expireAt?: Date | string | null;
  canDownload?: boolean;
  canPreview?: boolean;
  /** Asked of whoever opens the link (only with `open` access); `null` removes it. */
  password?: string | null;
  /** Change only if the item's etag is still this value (else PreconditionFailedError). */
  etag?: string;
}

/** Options of {@link SharedLinkMethods.shareLink}: a folder link's settings, plus editing. */
export interface ShareLinkOptions extends ShareFolderLinkOptions {
  /** Let people with the link edit the file (files only; needs download allowed). */
  canEdit?: boolean;
}

/** Options of {@link SharedLinkMethods.unshareLink} and {@link SharedLinkMethods.unshareFolderLink}. */
export interface UnshareOptions extends CallOptions {
  /** Remove only if the item's etag is still this value (else PreconditionFailedError). */
  etag?: string;
}

/** Options of {@link SharedLinkMethods.getSharedItem}. */
export interface SharedItemOptions extends FieldsOptions<SharedItem> {
  /** The link's password, when it has one. */
  password?: string;
}

const ACCESS_LEVELS = Object.values(ShareAccess);

function linkSettings(options: ShareLinkOptions): SharedLinkRequest {
  const access = optionalChoice("options.access", options.access, ACCESS_LEVELS);
  const password = options.password === null ? null : optionalText("options.password", options.password);
  if (typeof password === "string" && access !== undefined && access !== ShareAccess.OPEN) {
    throw new BoxValidationError("options.password", "a password can only be set on a link with open access");
  }
  const unsharedAt = options.expireAt === undefined || options.expireAt === null ? options.expireAt : requireTimestamp("options.expireAt", options.expireAt);
  const permissions = {
    can_download: optionalBoolean("options.canDownload", options.canDownload),
    can_preview: optionalBoolean("options.canPreview", options.canPreview),
    can_edit: optionalBoolean("options.canEdit", options.canEdit),
  };
  const anyPermission = Object.values(permissions).some((value) => value !== undefined);
  return { access, password, unshared_at: unsharedAt, permissions: anyPermission ? permissions : undefined };
}

/** The link in Box's answer; it is asked for with `fields=shared_link`, so its absence is Box's fault. */
function linkOf(item: File | Folder, status: number): SharedLink {
  if (!item.shared_link) throw new BoxClientError(`Box answered ${status} but returned no shared link for ${item.type} ${item.id}`, { status });
  return item.shared_link;
}

/** `fields` always includes `shared_link`, or Box leaves the link out of its answer. */
const LINK_FIELDS: readonly FieldName<File>[] = ["shared_link"];

/** The `boxapi` header: `shared_link=<url>[&shared_link_password=<password>]`. */
function boxApiHeader(sharedLink: string, password: string | undefined): string {
  const link = requireText("sharedLink", sharedLink);
  let parsed: URL;
  try {
    parsed = new URL(link);
  } catch {
    throw new BoxValidationError("sharedLink", "expected an absolute URL such as https://app.box.com/s/abc123");
  }
  if ((parsed.protocol !== "https:" && parsed.protocol !== "http:") || /[\s&]/.test(link)) {
    throw new BoxValidationError("sharedLink", "expected an http(s) URL without spaces or \"&\"");
  }
  if (password === undefined) return `shared_link=${link}`;
  const secret = requireText("options.password", password);
  // Box's own SDKs send the password as is; an "&" would be read as the start of another field.
  if (secret.includes("&")) throw new BoxValidationError("options.password", "cannot contain \"&\" in the boxapi header");
  return `shared_link=${link}&shared_link_password=${secret}`;
}

export function sharedLinkMethods(context: ClientContext) {
  const { api } = context;
  return {
    /**
     * Creates or changes a file's shared link and returns it.
     *
     * @example
     * const link = await client.shareLink("12345", { access: ShareAccess.OPEN, canDownload: true, expireAt: new Date("2030-01-01") });
     * console.log(link.url);
     */
    async shareLink(fileId: string, options: ShareLinkOptions = {}): Promise<SharedLink> {
      const id = requireId("fileId", fileId);
      const sharedLink = linkSettings(options);
      const etag = optionalText("options.etag", options.etag);
      const result = await api.PUT("/files/{file_id}", {
        params: { path: { file_id: id }, query: { fields: [...LINK_FIELDS] }, header: { "if-match": etag } },
        body: { shared_link: sharedLink },
        ...via(context, options),
      });
      return linkOf(unwrapBody(result), result.response.status);
    },

    /**
     * Creates or changes a folder's shared link and returns it.
     *
     * @example
     * const link = await client.shareFolderLink("4353455", { access: ShareAccess.COMPANY });
     */
    async shareFolderLink(folderId: string, options: ShareFolderLinkOptions = {}): Promise<SharedLink> {
      const id = requireId("folderId", folderId);
      if ("canEdit" in options && options.canEdit !== undefined) throw new BoxValidationError("options.canEdit", "folder links cannot allow editing");
      const sharedLink = linkSettings(options);
      const etag = optionalText("options.etag", options.etag);
      const result = await api.PUT("/folders/{folder_id}", {
        params: { path: { folder_id: id }, query: { fields: [...LINK_FIELDS] }, header: { "if-match": etag } },
        body: { shared_link: sharedLink },
        ...via(context, options),
      });
      return linkOf(unwrapBody(result), result.response.status);
    },

    /**
     * Removes a file's shared link; the old URL stops working.
     *
     * @example
     * await client.unshareLink("12345");
     */
    async unshareLink(fileId: string, options: UnshareOptions = {}): Promise<void> {
      const id = requireId("fileId", fileId);
      const etag = optionalText("options.etag", options.etag);
      unwrap(
        await api.PUT("/files/{file_id}", {
          params: { path: { file_id: id }, query: { fields: [...LINK_FIELDS] }, header: { "if-match": etag } },
          body: { shared_link: null },
          ...via(context, options),
        }),
      );
    },

    /**
     * Removes a folder's shared link.
     *
     * @example
     * await client.unshareFolderLink("4353455");
     */
    async unshareFolderLink(folderId: string, options: UnshareOptions = {}): Promise<void> {
      const id = requireId("folderId", folderId);
      const etag = optionalText("options.etag", options.etag);
      unwrap(
        await api.PUT("/folders/{folder_id}", {
          params: { path: { folder_id: id }, query: { fields: [...LINK_FIELDS] }, header: { "if-match": etag } },
          body: { shared_link: null },
          ...via(context, options),
        }),
      );
    },

    /**
     * The file or folder behind a shared link; `type` tells which.
     *
     * @example
     * const item = await client.getSharedItem("https://app.box.com/s/rh935iit6ewrmw0unyul", { password: "letmein99" });
     * if (item.type === "file") console.log(item.size);
     */
    async getSharedItem(sharedLink: string, options: SharedItemOptions = {}): Promise<SharedItem> {
      const boxapi = boxApiHeader(sharedLink, options.password);
      const fields = optionalFields("options.fields", options.fields);
      return unwrapBody(await api.GET("/shared_items", { params: { query: { fields }, header: { boxapi } }, ...via(context, options) }));
    },
  };
}

export type SharedLinkMethods = ReturnType<typeof sharedLinkMethods>;
