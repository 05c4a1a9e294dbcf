import type { BoxApi } from "./api.js";
import type { Pipeline, RequestSettings } from "./http/pipeline.js";
import { callSettings, type CallOptions } from "./options.js";

/** What every facade area needs: the typed client, the pipeline and the hosts. */
export interface ClientContext {
  readonly api: BoxApi;
  readonly pipeline: Pipeline;
  readonly baseUrl: string;
  readonly uploadUrl: string;
}

/**
 * The per-request options that route one typed-client call through the
 * pipeline with the caller's signal, timeout and retry settings.
 */
export function via(context: ClientContext, options: CallOptions | undefined, extra: RequestSettings = {}) {
  return { fetch: context.pipeline.withSettings({ ...callSettings(options), ...extra }) };
}
