import { describe, expect, it } from "vitest";
import { redactSecrets, redactUrl } from "../../src/http/redact.js";

describe("redactUrl", () => {
  it("keeps secret query names but drops their values", () => {
    const url = redactUrl("https://dl.boxcloud.test/d/1?access_token=AT&code=C&client_secret=S&refresh_token=R&version=2");
    expect(url).not.toMatch(/=AT|=C&|=S&|=R&/);
    expect(new URL(url).searchParams.get("access_token")).toBe("[redacted]");
    expect(new URL(url).searchParams.get("version")).toBe("2");
  });

  it("drops credentials embedded in the URL", () => {
    expect(redactUrl("https://user:pass@api.box.test/2.0/users/me")).toBe("https://api.box.test/2.0/users/me");
  });

  it("does not echo a URL it cannot parse", () => {
    expect(redactUrl("not a url with secret-token")).toBe("[unparseable url]");
  });
});

describe("redactSecrets", () => {
  it("replaces every occurrence of each secret and ignores empty ones", () => {
    expect(redactSecrets("a=tok1 b=tok2 again tok1", ["tok1", "tok2", "", undefined])).toBe("a=[redacted] b=[redacted] again [redacted]");
  });
});
