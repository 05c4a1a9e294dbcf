import { describe, expect, it } from "vitest";
import { BoxBadRequestError, BoxForbiddenError, BoxValidationError, CollaboratorRole, ItemDoesNotExistError } from "../../src/index.js";
import { contractClient, violationsOf, jsonBody } from "../support/contract.js";

const queryOf = (url: string | undefined) => Object.fromEntries(new URL(url ?? "").searchParams);

describe("getCollaboration", () => {
  it("reads a collaboration", async () => {
    const { client, exchanges } = contractClient();
    const collaboration = await client.getCollaboration("791293");
    expect(collaboration).toMatchObject({ id: "791293", role: "editor", status: "accepted", item: { type: "folder" } });
    expect(violationsOf(exchanges)).toEqual([]);
  });

  it("throws ItemDoesNotExistError for a missing collaboration", async () => {
    const { client, exchanges } = contractClient("code=404");
    await expect(client.getCollaboration("1")).rejects.toBeInstanceOf(ItemDoesNotExistError);
    expect(violationsOf(exchanges)).toEqual([]);
  });
});

describe("createCollaborationByUserId", () => {
  it("invites a user to a folder as a viewer without e-mail by default, as box.py did", async () => {
    const { client, exchanges } = contractClient();
    const collaboration = await client.createCollaborationByUserId("4353455", "33552211");
    expect(collaboration.type).toBe("collaboration");
    expect(queryOf(exchanges[0]?.url)).toEqual({ notify: "false" });
    expect(jsonBody(exchanges[0]?.body)).toEqual({
      item: { id: "4353455", type: "folder" },
      accessible_by: { type: "user", id: "33552211" },
      role: "viewer",
    });
    expect(violationsOf(exchanges)).toEqual([]);
  });

  it("invites a user to a file with a role, notification and options", async () => {
    const { client, exchanges } = contractClient();
    await client.createCollaborationByUserId("12345", "33552211", {
      itemType: "file",
      role: CollaboratorRole.PREVIEWER_UPLOADER,
      notify: true,
      isAccessOnly: true,
      expiresAt: "2013-01-31T23:59:00-08:00",
    });
    expect(queryOf(exchanges[0]?.url)).toEqual({ notify: "true" });
    expect(jsonBody(exchanges[0]?.body)).toEqual({
      item: { id: "12345", type: "file" },
      accessible_by: { type: "user", id: "33552211" },
      role: "previewer uploader",
      is_access_only: true,
      expires_at: "2013-01-31T23:59:00-08:00",
    });
    expect(violationsOf(exchanges)).toEqual([]);
  });

  it("throws BoxForbiddenError when policy forbids the invitation", async () => {
    const { client, exchanges } = contractClient("code=403");
    const error = await client.createCollaborationByUserId("4353455", "33552211").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BoxForbiddenError);
    expect(error).toMatchObject({ code: "forbidden_by_policy" });
    expect(violationsOf(exchanges)).toEqual([]);
  });

  it("refuses an unknown role or item type before any request", async () => {
    const { client, exchanges } = contractClient();
    // @ts-expect-error box.py's hyphenated spelling is not a Box role
    await expect(client.createCollaborationByUserId("1", "2", { role: "viewer-uploader" })).rejects.toMatchObject({ argument: "options.role" });
    // @ts-expect-error "owner" is only for editCollaboration
    await expect(client.createCollaborationByUserId("1", "2", { role: "owner" })).rejects.toMatchObject({ argument: "options.role" });
    // @ts-expect-error collaborations are on files and folders only
    await expect(client.createCollaborationByUserId("1", "2", { itemType: "web_link" })).rejects.toMatchObject({ argument: "options.itemType" });
    expect(exchanges).toEqual([]);
  });
});

