import { via, type ClientContext } from "../context.js";
import { BoxValidationError } from "../errors.js";
import { waitOutAccepted } from "../http/accepted.js";
import { unwrapBody } from "../http/unwrap.js";
import type { CallOptions } from "../options.js";
import { optionalChoice } from "../validate-options.js";
import { optionalInteger, requireId } from "../validate.js";

/** Options of {@link ThumbnailMethods.getThumbnail}. Sizes are pixels, 32-320. */
export interface ThumbnailOptions extends CallOptions {
  /** Image format. Default `"png"`. */
  extension?: "png" | "jpg";
  minHeight?: number;
  maxHeight?: number;
  minWidth?: number;
  maxWidth?: number;
  /**
   * Longest total wait, in seconds (as in box.py), for a thumbnail Box is
   * still drawing. Default 0: answer `null` at once instead of waiting.
   */
  maxWait?: number;
}

function sizeLimits(options: ThumbnailOptions) {
  const size = (argument: string, value: number | undefined) => optionalInteger(`options.${argument}`, value, 32, 320);
  const limits = {
    min_height: size("minHeight", options.minHeight),
    max_height: size("maxHeight", options.maxHeight),
    min_width: size("minWidth", options.minWidth),
    max_width: size("maxWidth", options.maxWidth),
  };
  if (limits.min_height !== undefined && limits.max_height !== undefined && limits.min_height > limits.max_height) {
    throw new BoxValidationError("options.minHeight", "must not be larger than options.maxHeight");
  }
  if (limits.min_width !== undefined && limits.max_width !== undefined && limits.min_width > limits.max_width) {
    throw new BoxValidationError("options.minWidth", "must not be larger than options.maxWidth");
  }
  return limits;
}

function waitBudgetMs(maxWait: number | undefined): number {
  if (maxWait === undefined) return 0;
  if (typeof maxWait !== "number" || !Number.isFinite(maxWait) || maxWait < 0) {
    throw new BoxValidationError("options.maxWait", `expected a number of seconds >= 0, got ${String(maxWait)}`);
  }
  return maxWait * 1000;
}

export function thumbnailMethods(context: ClientContext) {
  const { api } = context;
  return {
    /**
     * A file's thumbnail image as bytes, or `null` when there is none: Box
     * cannot draw one for this kind of file (302), or it is still being drawn
     * (202) and `Retry-After` would end beyond `maxWait` seconds.
     *
     * @example
     * const png = await client.getThumbnail("12345", { minWidth: 64, maxWait: 10 });
     * if (png) await fs.writeFile("thumb.png", png);
     */
    async getThumbnail(fileId: string, options: ThumbnailOptions = {}): Promise<Uint8Array | null> {
      const id = requireId("fileId", fileId);
      const extension = optionalChoice("options.extension", options.extension, ["png", "jpg"]) ?? "png";
      const query = sizeLimits(options);
      const deadline = Date.now() + waitBudgetMs(options.maxWait);
      for (;;) {
        const result = await api.GET("/files/{file_id}/thumbnail.{extension}", {
          params: { path: { file_id: id, extension }, query },
          parseAs: "arrayBuffer",
          // The 302 points at a generic icon, not at this file's thumbnail: report it, do not follow it.
          redirect: "manual",
          ...via(context, options),
        });
        const { status } = result.response;
        if (status === 302) return null;
        if (status !== 202) return new Uint8Array(unwrapBody(result));
        if (!(await waitOutAccepted(result.response, deadline, options.signal))) return null;
      }
    },
  };
}

export type ThumbnailMethods = ReturnType<typeof thumbnailMethods>;
