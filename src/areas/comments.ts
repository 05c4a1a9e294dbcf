import type { Comment, CommentItemType as SpecCommentItemType, Comments } from "../../generated/box-api.js";
import { via, type ClientContext } from "../context.js";
import { requireSpecValue, specEnum } from "../enums/spec-enum.js";
import { unwrap, unwrapBody } from "../http/unwrap.js";
import type { CallOptions } from "../options.js";
import { paginate } from "../pagination.js";
import { optionalFields, optionalInteger, requireId } from "../validate.js";
import { requireMessage } from "../validate-content.js";
import type { FieldsOptions } from "./users.js";

/** What a comment can be attached to: a file, or a comment it replies to (spec: `CommentItemType`). */
export const CommentItemType = specEnum<SpecCommentItemType>()({ FILE: "file", COMMENT: "comment" });
export type CommentItemType = SpecCommentItemType;

/** Paging of {@link CommentMethods.getFileComments}. */
export interface FileCommentsOptions extends FieldsOptions {
  /** Comments per page, 1-1000 (Box's default is 100). */
  limit?: number;
  /** Index of the first comment, at most 10000. */
  offset?: number;
}

/** Options of {@link CommentMethods.addComment}. */
export interface AddCommentOptions extends FieldsOptions {
  /** The text with `@[user_id:name]` mentions; mentioned users are e-mailed. `message` is still sent. */
  taggedMessage?: string;
}

export function commentMethods(context: ClientContext) {
  const { api } = context;

  async function getFileComments(fileId: string, options: FileCommentsOptions = {}): Promise<Comments> {
    const id = requireId("fileId", fileId);
    const query = {
      fields: optionalFields("options.fields", options.fields),
      limit: optionalInteger("options.limit", options.limit, 1, 1000),
      offset: optionalInteger("options.offset", options.offset, 0, 10000),
    };
    return unwrapBody(await api.GET("/files/{file_id}/comments", { params: { path: { file_id: id }, query }, ...via(context, options) }));
  }

  return {
    /**
     * One page of a file's comments and replies (offset paging). Box.py: `get_file_comments`.
     *
     * @example
     * const page = await client.getFileComments("12345", { limit: 100 });
     * for (const comment of page.entries) console.log(comment.created_by?.name, comment.message);
     */
    getFileComments,

    /**
     * Every comment of a file, fetched page by page as you iterate (the
     * shared `paginate`, offset style). Stops fetching when you `break`.
     *
     * @example
     * for await (const comment of client.getFileCommentsIterator("12345")) console.log(comment.message);
     */
    getFileCommentsIterator(fileId: string, options: Omit<FileCommentsOptions, "offset"> = {}): AsyncGenerator<Comment, void, undefined> {
      requireId("fileId", fileId);
      return paginate((cursor) => getFileComments(fileId, { ...options, offset: cursor.offset }), "offset");
    },

    /**
     * A comment: its text, author, dates and what it is attached to. Box.py: `get_comment_information`.
     *
     * @example
     * const comment = await client.getCommentInformation("191969");
     */
    async getCommentInformation(commentId: string, options: FieldsOptions = {}): Promise<Comment> {
      const id = requireId("commentId", commentId);
      const fields = optionalFields("options.fields", options.fields);
      return unwrapBody(await api.GET("/comments/{comment_id}", { params: { path: { comment_id: id }, query: { fields } }, ...via(context, options) }));
    },

    /**
     * Comments on a file (`type` `"file"`), or replies to a comment (`type`
     * `"comment"`). Box refuses an identical comment posted just before
     * (ItemAlreadyExistsError, code `recent_similar_comment`). Box.py: `add_comment`.
     *
     * @example
     * const comment = await client.addComment("12345", "file", "Please check section 2.");
     * await client.addComment(comment.id, CommentItemType.COMMENT, "Done.");
     */
    async addComment(id: string, type: CommentItemType, message: string, options: AddCommentOptions = {}): Promise<Comment> {
      const item = { id: requireId("id", id), type: requireSpecValue("type", type, CommentItemType) };
      const text = requireMessage("message", message);
      const tagged = options.taggedMessage === undefined ? undefined : requireMessage("options.taggedMessage", options.taggedMessage);
      const fields = optionalFields("options.fields", options.fields);
      return unwrapBody(
        await api.POST("/comments", { params: { query: { fields } }, body: { message: text, tagged_message: tagged, item }, ...via(context, options) }),
      );
    },

    /**
     * Replaces a comment's text (only its author may). Box.py: `change_comment`.
     *
     * @example
     * await client.changeComment("191969", "Please check sections 2 and 3.");
     */
    async changeComment(commentId: string, message: string, options: FieldsOptions = {}): Promise<Comment> {
      const id = requireId("commentId", commentId);
      const text = requireMessage("message", message);
      const fields = optionalFields("options.fields", options.fields);
      return unwrapBody(
        await api.PUT("/comments/{comment_id}", { params: { path: { comment_id: id }, query: { fields } }, body: { message: text }, ...via(context, options) }),
      );
    },

    /**
     * Deletes a comment for good (comments have no trash). Box.py: `delete_comment`.
     *
     * @example
     * await client.deleteComment("191969");
     */
    async deleteComment(commentId: string, options: CallOptions = {}): Promise<void> {
      const id = requireId("commentId", commentId);
      unwrap(await api.DELETE("/comments/{comment_id}", { params: { path: { comment_id: id } }, ...via(context, options) }));
    },
  };
}

export type CommentMethods = ReturnType<typeof commentMethods>;