describe("createCollaborationByLogin", () => {
  it("invites someone by e-mail address", async () => {
    const { client, exchanges } = contractClient();
    await client.createCollaborationByLogin("4353455", "partner@example.org", { role: CollaboratorRole.EDITOR });
    expect(jsonBody(exchanges[0]?.body)).toEqual({
      item: { id: "4353455", type: "folder" },
      accessible_by: { type: "user", login: "partner@example.org" },
      role: "editor",
    });
    expect(violationsOf(exchanges)).toEqual([]);
  });

  it("throws BoxBadRequestError when the person already collaborates", async () => {
    const { client, exchanges } = contractClient("code=400");
    const error = await client.createCollaborationByLogin("4353455", "dylan@example.com").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BoxBadRequestError);
    expect(error).toMatchObject({ code: "user_already_collaborator" });
    expect(violationsOf(exchanges)).toEqual([]);
  });

  it("refuses a login that is not an e-mail address before any request", async () => {
    const { client, exchanges } = contractClient();
    await expect(client.createCollaborationByLogin("4353455", "dylan")).rejects.toMatchObject({ name: "BoxValidationError", argument: "login" });
    expect(exchanges).toEqual([]);
  });
});

describe("editCollaboration", () => {
  it("changes the role and resolves with the collaboration", async () => {
    const { client, exchanges } = contractClient();
    const collaboration = await client.editCollaboration("791293", { role: CollaboratorRole.EDITOR });
    expect(collaboration?.id).toBe("791293");
    expect(jsonBody(exchanges[0]?.body)).toEqual({ role: "editor" });
    expect(violationsOf(exchanges)).toEqual([]);
  });

  it("accepts an invitation", async () => {
    const { client, exchanges } = contractClient();
    await client.editCollaboration("791295", { status: "accepted" });
    expect(jsonBody(exchanges[0]?.body)).toEqual({ status: "accepted" });
    expect(violationsOf(exchanges)).toEqual([]);
  });

  it("resolves undefined for the 204 of an ownership transfer", async () => {
    const { client, exchanges } = contractClient("code=204");
    await expect(client.editCollaboration("791293", { role: "owner" })).resolves.toBeUndefined();
    expect(exchanges[0]).toMatchObject({ method: "PUT", status: 204 });
    expect(jsonBody(exchanges[0]?.body)).toEqual({ role: "owner" });
    expect(violationsOf(exchanges)).toEqual([]);
  });

  it("throws BoxForbiddenError when the caller may not change it", async () => {
    const { client, exchanges } = contractClient("code=403");
    await expect(client.editCollaboration("791293", { role: "viewer" })).rejects.toBeInstanceOf(BoxForbiddenError);
    expect(violationsOf(exchanges)).toEqual([]);
  });

  it("refuses an empty change or an unknown status before any request", async () => {
    const { client, exchanges } = contractClient();
    await expect(client.editCollaboration("791293", {})).rejects.toMatchObject({ argument: "changes" });
    // @ts-expect-error "declined" is not a collaboration status
    await expect(client.editCollaboration("791293", { status: "declined" })).rejects.toMatchObject({ argument: "changes.status" });
    expect(exchanges).toEqual([]);
  });
});

describe("deleteCollaboration", () => {
  it("deletes a collaboration and resolves with nothing", async () => {
    const { client, exchanges } = contractClient();
    await expect(client.deleteCollaboration("791293")).resolves.toBeUndefined();
    expect(exchanges[0]).toMatchObject({ method: "DELETE", status: 204 });
    expect(violationsOf(exchanges)).toEqual([]);
  });

  it("throws ItemDoesNotExistError for a missing collaboration", async () => {
    const { client, exchanges } = contractClient("code=404");
    await expect(client.deleteCollaboration("1")).rejects.toBeInstanceOf(ItemDoesNotExistError);
    expect(violationsOf(exchanges)).toEqual([]);
  });
});

describe("getFolderCollaborations", () => {
  it("reads a page of a folder's collaborations with the marker query", async () => {
    const { client, exchanges } = contractClient();
    const page = await client.getFolderCollaborations("4353455", { limit: 100, marker: "JV9IRGZmieiBasejOG9yDCRNgd2ymoZIbjsxbJMjIs3kioVii" });
    expect(page.entries.map((collaboration) => collaboration.role)).toEqual(["owner", "viewer"]);
    expect(page.entries[1]).toMatchObject({ status: "pending", item: null, invite_email: "partner@example.org" });
    expect(queryOf(exchanges[0]?.url)).toEqual({ limit: "100", marker: "JV9IRGZmieiBasejOG9yDCRNgd2ymoZIbjsxbJMjIs3kioVii" });
    expect(violationsOf(exchanges)).toEqual([]);
  });

  it("throws ItemDoesNotExistError for a missing folder", async () => {
    const { client, exchanges } = contractClient("code=404");
    await expect(client.getFolderCollaborations("1")).rejects.toBeInstanceOf(ItemDoesNotExistError);
    expect(violationsOf(exchanges)).toEqual([]);
  });
});

