import createClient, { type Client } from "openapi-fetch";
import type { paths } from "../generated/box-api.js";
import type { FetchLike } from "./http/pipeline.js";
import { boxRequestClass } from "./http/streamed-request.js";

/** The typed low-level client: one method per HTTP verb, paths and bodies checked against the spec. */
export type BoxApi = Client<paths>;

/**
 * Builds the openapi-fetch client over the generated `paths`. Arrays in the
 * query are comma-joined (`fields=name,size`), as Box expects.
 */
export function createBoxApi(baseUrl: string, fetch: FetchLike): BoxApi {
  return createClient<paths>({
    baseUrl,
    fetch,
    querySerializer: { array: { style: "form", explode: false } },
    // Remembers streamed bodies so the pipeline never buffers or re-sends them.
    Request: boxRequestClass(),
  });
}
