import { describe, expect, it } from "vitest";
import {
  BoxAccountUnauthorizedError,
  BoxBadRequestError,
  BoxClient,
  BoxClientError,
  BoxForbiddenError,
  BoxRateLimitError,
  BoxServerError,
  ItemAlreadyExistsError,
  ItemDoesNotExistError,
  PreconditionFailedError,
} from "../../src/index.js";

function boxError(status: number, code: string, extra: Record<string, unknown> = {}) {
  return {
    type: "error",
    status,
    code,
    message: `message for ${code}`,
    help_url: "https://developer.box.com/guides/api-calls/permissions-and-errors/common-errors/",
    request_id: `req-${status}`,
    ...extra,
  };
}

function clientAnswering(status: number, body: unknown, headers: Record<string, string> = {}) {
  return new BoxClient("token", {
    maxRetries: 0,
    fetch: async () =>
      new Response(body === undefined ? null : JSON.stringify(body), {
        status,
        headers: { ...(body === undefined ? { "content-length": "0" } : { "content-type": "application/json" }), ...headers },
      }),
  });
}

describe("error mapping", () => {
  it.each([
    [400, "bad_request", BoxBadRequestError],
    [403, "access_denied_insufficient_permissions", BoxForbiddenError],
    [404, "not_found", ItemDoesNotExistError],
    [405, "method_not_allowed", BoxBadRequestError],
    [409, "item_name_in_use", ItemAlreadyExistsError],
    [412, "precondition_failed", PreconditionFailedError],
    [429, "rate_limit_exceeded", BoxRateLimitError],
    [500, "internal_server_error", BoxServerError],
    [503, "unavailable", BoxServerError],
  ])("maps %i %s to its error class", async (status, code, ErrorClass) => {
    const error = await clientAnswering(status, boxError(status, code)).getFileMetadata("1").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ErrorClass);
    expect(error).toBeInstanceOf(BoxClientError);
  });

  it("carries status, code, message, request id, help URL and context info from Box's body", async () => {
    const conflicts = [{ type: "folder", id: "9" }];
    const body = boxError(409, "item_name_in_use", { context_info: { conflicts } });
    const error = await clientAnswering(409, body).getFileMetadata("1").catch((e: unknown) => e);
    expect(error).toMatchObject({
      status: 409,
      code: "item_name_in_use",
      requestId: "req-409",
      helpUrl: "https://developer.box.com/guides/api-calls/permissions-and-errors/common-errors/",
      contextInfo: { conflicts },
    });
    expect(String(error)).toContain("message for item_name_in_use");
    expect(String(error)).toContain("req-409");
  });

  it("names the method and URL of the failed request", async () => {
    const error = await clientAnswering(404, boxError(404, "not_found")).getFileMetadata("77").catch((e: unknown) => e);
    expect(error).toMatchObject({ method: "GET", url: "https://api.box.com/2.0/files/77" });
  });

  it("reads a 401's reason from WWW-Authenticate, since its body is empty", async () => {
    const header = 'Bearer realm="Service", error="invalid_token", error_description="The access token provided is invalid."';
    const error = await clientAnswering(401, undefined, { "www-authenticate": header }).getUserInfo().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BoxAccountUnauthorizedError);
    expect(error).toMatchObject({ status: 401, code: "invalid_token" });
    expect(String(error)).toContain("The access token provided is invalid.");
  });

  it("falls back to the box-request-id header when the body has no request id", async () => {
    const error = await clientAnswering(500, { message: "oops" }, { "box-request-id": "hdr-123" }).getUserInfo().catch((e: unknown) => e);
    expect(error).toMatchObject({ status: 500, requestId: "hdr-123" });
  });

  it("keeps an unknown Box code as it is", async () => {
    const error = await clientAnswering(400, boxError(400, "brand_new_code")).getUserInfo().catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "brand_new_code" });
  });
});
