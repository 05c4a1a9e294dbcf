import type { CollaborationRole, CollaboratorRole as SpecCollaboratorRole } from "../../generated/box-api.js";
import { specEnum } from "./spec-enum.js";

/**
 * The roles a collaboration can be created with, as named constants (box.py's
 * `CollaboratorRole`). Values come from the spec's `CollaboratorRole` enum;
 * the combined roles are written with a space, as Box expects (box.py's
 * hyphenated `previewer-uploader` was refused by Box).
 *
 * `"owner"` is not a role to invite with; it is accepted only by
 * `editCollaboration`, to transfer the item (see {@link CollaborationRole}).
 *
 * @example
 * await client.createCollaborationByLogin("4353455", "partner@example.org", { role: CollaboratorRole.EDITOR });
 */
export const CollaboratorRole = specEnum<SpecCollaboratorRole>()({
  EDITOR: "editor",
  VIEWER: "viewer",
  PREVIEWER: "previewer",
  UPLOADER: "uploader",
  PREVIEWER_UPLOADER: "previewer uploader",
  VIEWER_UPLOADER: "viewer uploader",
  CO_OWNER: "co-owner",
});

/** One of the {@link CollaboratorRole} values; the spec's `CollaboratorRole` schema. */
export type CollaboratorRole = SpecCollaboratorRole;

/** Every role a collaboration can have or be edited to: a collaborator role, or `"owner"`. */
export const CollaborationRoles = specEnum<CollaborationRole>()({ ...CollaboratorRole, OWNER: "owner" });
