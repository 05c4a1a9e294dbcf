import type { ResolutionState as SpecResolutionState, TaskAction as SpecTaskAction, TaskCompletionRule as SpecTaskCompletionRule } from "../../generated/box-api.js";
import { specEnum } from "./spec-enum.js";

/** What a task asks of its assignees (spec: `TaskAction`). */
export const TaskAction = specEnum<SpecTaskAction>()({ REVIEW: "review", COMPLETE: "complete" });
export type TaskAction = SpecTaskAction;

/** Whether all assignees or any one must finish a task (spec: `TaskCompletionRule`). */
export const TaskCompletionRule = specEnum<SpecTaskCompletionRule>()({ ALL_ASSIGNEES: "all_assignees", ANY_ASSIGNEE: "any_assignee" });
export type TaskCompletionRule = SpecTaskCompletionRule;

/** Where one assignee stands on a task (spec: `ResolutionState`). */
export const ResolutionState = specEnum<SpecResolutionState>()({
  INCOMPLETE: "incomplete",
  COMPLETED: "completed",
  APPROVED: "approved",
  REJECTED: "rejected",
});
export type ResolutionState = SpecResolutionState;

/**
 * The resolution states Box accepts for each task action (it answers 400 for
 * the others): `review` tasks are approved or rejected, `complete` tasks are
 * completed; both can go back to `incomplete`.
 */
export const RESOLUTION_STATES_BY_ACTION = Object.freeze({
  review: Object.freeze([ResolutionState.INCOMPLETE, ResolutionState.APPROVED, ResolutionState.REJECTED]),
  complete: Object.freeze([ResolutionState.INCOMPLETE, ResolutionState.COMPLETED]),
} satisfies Record<TaskAction, readonly ResolutionState[]>);
