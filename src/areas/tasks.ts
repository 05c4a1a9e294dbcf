import type { Task, Tasks } from "../../generated/box-api.js";
import { via, type ClientContext } from "../context.js";
import { TaskAction, TaskCompletionRule } from "../enums/task-enums.js";
import { requireSpecValue } from "../enums/spec-enum.js";
import { BoxValidationError } from "../errors.js";
import { unwrap, unwrapBody } from "../http/unwrap.js";
import type { CallOptions } from "../options.js";
import { requireId } from "../validate.js";
import { optionalDateTime, optionalNote } from "../validate-content.js";

/** What a task is: its action, note and completion rule. */
export interface TaskDetails {
  /** `review` (approve or reject; Box's default) or `complete` (mark done). */
  action?: TaskAction;
  /** A note shown to the assignees. */
  message?: string;
  /** `all_assignees` (Box's default) or `any_assignee`. */
  completionRule?: TaskCompletionRule;
}

/** Options of {@link TaskMethods.addTask}. */
export interface AddTaskOptions extends TaskDetails, CallOptions {}

/** The changes of {@link TaskMethods.changeTask}; at least one must be given. */
export interface ChangeTaskOptions extends TaskDetails, CallOptions {
  /** The new due date: a Date or an RFC 3339 timestamp. */
  dueAt?: string | Date;
}

function taskDetails(argument: string, details: TaskDetails) {
  const { action, message, completionRule } = details;
  return {
    action: action === undefined ? undefined : requireSpecValue(`${argument}.action`, action, TaskAction),
    message: optionalNote(`${argument}.message`, message),
    completion_rule: completionRule === undefined ? undefined : requireSpecValue(`${argument}.completionRule`, completionRule, TaskCompletionRule),
  };
}

export function taskMethods(context: ClientContext) {
  const { api } = context;
  return {
    /**
     * Every task on a file (Box does not page this list). Box.py: `get_file_tasks`.
     *
     * @example
     * const { entries } = await client.getFileTasks("12345");
     */
    async getFileTasks(fileId: string, options: CallOptions = {}): Promise<Tasks> {
      const id = requireId("fileId", fileId);
      return unwrapBody(await api.GET("/files/{file_id}/tasks", { params: { path: { file_id: id } }, ...via(context, options) }));
    },

    /**
     * A task with its file, due date, action and assignments. Box.py: `get_task_information`.
     *
     * @example
     * const task = await client.getTaskInformation("11446498");
     */
    async getTaskInformation(taskId: string, options: CallOptions = {}): Promise<Task> {
      const id = requireId("taskId", taskId);
      return unwrapBody(await api.GET("/tasks/{task_id}", { params: { path: { task_id: id } }, ...via(context, options) }));
    },

    /**
     * Creates a task on a file, due at `dueAt` (`undefined` for no due date).
     * Assign it with `client.assignTask`. Box.py: `add_task`.
     *
     * @example
     * const task = await client.addTask("12345", new Date("2012-12-19T17:00:00-08:00"), {
     *   action: TaskAction.REVIEW, message: "Please approve", completionRule: TaskCompletionRule.ANY_ASSIGNEE,
     * });
     */
    async addTask(fileId: string, dueAt: string | Date | undefined, options: AddTaskOptions = {}): Promise<Task> {
      const id = requireId("fileId", fileId);
      const body = { item: { id, type: "file" as const }, due_at: optionalDateTime("dueAt", dueAt), ...taskDetails("options", options) };
      return unwrapBody(await api.POST("/tasks", { body, ...via(context, options) }));
    },

    /**
     * Changes the given attributes of a task and keeps the others. Box.py:
     * `change_task` (which took `due_at` first; here every change is an option).
     *
     * @example
     * await client.changeTask("11446498", { dueAt: "2012-12-21T17:00:00-08:00" });
     */
    async changeTask(taskId: string, changes: ChangeTaskOptions): Promise<Task> {
      const id = requireId("taskId", taskId);
      const body = { due_at: optionalDateTime("changes.dueAt", changes.dueAt), ...taskDetails("changes", changes) };
      if (Object.values(body).every((value) => value === undefined)) {
        throw new BoxValidationError("changes", "give at least one of dueAt, action, message, completionRule");
      }
      return unwrapBody(await api.PUT("/tasks/{task_id}", { params: { path: { task_id: id } }, body, ...via(context, changes) }));
    },

    /**
     * Deletes a task and its assignments. Box.py: `delete_task`.
     *
     * @example
     * await client.deleteTask("11446498");
     */
    async deleteTask(taskId: string, options: CallOptions = {}): Promise<void> {
      const id = requireId("taskId", taskId);
      unwrap(await api.DELETE("/tasks/{task_id}", { params: { path: { task_id: id } }, ...via(context, options) }));
    },
  };
}

export type TaskMethods = ReturnType<typeof taskMethods>;
