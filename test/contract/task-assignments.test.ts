import { describe, expect, it } from "vitest";
import { BoxBadRequestError, BoxForbiddenError, ItemDoesNotExistError, ResolutionState } from "../../src/index.js";
import { contractClient, violationsOf, jsonBody } from "../support/contract.js";


describe("getTaskAssignments", () => {
  it("lists a task's assignments", async () => {
    const { client, exchanges } = contractClient();
    const assignments = await client.getTaskAssignments("11446498");
    expect(assignments.entries[0]).toMatchObject({ id: "2698512", type: "task_assignment", assigned_to: { login: "dylan@example.com" } });
    expect(exchanges[0]?.url).toMatch(/\/tasks\/11446498\/assignments$/);
    expect(violationsOf(exchanges)).toEqual([]);
  });

  it("throws ItemDoesNotExistError for a missing task", async () => {
    const { client, exchanges } = contractClient("code=404");
    await expect(client.getTaskAssignments("1")).rejects.toBeInstanceOf(ItemDoesNotExistError);
    expect(violationsOf(exchanges)).toEqual([]);
  });
});

describe("getAssignment", () => {
  it("reads an assignment", async () => {
    const { client, exchanges } = contractClient();
    const assignment = await client.getAssignment("2698512");
    expect(assignment).toMatchObject({ id: "2698512", resolution_state: "incomplete", completed_at: null });
    expect(violationsOf(exchanges)).toEqual([]);
  });

  it("throws ItemDoesNotExistError for a missing assignment", async () => {
    const { client, exchanges } = contractClient("code=404");
    await expect(client.getAssignment("1")).rejects.toBeInstanceOf(ItemDoesNotExistError);
    expect(violationsOf(exchanges)).toEqual([]);
  });
});

describe("assignTask", () => {
  it("assigns a task to a user named by id", async () => {
    const { client, exchanges } = contractClient();
    const assignment = await client.assignTask("11446498", { userId: "33552211" });
    expect(assignment.type).toBe("task_assignment");
    expect(jsonBody(exchanges[0]?.body)).toEqual({ task: { id: "11446498", type: "task" }, assign_to: { id: "33552211" } });
    expect(violationsOf(exchanges)).toEqual([]);
  });

  it("assigns a task to a user named by login", async () => {
    const { client, exchanges } = contractClient();
    await client.assignTask("11446498", { login: "dylan@example.com" });
    expect(jsonBody(exchanges[0]?.body)).toEqual({ task: { id: "11446498", type: "task" }, assign_to: { login: "dylan@example.com" } });
    expect(violationsOf(exchanges)).toEqual([]);
  });

  it("throws BoxForbiddenError when the task is already completed", async () => {
    const { client, exchanges } = contractClient("code=403");
    await expect(client.assignTask("11446498", { userId: "33552211" })).rejects.toBeInstanceOf(BoxForbiddenError);
    expect(violationsOf(exchanges)).toEqual([]);
  });

  it("refuses an assignee given both ways, or neither, before any request", async () => {
    const { client, exchanges } = contractClient();
    // @ts-expect-error userId and login are exclusive
    await expect(client.assignTask("11446498", { userId: "1", login: "a@example.com" })).rejects.toMatchObject({ argument: "assignee" });
    // @ts-expect-error an assignee is needed
    await expect(client.assignTask("11446498", {})).rejects.toMatchObject({ argument: "assignee" });
    await expect(client.assignTask("11446498", { login: "not an address" })).rejects.toMatchObject({ argument: "assignee.login" });
    expect(exchanges).toEqual([]);
  });
});

describe("updateAssignment", () => {
  it("approves a review assignment with a note", async () => {
    const { client, exchanges } = contractClient();
    const assignment = await client.updateAssignment("2698512", ResolutionState.APPROVED, { taskAction: "review", message: "Looks good" });
    expect(assignment.id).toBe("2698512");
    expect(jsonBody(exchanges[0]?.body)).toEqual({ resolution_state: "approved", message: "Looks good" });
    expect(violationsOf(exchanges)).toEqual([]);
  });

  it("sends any valid state when the task's action is not given", async () => {
    const { client, exchanges } = contractClient();
    await client.updateAssignment("2698512", "completed");
    expect(jsonBody(exchanges[0]?.body)).toEqual({ resolution_state: "completed" });
    expect(violationsOf(exchanges)).toEqual([]);
  });

  it("throws BoxBadRequestError when Box finds the state incompatible with the task", async () => {
    const { client, exchanges } = contractClient("code=400");
    await expect(client.updateAssignment("2698512", "approved")).rejects.toBeInstanceOf(BoxBadRequestError);
    expect(violationsOf(exchanges)).toEqual([]);
  });

  it("refuses a state the given task action does not allow, before any request", async () => {
    const { client, exchanges } = contractClient();
    const error = await client.updateAssignment("2698512", "approved", { taskAction: "complete" }).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: "BoxValidationError", argument: "resolutionState" });
    expect(String(error)).toContain('"incomplete", "completed"');
    await expect(client.updateAssignment("2698512", "completed", { taskAction: "review" })).rejects.toMatchObject({ argument: "resolutionState" });
    expect(exchanges).toEqual([]);
  });

  it("refuses an unknown state before any request", async () => {
    const { client, exchanges } = contractClient();
    // @ts-expect-error "done" is not a resolution state
    await expect(client.updateAssignment("2698512", "done")).rejects.toMatchObject({ name: "BoxValidationError", argument: "resolutionState" });
    expect(exchanges).toEqual([]);
  });
});

describe("deleteAssignment", () => {
  it("deletes an assignment and resolves with nothing", async () => {
    const { client, exchanges } = contractClient();
    await expect(client.deleteAssignment("2698512")).resolves.toBeUndefined();
    expect(exchanges[0]).toMatchObject({ method: "DELETE", status: 204 });
    expect(violationsOf(exchanges)).toEqual([]);
  });

  it("throws ItemDoesNotExistError for a missing assignment", async () => {
    const { client, exchanges } = contractClient("code=404");
    await expect(client.deleteAssignment("1")).rejects.toBeInstanceOf(ItemDoesNotExistError);
    expect(violationsOf(exchanges)).toEqual([]);
  });
});
