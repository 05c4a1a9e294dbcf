import { errorFromResponse } from "./error-mapping.js";
import { requestOf } from "./pipeline.js";
import { BoxClientError } from "../errors.js";

type ApiResult<T> =
  | { data: T; error?: never; response: Response }
  | { data?: never; error: unknown; response: Response };

function succeeded<T>(result: ApiResult<T>): result is { data: T; response: Response } {
  return result.response.ok && result.error === undefined;
}

/**
 * The data of a typed-client result, or the matching BoxClientError.
 * (openapi-fetch reports empty error bodies, like a 401's, as `error: undefined`,
 * so the status decides, not the presence of `error`.)
 */
export function unwrap<T>(result: ApiResult<T>): T {
  if (succeeded(result)) return result.data;
  throw errorFromResponse(result.response, result.error, requestOf(result.response));
}


/**
 * Like {@link unwrap}, for calls that must return a body: a 2xx without one
 * (such as a 304 the caller did not ask for) is an error, not `undefined`.
 */
export function unwrapBody<T>(result: ApiResult<T>): NonNullable<T> {
  const data = unwrap(result);
  if (data === undefined || data === null) {
    throw new BoxClientError(`Box answered ${result.response.status} without the expected body`, {
      status: result.response.status,
      requestId: result.response.headers.get("box-request-id") ?? undefined,
    });
  }
  return data;
}
