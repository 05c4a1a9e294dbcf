import type { TaskAssignment, TaskAssignments } from "../../generated/box-api.js";
import { via, type ClientContext } from "../context.js";
import { requireSpecValue } from "../enums/spec-enum.js";
import { RESOLUTION_STATES_BY_ACTION, ResolutionState, TaskAction } from "../enums/task-enums.js";
import { BoxValidationError } from "../errors.js";
import { unwrap, unwrapBody } from "../http/unwrap.js";
import type { CallOptions } from "../options.js";
import { requireId } from "../validate.js";
import { optionalNote, requireLogin } from "../validate-content.js";

/** The user a task goes to: by id, or by login (e-mail address), not both. */
export type TaskAssignee = { userId: string; login?: never } | { login: string; userId?: never };

/** Options of {@link TaskAssignmentMethods.updateAssignment}. */
export interface UpdateAssignmentOptions extends CallOptions {
  /** A note from the assignee. */
  message?: string;
  /**
   * The task's action, when the caller knows it. Then `resolutionState` must be
   * one Box accepts for that action ({@link RESOLUTION_STATES_BY_ACTION}),
   * checked before any request. Without it, any resolution state is sent and
   * Box answers 400 (BoxBadRequestError) for one that does not fit.
   */
  taskAction?: TaskAction;
}

function resolutionStateFor(state: unknown, taskAction: unknown): ResolutionState {
  const resolution = requireSpecValue("resolutionState", state, ResolutionState);
  if (taskAction === undefined) return resolution;
  const action = requireSpecValue("options.taskAction", taskAction, TaskAction);
  const allowed: readonly ResolutionState[] = RESOLUTION_STATES_BY_ACTION[action];
  if (!allowed.includes(resolution)) {
    throw new BoxValidationError("resolutionState", `a "${action}" task accepts ${allowed.map((s) => `"${s}"`).join(", ")}, not "${resolution}"`);
  }
  return resolution;
}

function assignTo(assignee: TaskAssignee): { id: string } | { login: string } {
  if (typeof assignee !== "object" || assignee === null) throw new BoxValidationError("assignee", "expected { userId } or { login }");
  const { userId, login } = assignee;
  if (userId !== undefined && login !== undefined) throw new BoxValidationError("assignee", "give userId or login, not both");
  if (userId !== undefined) return { id: requireId("assignee.userId", userId) };
  if (login !== undefined) return { login: requireLogin("assignee.login", login) };
  throw new BoxValidationError("assignee", "expected { userId } or { login }");
}

export function taskAssignmentMethods(context: ClientContext) {
  const { api } = context;
  return {
    /**
     * Every assignment of a task (Box does not page this list). Box.py: `get_task_assignments`.
     *
     * @example
     * const { entries } = await client.getTaskAssignments("11446498");
     */
    async getTaskAssignments(taskId: string, options: CallOptions = {}): Promise<TaskAssignments> {
      const id = requireId("taskId", taskId);
      return unwrapBody(await api.GET("/tasks/{task_id}/assignments", { params: { path: { task_id: id } }, ...via(context, options) }));
    },

    /**
     * One assignment: who, on which file, and how far they are. Box.py: `get_assignment`.
     *
     * @example
     * const assignment = await client.getAssignment("2698512");
     * console.log(assignment.resolution_state);
     */
    async getAssignment(assignmentId: string, options: CallOptions = {}): Promise<TaskAssignment> {
      const id = requireId("assignmentId", assignmentId);
      return unwrapBody(
        await api.GET("/task_assignments/{task_assignment_id}", { params: { path: { task_assignment_id: id } }, ...via(context, options) }),
      );
    },

    /**
     * Assigns a task to a user named by id or by login. Box answers 403
     * (BoxForbiddenError) when the task is already completed. Box.py: `assign_task`.
     *
     * @example
     * await client.assignTask("11446498", { userId: "33552211" });
     * await client.assignTask("11446498", { login: "dylan@example.com" });
     */
    async assignTask(taskId: string, assignee: TaskAssignee, options: CallOptions = {}): Promise<TaskAssignment> {
      const id = requireId("taskId", taskId);
      const body = { task: { id, type: "task" as const }, assign_to: assignTo(assignee) };
      return unwrapBody(await api.POST("/task_assignments", { body, ...via(context, options) }));
    },

    /**
     * Answers an assignment: `completed` / `incomplete` for `complete` tasks,
     * `approved` / `rejected` / `incomplete` for `review` tasks. Pass
     * `taskAction` to have a mismatch caught before the request; an unknown
     * state is always refused before the request. Box.py: `update_assignment`.
     *
     * @example
     * await client.updateAssignment("2698512", ResolutionState.APPROVED, { taskAction: "review", message: "Looks good" });
     */
    async updateAssignment(assignmentId: string, resolutionState: ResolutionState, options: UpdateAssignmentOptions = {}): Promise<TaskAssignment> {
      const id = requireId("assignmentId", assignmentId);
      const body = { resolution_state: resolutionStateFor(resolutionState, options.taskAction), message: optionalNote("options.message", options.message) };
      return unwrapBody(
        await api.PUT("/task_assignments/{task_assignment_id}", { params: { path: { task_assignment_id: id } }, body, ...via(context, options) }),
      );
    },

    /**
     * Takes a task away from one assignee. Box.py: `delete_assignment`.
     *
     * @example
     * await client.deleteAssignment("2698512");
     */
    async deleteAssignment(assignmentId: string, options: CallOptions = {}): Promise<void> {
      const id = requireId("assignmentId", assignmentId);
      unwrap(await api.DELETE("/task_assignments/{task_assignment_id}", { params: { path: { task_assignment_id: id } }, ...via(context, options) }));
    },
  };
}

export type TaskAssignmentMethods = ReturnType<typeof taskAssignmentMethods>;
