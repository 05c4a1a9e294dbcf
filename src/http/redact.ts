const SECRET_QUERY_KEYS = /^(access_token|refresh_token|client_secret|code|token|assertion|subject_token|actor_token|shared_link_password)$/i;

/**
 * A URL that is safe to put in an error or a log: secret-bearing query
 * parameters (a pre-authenticated download's `access_token`, an OAuth `code`)
 * keep their names but lose their values.
 */
export function redactUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return "[unparseable url]";
  }
  parsed.username = "";
  parsed.password = "";
  for (const key of [...parsed.searchParams.keys()]) {
    if (SECRET_QUERY_KEYS.test(key)) parsed.searchParams.set(key, "[redacted]");
  }
  return parsed.toString();
}

/**
 * `text` with every occurrence of the given secrets replaced, for messages
 * that come from code we do not control (an app's callback, a transport).
 */
export function redactSecrets(text: string, secrets: ReadonlyArray<string | undefined>): string {
  let result = text;
  for (const secret of secrets) {
    if (secret !== undefined && secret.length > 0) result = result.split(secret).join("[redacted]");
  }
  return result;
}
