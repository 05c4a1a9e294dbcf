import type {
  Collaboration,
  CollaborationRole,
  CollaborationStatus as SpecCollaborationStatus,
  Collaborations,
  CreateCollaborationRequest,
  PendingCollaborations,
} from "../../generated/box-api.js";
import { via, type ClientContext } from "../context.js";
import { CollaborationRoles, CollaboratorRole } from "../enums/collaborator-role.js";
import { requireSpecValue, specEnum } from "../enums/spec-enum.js";
import { BoxValidationError } from "../errors.js";
import { unwrap, unwrapBody } from "../http/unwrap.js";
import type { CallOptions } from "../options.js";
import { paginate } from "../pagination.js";
import { optionalFields, optionalInteger, optionalText, requireId } from "../validate.js";
import { optionalDateTime, requireLogin } from "../validate-content.js";
import { optionalBoolean } from "../validate-options.js";
import type { FieldsOptions } from "./users.js";

/** The kinds of item a collaboration can be created on. */
export type CollaborationItemType = CreateCollaborationRequest["item"]["type"];
const CollaborationItemType = specEnum<CollaborationItemType>()({ FOLDER: "folder", FILE: "file" });

/** The answer to an invitation (spec: `CollaborationStatus`). */
export const CollaborationStatus = specEnum<SpecCollaborationStatus>()({ PENDING: "pending", ACCEPTED: "accepted", REJECTED: "rejected" });
export type CollaborationStatus = SpecCollaborationStatus;

/** Options of {@link CollaborationMethods.createCollaborationByUserId} and `...ByLogin`. */
export interface CreateCollaborationOptions extends FieldsOptions {
  /** What `itemId` names. Default `"folder"` (box.py could only share folders). */
  itemType?: CollaborationItemType;
  /** The access granted. Default `CollaboratorRole.VIEWER` ("viewer"), as in box.py. */
  role?: CollaboratorRole;
  /** E-mail the collaborator about the invitation. Default `false`, as in box.py. */
  notify?: boolean;
  /** Let the collaborator see the folders above (folders only; owners and co-owners may set it). */
  canViewPath?: boolean;
  /** Access without the item appearing in the collaborator's All Files list. */
  isAccessOnly?: boolean;
  /** When the access ends (needs the enterprise setting that allows expiry). */
  expiresAt?: string | Date;
}

/** The changes of {@link CollaborationMethods.editCollaboration}; at least one must be given. */
export interface EditCollaborationOptions extends CallOptions {
  /** A new role; `"owner"` transfers the item to the collaborator (Box then answers 204). */
  role?: CollaborationRole;
  /** Accept or reject an invitation made to the caller. */
  status?: CollaborationStatus;
  /** A new expiry (needs the enterprise setting that allows it). */
  expiresAt?: string | Date;
  canViewPath?: boolean;
}

/** Paging of an item's collaborations (marker style). */
export interface CollaborationListOptions extends FieldsOptions {
  /** Collaborations per page, 1-1000. */
  limit?: number;
  /** The `next_marker` of the previous page. */
  marker?: string;
}

/** Paging of the caller's pending invitations (offset style). */
export interface PendingCollaborationsOptions extends FieldsOptions {
  /** Invitations per page, 1-1000. */
  limit?: number;
  /** Index of the first invitation, at most 10000. */
  offset?: number;
}

function markerQuery(options: CollaborationListOptions) {
  return {
    fields: optionalFields("options.fields", options.fields),
    limit: optionalInteger("options.limit", options.limit, 1, 1000),
    marker: optionalText("options.marker", options.marker),
  };
}

