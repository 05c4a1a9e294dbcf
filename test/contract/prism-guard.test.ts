import { describe, expect, it } from "vitest";
import { contractClient, violationsOf } from "../support/contract.js";

// The contract tests trust `violationsOf` to catch requests that break the
// spec; this proves it does see one.
describe("the contract harness", () => {
  it("reports Prism's violation for a request that breaks the spec", async () => {
    const { client, exchanges } = contractClient();
    await client.api.GET("/files/{file_id}", { params: { path: { file_id: "not-digits" } } });
    expect(violationsOf(exchanges)).toHaveLength(1);
    expect(violationsOf(exchanges)[0]).toContain("file_id");
  });
});
