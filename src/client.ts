import { createBoxApi, type BoxApi } from "./api.js";
import { folderMethods, type FolderMethods } from "./areas/folders.js";
import { fileMethods, type FileMethods } from "./areas/files.js";
import { transferMethods, type TransferMethods } from "./areas/transfers.js";
import { userMethods, type UserMethods } from "./areas/users.js";
import { commentMethods, type CommentMethods } from "./areas/comments.js";
import { taskMethods, type TaskMethods } from "./areas/tasks.js";
import { taskAssignmentMethods, type TaskAssignmentMethods } from "./areas/task-assignments.js";
import { collaborationMethods, type CollaborationMethods } from "./areas/collaborations.js";
import { fileEditMethods, type FileEditMethods } from "./areas/file-edits.js";
import { folderEditMethods, type FolderEditMethods } from "./areas/folder-edits.js";
import { folderIteratorMethods, type FolderIteratorMethods } from "./areas/folder-iterator.js";
import { trashMethods, type TrashMethods } from "./areas/trash.js";
import { sharedLinkMethods, type SharedLinkMethods } from "./areas/shared-links.js";
import { searchMethods, type SearchMethods } from "./areas/search.js";
import { thumbnailMethods, type ThumbnailMethods } from "./areas/thumbnails.js";
import { pathMethods, type PathMethods } from "./areas/paths.js";
import { eventMethods, type EventMethods } from "./areas/events.js";
import { isAccessTokenProvider, StaticAccessToken, type AccessTokenProvider } from "./auth/token-provider.js";
import type { ClientContext } from "./context.js";
import { BoxValidationError } from "./errors.js";
import { createPipeline } from "./http/pipeline.js";
import { DEFAULT_BASE_URL, DEFAULT_UPLOAD_URL, type BoxClientOptions } from "./options.js";
import { requireBaseUrl } from "./validate.js";

// The facade is composed from one object of methods per area (users, folders,
// files, transfers, ...); this interface merges their types into the class.
export interface BoxClient
  extends UserMethods,
    FolderMethods,
    FileMethods,
    TransferMethods,
    CommentMethods,
    TaskMethods,
    TaskAssignmentMethods,
    CollaborationMethods,
    FileEditMethods,
    FolderEditMethods,
    FolderIteratorMethods,
    TrashMethods,
    SharedLinkMethods,
    SearchMethods,
    ThumbnailMethods,
    PathMethods,
    EventMethods {}

/**
 * The Box client: box.py's methods in TypeScript, plus `api`, the typed
 * low-level client for any operation in the OpenAPI document.
 *
 * @example
 * const client = new BoxClient("access_token");
 * const file = await client.uploadFile("hello.txt", "hello world");
 * const me = await client.api.GET("/users/me");
 */
export class BoxClient {
  /** The typed low-level client (openapi-fetch); shares the pipeline with the facade. */
  readonly api: BoxApi;

  /**
   * @param credentials An access token, or a {@link CredentialsV2} (or any
   *   `AccessTokenProvider`) that refreshes on its own.
   */
  constructor(credentials: string | AccessTokenProvider, options: BoxClientOptions = {}) {
    const tokens = typeof credentials === "string" ? staticToken(credentials) : credentials;
    if (!isAccessTokenProvider(tokens)) {
      throw new BoxValidationError("credentials", "expected an access token string or a CredentialsV2");
    }
    const baseUrl = requireBaseUrl("options.baseUrl", options.baseUrl ?? DEFAULT_BASE_URL);
    const uploadUrl = requireBaseUrl("options.uploadUrl", options.uploadUrl ?? DEFAULT_UPLOAD_URL);
    const pipeline = createPipeline({
      tokens,
      trustedOrigins: [new URL(baseUrl).origin, new URL(uploadUrl).origin],
      fetch: options.fetch,
      onEvent: options.onEvent,
      defaults: {
        timeoutMs: options.timeoutMs,
        maxRetries: options.maxRetries,
        baseDelayMs: options.baseDelayMs,
        maxDelayMs: options.maxDelayMs,
        maxRetryAfterMs: options.maxRetryAfterMs,
        totalTimeoutMs: options.totalTimeoutMs,
      },
    });
    this.api = createBoxApi(baseUrl, pipeline.fetch);
    const context: ClientContext = { api: this.api, pipeline, baseUrl, uploadUrl };
    Object.assign(this, userMethods(context), folderMethods(context), fileMethods(context), transferMethods(context));
    Object.assign(this, commentMethods(context), taskMethods(context), taskAssignmentMethods(context), collaborationMethods(context));
    Object.assign(
      this,
      fileEditMethods(context),
      folderEditMethods(context),
      folderIteratorMethods(context),
      trashMethods(context),
      sharedLinkMethods(context),
      searchMethods(context),
      thumbnailMethods(context),
      pathMethods(context),
      eventMethods(context),
    );
  }
}

function staticToken(token: string): StaticAccessToken {
  if (token.length === 0) throw new BoxValidationError("credentials", "the access token is empty");
  return new StaticAccessToken(token);
}
