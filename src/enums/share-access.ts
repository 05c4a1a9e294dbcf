import type { SharedLink } from "../../generated/box-api.js";

/** The access levels of a shared link, as the spec defines them. */
type SpecShareAccess = SharedLink["access"];

/**
 * Who may open a shared link (box.py's `ShareAccess`).
 *
 * The `satisfies` clause ties the constant to the spec's enum: adding or
 * removing a level in spec/ breaks the build until this list follows.
 *
 * @example
 * await client.shareLink("12345", { access: ShareAccess.OPEN, canDownload: true });
 */
export const ShareAccess = {
  /** Anyone with the link. */
  OPEN: "open",
  /** People in the owner's enterprise (paid accounts). */
  COMPANY: "company",
  /** Only people already collaborating on the item. */
  COLLABORATORS: "collaborators",
} as const satisfies { [Level in SpecShareAccess as Uppercase<Level>]: Level };

export type ShareAccess = (typeof ShareAccess)[keyof typeof ShareAccess];