export function collaborationMethods(context: ClientContext) {
  const { api } = context;

  async function create(itemId: string, accessibleBy: { id: string } | { login: string }, options: CreateCollaborationOptions): Promise<Collaboration> {
    const body = {
      item: { id: itemId, type: requireSpecValue("options.itemType", options.itemType ?? "folder", CollaborationItemType) },
      accessible_by: { type: "user" as const, ...accessibleBy },
      role: requireSpecValue("options.role", options.role ?? CollaboratorRole.VIEWER, CollaboratorRole),
      can_view_path: optionalBoolean("options.canViewPath", options.canViewPath),
      is_access_only: optionalBoolean("options.isAccessOnly", options.isAccessOnly),
      expires_at: optionalDateTime("options.expiresAt", options.expiresAt),
    };
    const query = {
      fields: optionalFields("options.fields", options.fields),
      notify: optionalBoolean("options.notify", options.notify) ?? false,
    };
    return unwrapBody(await api.POST("/collaborations", { params: { query }, body, ...via(context, options) }));
  }

  async function getFolderCollaborations(folderId: string, options: CollaborationListOptions = {}): Promise<Collaborations> {
    const id = requireId("folderId", folderId);
    return unwrapBody(
      await api.GET("/folders/{folder_id}/collaborations", { params: { path: { folder_id: id }, query: markerQuery(options) }, ...via(context, options) }),
    );
  }

  async function getFileCollaborations(fileId: string, options: CollaborationListOptions = {}): Promise<Collaborations> {
    const id = requireId("fileId", fileId);
    return unwrapBody(
      await api.GET("/files/{file_id}/collaborations", { params: { path: { file_id: id }, query: markerQuery(options) }, ...via(context, options) }),
    );
  }

  async function getPendingCollaborations(options: PendingCollaborationsOptions = {}): Promise<PendingCollaborations> {
    const query = {
      status: "pending" as const,
      fields: optionalFields("options.fields", options.fields),
      limit: optionalInteger("options.limit", options.limit, 1, 1000),
      offset: optionalInteger("options.offset", options.offset, 0, 10000),
    };
    return unwrapBody(await api.GET("/collaborations", { params: { query }, ...via(context, options) }));
  }

  return {
    /**
     * A collaboration: who has which role on which item. Box.py: `get_collaboration`.
     *
     * @example
     * const collaboration = await client.getCollaboration("791293");
     * console.log(collaboration.role, collaboration.status);
     */
    async getCollaboration(collaborationId: string, options: FieldsOptions = {}): Promise<Collaboration> {
      const id = requireId("collaborationId", collaborationId);
      const fields = optionalFields("options.fields", options.fields);
      return unwrapBody(
        await api.GET("/collaborations/{collaboration_id}", { params: { path: { collaboration_id: id }, query: { fields } }, ...via(context, options) }),
      );
    },

    /**
     * Gives a Box user, named by id, access to a folder (or a file with
     * `itemType: "file"`). Box.py: `create_collaboration_by_user_id`.
     *
     * @example
     * await client.createCollaborationByUserId("4353455", "33552211", { role: CollaboratorRole.EDITOR, notify: true });
     */
    async createCollaborationByUserId(itemId: string, userId: string, options: CreateCollaborationOptions = {}): Promise<Collaboration> {
      return create(requireId("itemId", itemId), { id: requireId("userId", userId) }, options);
    },

    /**
     * Invites someone by e-mail address (they need not have a Box account yet;
     * the collaboration stays `pending` until they accept). Box.py: `create_collaboration_by_login`.
     *
     * @example
     * await client.createCollaborationByLogin("12345", "partner@example.org", { itemType: "file", role: CollaboratorRole.PREVIEWER });
     */
    async createCollaborationByLogin(itemId: string, login: string, options: CreateCollaborationOptions = {}): Promise<Collaboration> {
      return create(requireId("itemId", itemId), { login: requireLogin("login", login) }, options);
    },

    /**
     * Changes a collaboration's role, answers an invitation (`status`) or moves
     * its expiry. Resolves with the changed collaboration, or with `undefined`
     * when `role` is `"owner"`: Box then transfers the item, deletes this
     * collaboration (the previous owner becomes a co-owner) and answers 204
     * with no body. Box.py: `edit_collaboration`.
     *
     * @example
     * const changed = await client.editCollaboration("791293", { role: CollaboratorRole.EDITOR });
     * const gone = await client.editCollaboration("791293", { role: "owner" }); // undefined
     */
    async editCollaboration(collaborationId: string, changes: EditCollaborationOptions): Promise<Collaboration | undefined> {
      const id = requireId("collaborationId", collaborationId);
      const body = {
        role: changes.role === undefined ? undefined : requireSpecValue("changes.role", changes.role, CollaborationRoles),
        status: changes.status === undefined ? undefined : requireSpecValue("changes.status", changes.status, CollaborationStatus),
        expires_at: optionalDateTime("changes.expiresAt", changes.expiresAt),
        can_view_path: optionalBoolean("changes.canViewPath", changes.canViewPath),
      };
      if (Object.values(body).every((value) => value === undefined)) {
        throw new BoxValidationError("changes", "give at least one of role, status, expiresAt, canViewPath");
      }
      const result = await api.PUT("/collaborations/{collaboration_id}", { params: { path: { collaboration_id: id } }, body, ...via(context, changes) });
      // An ownership transfer deletes this collaboration: 204, nothing to return.
      return result.response.status === 204 ? undefined : unwrapBody(result);
    },

    /**
     * Removes a collaborator's access, or withdraws an invitation. Box.py: `delete_collaboration`.
     *
     * @example
     * await client.deleteCollaboration("791293");
     */
    async deleteCollaboration(collaborationId: string, options: CallOptions = {}): Promise<void> {
      const id = requireId("collaborationId", collaborationId);
      unwrap(await api.DELETE("/collaborations/{collaboration_id}", { params: { path: { collaboration_id: id } }, ...via(context, options) }));
    },

    /**
     * One page of a folder's collaborations, pending invitations included
     * (marker paging). Box.py: `get_folder_collaborations`.
     *
     * @example
     * const page = await client.getFolderCollaborations("4353455", { limit: 100 });
     * if (page.next_marker) await client.getFolderCollaborations("4353455", { marker: page.next_marker });
     */
    getFolderCollaborations,

    /**
     * Every collaboration of a folder, page by page as you iterate (the shared `paginate`, marker style).
     *
     * @example
     * for await (const collaboration of client.getFolderCollaborationsIterator("4353455")) console.log(collaboration.role);
     */
    getFolderCollaborationsIterator(folderId: string, options: Omit<CollaborationListOptions, "marker"> = {}): AsyncGenerator<Collaboration, void, undefined> {
      requireId("folderId", folderId);
      return paginate((cursor) => getFolderCollaborations(folderId, { ...options, marker: cursor.marker }), "marker");
    },

    /**
     * One page of a file's collaborations, pending invitations included (marker paging).
     *
     * @example
     * const page = await client.getFileCollaborations("12345");
     */
    getFileCollaborations,

    /**
     * Every collaboration of a file, page by page as you iterate (the shared `paginate`, marker style).
     *
     * @example
     * for await (const collaboration of client.getFileCollaborationsIterator("12345")) console.log(collaboration.role);
     */
    getFileCollaborationsIterator(fileId: string, options: Omit<CollaborationListOptions, "marker"> = {}): AsyncGenerator<Collaboration, void, undefined> {
      requireId("fileId", fileId);
      return paginate((cursor) => getFileCollaborations(fileId, { ...options, marker: cursor.marker }), "marker");
    },

    /**
     * One page of the invitations made to the caller and not yet answered
     * (offset paging). Answer one with `editCollaboration(id, { status: "accepted" })`.
     *
     * @example
     * const { entries } = await client.getPendingCollaborations();
     */
    getPendingCollaborations,

    /**
     * Every pending invitation of the caller, page by page as you iterate (the shared `paginate`, offset style).
     *
     * @example
     * for await (const invite of client.getPendingCollaborationsIterator()) console.log(invite.created_by?.name);
     */
    getPendingCollaborationsIterator(options: Omit<PendingCollaborationsOptions, "offset"> = {}): AsyncGenerator<Collaboration, void, undefined> {
      return paginate((cursor) => getPendingCollaborations({ ...options, offset: cursor.offset }), "offset");
    },
  };
}

export type CollaborationMethods = ReturnType<typeof collaborationMethods>;
