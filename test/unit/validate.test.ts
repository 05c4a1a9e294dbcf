import { describe, expect, it } from "vitest";
import { BoxClient, BoxValidationError } from "../../src/index.js";

/** A client whose fetch records calls: validation must fail before any of them. */
function recordingClient() {
  const requests: Request[] = [];
  const client = new BoxClient("token", {
    fetch: async (request) => {
      requests.push(request);
      return new Response("{}", { status: 200, headers: { "content-type": "application/json" } });
    },
  });
  return { client, requests };
}

async function validationFailure(action: () => Promise<unknown>): Promise<BoxValidationError> {
  const error = await action().catch((e: unknown) => e);
  if (!(error instanceof BoxValidationError)) throw new Error(`expected a BoxValidationError, got ${String(error)}`);
  return error;
}

describe("input validation", () => {
  it("refuses an id that would change the request path, naming the argument", async () => {
    const { client, requests } = recordingClient();
    const error = await validationFailure(() => client.getFileMetadata("../users/me"));
    expect(error.argument).toBe("fileId");
    expect(error.message).toContain("fileId");
    expect(requests).toHaveLength(0);
  });

  it("refuses an empty id", async () => {
    const { client, requests } = recordingClient();
    expect((await validationFailure(() => client.getFolder(""))).argument).toBe("folderId");
    expect(requests).toHaveLength(0);
  });

  it("refuses a non-string id", async () => {
    const { client, requests } = recordingClient();
    // Simulates a JavaScript caller passing a number where the API wants a string.
    const numericId: unknown = 12345;
    expect((await validationFailure(() => client.deleteFile(numericId as string))).argument).toBe("fileId");
    expect(requests).toHaveLength(0);
  });

  it.each([
    ["", "must not be empty"],
    ["a/b.txt", "must not contain"],
    ["a\\b.txt", "must not contain"],
    [".", "must not be"],
    ["..", "must not be"],
    ["x".repeat(256), "at most 255"],
    ["trailing ", "whitespace"],
    ["tab\there", "control characters"],
  ])("refuses the file name %j before uploading", async (name, problem) => {
    const { client, requests } = recordingClient();
    const error = await validationFailure(() => client.uploadFile(name, "hello"));
    expect(error.argument).toBe("name");
    expect(error.message).toContain(problem);
    expect(requests).toHaveLength(0);
  });

  it("refuses a copy name with a slash, naming the option", async () => {
    const { client, requests } = recordingClient();
    expect((await validationFailure(() => client.copyFile("1", { newFilename: "../x" }))).argument).toBe("options.newFilename");
    expect(requests).toHaveLength(0);
  });

  it.each([0, 1001, 2.5, Number.NaN])("refuses the page size %s", async (limit) => {
    const { client, requests } = recordingClient();
    expect((await validationFailure(() => client.getFolderContent("0", { limit }))).argument).toBe("options.limit");
    expect(requests).toHaveLength(0);
  });

  it("refuses an offset above Box's 10000 maximum", async () => {
    const { client, requests } = recordingClient();
    expect((await validationFailure(() => client.getFolderContent("0", { offset: 10001 }))).argument).toBe("options.offset");
    expect(requests).toHaveLength(0);
  });

  it("refuses a field name containing a comma", async () => {
    const { client, requests } = recordingClient();
    expect((await validationFailure(() => client.getUserInfo("me", { fields: ["name,login"] }))).argument).toBe("options.fields");
    expect(requests).toHaveLength(0);
  });

  it("refuses upload content of an unsupported type", async () => {
    const { client, requests } = recordingClient();
    const content: unknown = { not: "content" };
    expect((await validationFailure(() => client.uploadFile("a.txt", content as string))).argument).toBe("content");
    expect(requests).toHaveLength(0);
  });

  it("refuses a backwards download range", async () => {
    const { client, requests } = recordingClient();
    expect((await validationFailure(() => client.downloadFile("1", { range: { start: 10, end: 5 } }))).argument).toBe("options.range.end");
    expect(requests).toHaveLength(0);
  });

  it("refuses an empty access token when the client is built", () => {
    expect(() => new BoxClient("")).toThrow(BoxValidationError);
  });

  it("refuses a base URL that is not an absolute http(s) URL", () => {
    expect(() => new BoxClient("token", { baseUrl: "api.box.com/2.0" })).toThrow(/options\.baseUrl/);
  });
});
