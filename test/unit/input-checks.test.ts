import { describe, expect, it } from "vitest";
import { BoxClient, BoxValidationError } from "../../src/index.js";

/** A client whose fetch must never be reached; it counts the attempts anyway. */
function offlineClient() {
  let requests = 0;
  const fetch = async (): Promise<Response> => {
    requests++;
    return new Response(null, { status: 500 });
  };
  return { client: new BoxClient("token", { baseUrl: "https://api.box.test/2.0", fetch, maxRetries: 0 }), requests: () => requests };
}

type Call = (client: BoxClient, value: string) => unknown;

/** Every id argument of this area's methods, with the name the error must carry. */
const ID_ARGUMENTS: Array<[string, string, Call]> = [
  ["moveFile", "fileId", (c, v) => c.moveFile(v, "0")],
  ["moveFile", "parentId", (c, v) => c.moveFile("1", v)],
  ["getFileVersions", "fileId", (c, v) => c.getFileVersions(v)],
  ["createFolder", "parentId", (c, v) => c.createFolder("a", v)],
  ["copyFolder", "folderId", (c, v) => c.copyFolder(v, "0")],
  ["copyFolder", "parentId", (c, v) => c.copyFolder("1", v)],
  ["moveFolder", "folderId", (c, v) => c.moveFolder(v, "0")],
  ["moveFolder", "parentId", (c, v) => c.moveFolder("1", v)],
  ["deleteFolder", "folderId", (c, v) => c.deleteFolder(v)],
  ["restoreFile", "fileId", (c, v) => c.restoreFile(v)],
  ["restoreFile", "options.parentId", (c, v) => c.restoreFile("1", { parentId: v })],
  ["restoreFolder", "folderId", (c, v) => c.restoreFolder(v)],
  ["deleteTrashedFile", "fileId", (c, v) => c.deleteTrashedFile(v)],
  ["deleteTrashedFolder", "folderId", (c, v) => c.deleteTrashedFolder(v)],
  ["getFolderIterator", "folderId", (c, v) => c.getFolderIterator(v).next()],
  ["shareLink", "fileId", (c, v) => c.shareLink(v)],
  ["shareFolderLink", "folderId", (c, v) => c.shareFolderLink(v)],
  ["unshareLink", "fileId", (c, v) => c.unshareLink(v)],
  ["unshareFolderLink", "folderId", (c, v) => c.unshareFolderLink(v)],
  ["search", "options.ancestorFolderIds[0]", (c, v) => c.search("q", { ancestorFolderIds: [v] })],
  ["search", "options.ownerUserIds[0]", (c, v) => c.search("q", { ownerUserIds: [v] })],
  ["getThumbnail", "fileId", (c, v) => c.getThumbnail(v)],
  ["getPathOfFile", "file", (c, v) => c.getPathOfFile(v)],
];

/** Runs a call that may throw at once or reject later, and returns the error. */
async function failureOf(run: () => unknown): Promise<unknown> {
  try {
    await run();
  } catch (error) {
    return error;
  }
  return undefined;
}

describe("ids that could change the request path", () => {
  for (const bad of ["../users/me", "", "12/34", "1?x=1", " 1", "abc"]) {
    for (const [method, argument, call] of ID_ARGUMENTS) {
      it(`${method} refuses ${JSON.stringify(bad)} as ${argument} before any request`, async () => {
        const { client, requests } = offlineClient();
        const error = await failureOf(() => call(client, bad));
        expect(error).toBeInstanceOf(BoxValidationError);
        expect(error).toMatchObject({ argument });
        expect(requests()).toBe(0);
      });
    }
  }
});