describe("getFolderCollaborationsIterator", () => {
  it("yields every collaboration and stops when next_marker is empty", async () => {
    const { client, exchanges } = contractClient();
    const ids = [];
    for await (const collaboration of client.getFolderCollaborationsIterator("4353455", { limit: 100 })) ids.push(collaboration.id);
    expect(ids).toEqual(["791292", "791294"]);
    expect(exchanges).toHaveLength(1);
    expect(violationsOf(exchanges)).toEqual([]);
  });

  it("throws ItemDoesNotExistError on the first page of a missing folder", async () => {
    const { client, exchanges } = contractClient("code=404");
    const iterator = client.getFolderCollaborationsIterator("1");
    await expect(iterator.next()).rejects.toBeInstanceOf(ItemDoesNotExistError);
    expect(violationsOf(exchanges)).toEqual([]);
  });
});

describe("getFileCollaborations", () => {
  it("reads a page of a file's collaborations", async () => {
    const { client, exchanges } = contractClient();
    const page = await client.getFileCollaborations("12345", { fields: ["role", "status"] });
    expect(page.next_marker).toBeNull();
    expect(new URL(exchanges[0]?.url ?? "").pathname).toBe("/files/12345/collaborations");
    expect(queryOf(exchanges[0]?.url)).toEqual({ fields: "role,status" });
    expect(violationsOf(exchanges)).toEqual([]);
  });

  it("throws BoxForbiddenError when the user may not see the collaborators", async () => {
    const { client, exchanges } = contractClient("code=403");
    await expect(client.getFileCollaborations("12345")).rejects.toBeInstanceOf(BoxForbiddenError);
    expect(violationsOf(exchanges)).toEqual([]);
  });
});

describe("getFileCollaborationsIterator", () => {
  it("yields every collaboration of a file", async () => {
    const { client, exchanges } = contractClient();
    const roles = [];
    for await (const collaboration of client.getFileCollaborationsIterator("12345")) roles.push(collaboration.role);
    expect(roles).toEqual(["owner", "viewer"]);
    expect(violationsOf(exchanges)).toEqual([]);
  });

  it("fails on a bad file id before iterating or sending anything", async () => {
    const { client, exchanges } = contractClient();
    expect(() => client.getFileCollaborationsIterator("12a")).toThrow(BoxValidationError);
    expect(exchanges).toEqual([]);
  });
});

describe("getPendingCollaborations", () => {
  it("lists the caller's pending invitations", async () => {
    const { client, exchanges } = contractClient();
    const page = await client.getPendingCollaborations({ limit: 10, offset: 0 });
    expect(page.entries[0]).toMatchObject({ id: "791295", status: "pending", role: "viewer uploader" });
    expect(queryOf(exchanges[0]?.url)).toEqual({ status: "pending", limit: "10", offset: "0" });
    expect(violationsOf(exchanges)).toEqual([]);
  });

  it("throws BoxBadRequestError when Box refuses the paging", async () => {
    const { client, exchanges } = contractClient("code=400");
    await expect(client.getPendingCollaborations({ offset: 10000 })).rejects.toBeInstanceOf(BoxBadRequestError);
    expect(violationsOf(exchanges)).toEqual([]);
  });
});

describe("getPendingCollaborationsIterator", () => {
  it("yields every pending invitation", async () => {
    const { client, exchanges } = contractClient();
    const ids = [];
    for await (const invitation of client.getPendingCollaborationsIterator()) ids.push(invitation.id);
    expect(ids).toEqual(["791295"]);
    expect(queryOf(exchanges[0]?.url)).toEqual({ status: "pending" });
    expect(violationsOf(exchanges)).toEqual([]);
  });

  it("refuses a limit out of range before any request", async () => {
    const { client, exchanges } = contractClient();
    await expect(client.getPendingCollaborationsIterator({ limit: 5000 }).next()).rejects.toMatchObject({ argument: "options.limit" });
    expect(exchanges).toEqual([]);
  });
});
