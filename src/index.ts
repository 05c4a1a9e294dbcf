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
export { portableSha1, type Sha1, type Sha1Factory } from "./transfers/sha1.js";
export { MIN_CHUNKED_SIZE } from "./transfers/chunked.js";
export type * from "../generated/box-api.js";
