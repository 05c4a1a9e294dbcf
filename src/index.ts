/**
 * box-ts: a small, typed client for the Box Platform API.
 *
 * @example
 * import { BoxClient } from "box-ts";
 * const client = new BoxClient("access_token");
 * const file = await client.uploadFile("hello.txt", "hello world");
 */
export { BoxClient } from "./client.js";
export type { BoxApi } from "./api.js";
export type { BoxClientOptions, CallOptions } from "./options.js";
export { DEFAULT_BASE_URL, DEFAULT_UPLOAD_URL } from "./options.js";
export { CredentialsV2, type CredentialsV2Options, type RefreshCallback } from "./auth/credentials.js";
export {
  startAuthenticateV2,
  finishAuthenticateV2,
  refreshV2Token,
  createOAuthState,
  verifyOAuthState,
  DEFAULT_AUTHORIZE_URL,
  DEFAULT_TOKEN_URL,
  type AuthorizeUrlOptions,
  type TokenRequestOptions,
  type FinishAuthenticateOptions,
} from "./auth/oauth.js";
export { StaticAccessToken, type AccessTokenProvider } from "./auth/token-provider.js";
export type { FetchLike, PipelineEvent, RequestSettings } from "./http/pipeline.js";
export type { RetryPolicy } from "./http/retry-policy.js";
export * from "./errors.js";
export type { FieldsOptions } from "./areas/users.js";
export type { FolderContentOptions } from "./areas/folders.js";
export type { CopyFileOptions, DeleteFileOptions } from "./areas/files.js";
export type {
  UploadContent,
  UploadFileOptions,
  DownloadFileOptions,
  OverwriteFileOptions,
  PreflightUploadOptions,
  TransferTuning,
} from "./areas/transfers.js";
export type { TransferProgress, ProgressListener } from "./transfers/progress.js";
export { loadPortableSha1, type Sha1, type Sha1Factory } from "./transfers/sha1.js";
export { MIN_CHUNKED_SIZE } from "./transfers/chunked.js";
export { CollaboratorRole } from "./enums/collaborator-role.js";
export { TaskAction, TaskCompletionRule, ResolutionState, RESOLUTION_STATES_BY_ACTION } from "./enums/task-enums.js";
export { CommentItemType, type FileCommentsOptions, type AddCommentOptions } from "./areas/comments.js";
export type { TaskDetails, AddTaskOptions, ChangeTaskOptions } from "./areas/tasks.js";
export type { TaskAssignee, UpdateAssignmentOptions } from "./areas/task-assignments.js";
export {
  CollaborationStatus,
  type CollaborationItemType,
  type CreateCollaborationOptions,
  type EditCollaborationOptions,
  type CollaborationListOptions,
  type PendingCollaborationsOptions,
} from "./areas/collaborations.js";
export { EventFilter } from "./enums/event-filter.js";
export type { GetEventsOptions, LongPollOptions, EventStreamOptions } from "./areas/events.js";
export type { EventStream } from "./events/event-stream.js";
export type { EventsPage } from "./events/read-events.js";
export type { BackoffOptions } from "./events/pacer.js";
export type * from "../generated/box-api.js";
export { ShareAccess } from "./enums/share-access.js";
export { pathOfFile, type FileWithPath } from "./paths.js";
export type { FieldName } from "./fields.js";
export type { UserListOptions } from "./areas/users.js";
export type { MoveFileOptions, FileVersionsOptions } from "./areas/file-edits.js";
export type { CopyFolderOptions, MoveFolderOptions, DeleteFolderOptions } from "./areas/folder-edits.js";
export type { FolderIteratorOptions } from "./areas/folder-iterator.js";
export type { RestoreOptions, TrashItemsOptions } from "./areas/trash.js";
export type { ShareLinkOptions, ShareFolderLinkOptions, UnshareOptions, SharedItemOptions } from "./areas/shared-links.js";
export type { SearchOptions, SearchIteratorOptions, TimeRange, SizeRange } from "./areas/search.js";
export type { ThumbnailOptions } from "./areas/thumbnails.js";
// OAuth token revocation (issue #4).
export { revokeToken, DEFAULT_REVOKE_URL, type RevokeTokenOptions } from "./auth/oauth.js";