describe("names", () => {
  const NAME_CALLS: Array<[string, string, Call]> = [
    ["createFolder", "name", (c, v) => c.createFolder(v)],
    ["copyFolder", "options.newName", (c, v) => c.copyFolder("1", "0", { newName: v })],
    ["moveFile", "options.newName", (c, v) => c.moveFile("1", "0", { newName: v })],
    ["restoreFile", "options.newName", (c, v) => c.restoreFile("1", { newName: v })],
    ["restoreFolder", "options.newName", (c, v) => c.restoreFolder("1", { newName: v })],
  ];
  for (const bad of ["", ".", "..", "a/b", "a\\b", "x".repeat(256)]) {
    for (const [method, argument, call] of NAME_CALLS) {
      it(`${method} refuses the name ${JSON.stringify(bad.length > 20 ? `${bad.slice(0, 5)}...(${bad.length})` : bad)}`, async () => {
        const { client, requests } = offlineClient();
        const error = await failureOf(() => call(client, bad));
        expect(error).toMatchObject({ name: "BoxValidationError", argument });
        expect(requests()).toBe(0);
      });
    }
  }

  it("accepts a name of exactly 255 characters", async () => {
    const { client, requests } = offlineClient();
    const error = await failureOf(() => client.createFolder("x".repeat(255)));
    expect(error).not.toBeInstanceOf(BoxValidationError);
    expect(requests()).toBe(1);
  });
});

describe("limits and other options", () => {
  const CASES: Array<[string, string, (client: BoxClient) => unknown]> = [
    ["getFileVersions limit 0", "options.limit", (c) => c.getFileVersions("1", { limit: 0 })],
    ["getFileVersions limit 1001", "options.limit", (c) => c.getFileVersions("1", { limit: 1001 })],
    ["getTrashItems limit 1001", "options.limit", (c) => c.getTrashItems({ limit: 1001 })],
    ["getTrashItems offset 10001", "options.offset", (c) => c.getTrashItems({ offset: 10001 })],
    ["getTrashItems offset with markers", "options.offset", (c) => c.getTrashItems({ usemarker: true, offset: 0 })],
    ["getUserList limit 2.5", "options.limit", (c) => c.getUserList({ limit: 2.5 })],
    ["getUserList offset with a marker", "options.offset", (c) => c.getUserList({ marker: "m", offset: 0 })],
    ["getFolderIterator limit 1001", "options.limit", (c) => c.getFolderIterator("0", { limit: 1001 })],
    ["search limit 201", "options.limit", (c) => c.search("q", { limit: 201 })],
    ["search offset -1", "options.offset", (c) => c.search("q", { offset: -1 })],
    ["search empty query", "query", (c) => c.search("")],
    ["search extension with a dot", "options.fileExtensions[0]", (c) => c.search("q", { fileExtensions: [".pdf"] })],
    ["search empty range", "options.createdAtRange", (c) => c.search("q", { createdAtRange: {} })],
    ["search bad date", "options.updatedAtRange.from", (c) => c.search("q", { updatedAtRange: { from: "yesterday" } })],
    ["search negative size", "options.sizeRange.to", (c) => c.search("q", { sizeRange: { to: -1 } })],
    ["searchIterator limit 201", "options.limit", (c) => c.searchIterator("q", { limit: 201 })],
    ["getThumbnail size 31", "options.minHeight", (c) => c.getThumbnail("1", { minHeight: 31 })],
    ["getThumbnail min above max", "options.minWidth", (c) => c.getThumbnail("1", { minWidth: 200, maxWidth: 100 })],
    ["getThumbnail negative maxWait", "options.maxWait", (c) => c.getThumbnail("1", { maxWait: -1 })],
    ["shareLink bad expiry", "options.expireAt", (c) => c.shareLink("1", { expireAt: "next week" })],
    // @ts-expect-error the types already forbid it; the check is for JavaScript callers
    ["shareFolderLink canEdit", "options.canEdit", (c) => c.shareFolderLink("1", { canEdit: true })],
    ["getSharedItem password with &", "options.password", (c) => c.getSharedItem("https://app.box.com/s/abc", { password: "a&b" })],
    ["deleteFolder root", "folderId", (c) => c.deleteFolder("0")],
  ];
  for (const [label, argument, call] of CASES) {
    it(`refuses ${label}, naming ${argument}`, async () => {
      const { client, requests } = offlineClient();
      const error = await failureOf(() => call(client));
      expect(error).toMatchObject({ name: "BoxValidationError", argument });
      expect(requests()).toBe(0);
    });
  }
});
