import { describe, expect, it } from "vitest";
import { BoxBadRequestError, BoxForbiddenError, ItemDoesNotExistError, TaskAction, TaskCompletionRule } from "../../src/index.js";
import { contractClient, violationsOf, jsonBody } from "../support/contract.js";


describe("getFileTasks", () => {
  it("lists a file's tasks", async () => {
    const { client, exchanges } = contractClient();
    const tasks = await client.getFileTasks("12345");
    expect(tasks.total_count).toBe(1);
    expect(tasks.entries[0]).toMatchObject({ id: "11446498", type: "task", action: "review" });
    expect(violationsOf(exchanges)).toEqual([]);
  });

  it("throws ItemDoesNotExistError for a missing file", async () => {
    const { client, exchanges } = contractClient("code=404");
    await expect(client.getFileTasks("999")).rejects.toBeInstanceOf(ItemDoesNotExistError);
    expect(violationsOf(exchanges)).toEqual([]);
  });
});

describe("getTaskInformation", () => {
  it("reads a task with its assignments", async () => {
    const { client, exchanges } = contractClient();
    const task = await client.getTaskInformation("11446498");
    expect(task.task_assignment_collection?.entries[0]?.resolution_state).toBe("incomplete");
    expect(violationsOf(exchanges)).toEqual([]);
  });

  it("throws ItemDoesNotExistError for a missing task", async () => {
    const { client, exchanges } = contractClient("code=404");
    await expect(client.getTaskInformation("1")).rejects.toBeInstanceOf(ItemDoesNotExistError);
    expect(violationsOf(exchanges)).toEqual([]);
  });
});

describe("addTask", () => {
  it("creates a task with a due date, action, message and completion rule", async () => {
    const { client, exchanges } = contractClient();
    const task = await client.addTask("12345", new Date("2012-12-20T01:00:00.000Z"), {
      action: TaskAction.COMPLETE,
      message: "Sign the greeting",
      completionRule: TaskCompletionRule.ANY_ASSIGNEE,
    });
    expect(task.type).toBe("task");
    expect(jsonBody(exchanges[0]?.body)).toEqual({
      item: { id: "12345", type: "file" },
      due_at: "2012-12-20T01:00:00Z",
      action: "complete",
      message: "Sign the greeting",
      completion_rule: "any_assignee",
    });
    expect(violationsOf(exchanges)).toEqual([]);
  });

  it("creates a task without a due date, leaving the rest to Box's defaults", async () => {
    const { client, exchanges } = contractClient();
    await client.addTask("12345", undefined);
    expect(jsonBody(exchanges[0]?.body)).toEqual({ item: { id: "12345", type: "file" } });
    expect(violationsOf(exchanges)).toEqual([]);
  });

  it("throws BoxForbiddenError when the user may not add tasks to the file", async () => {
    const { client, exchanges } = contractClient("code=403");
    await expect(client.addTask("12345", "2012-12-19T17:00:00-08:00")).rejects.toBeInstanceOf(BoxForbiddenError);
    expect(violationsOf(exchanges)).toEqual([]);
  });

  it("refuses a due date that is not a timestamp before any request", async () => {
    const { client, exchanges } = contractClient();
    await expect(client.addTask("12345", "next friday")).rejects.toMatchObject({ name: "BoxValidationError", argument: "dueAt" });
    await expect(client.addTask("12345", new Date("nope"))).rejects.toMatchObject({ name: "BoxValidationError", argument: "dueAt" });
    expect(exchanges).toEqual([]);
  });
});

describe("changeTask", () => {
  it("sends only the attributes that change", async () => {
    const { client, exchanges } = contractClient();
    const task = await client.changeTask("11446498", { dueAt: "2012-12-21T17:00:00-08:00", message: "By Friday" });
    expect(task.id).toBe("11446498");
    expect(exchanges[0]?.method).toBe("PUT");
    expect(jsonBody(exchanges[0]?.body)).toEqual({ due_at: "2012-12-21T17:00:00-08:00", message: "By Friday" });
    expect(violationsOf(exchanges)).toEqual([]);
  });

  it("throws BoxBadRequestError when Box refuses the change", async () => {
    const { client, exchanges } = contractClient("code=400");
    await expect(client.changeTask("11446498", { action: "complete" })).rejects.toBeInstanceOf(BoxBadRequestError);
    expect(violationsOf(exchanges)).toEqual([]);
  });

  it("refuses an empty change or an unknown action before any request", async () => {
    const { client, exchanges } = contractClient();
    await expect(client.changeTask("11446498", {})).rejects.toMatchObject({ name: "BoxValidationError", argument: "changes" });
    // @ts-expect-error "approve" is not a task action
    await expect(client.changeTask("11446498", { action: "approve" })).rejects.toMatchObject({ argument: "changes.action" });
    expect(exchanges).toEqual([]);
  });
});

describe("deleteTask", () => {
  it("deletes a task and resolves with nothing", async () => {
    const { client, exchanges } = contractClient();
    await expect(client.deleteTask("11446498")).resolves.toBeUndefined();
    expect(exchanges[0]).toMatchObject({ method: "DELETE", status: 204 });
    expect(violationsOf(exchanges)).toEqual([]);
  });

  it("throws ItemDoesNotExistError for a missing task", async () => {
    const { client, exchanges } = contractClient("code=404");
    await expect(client.deleteTask("1")).rejects.toBeInstanceOf(ItemDoesNotExistError);
    expect(violationsOf(exchanges)).toEqual([]);
  });
});
