import { describe, expect, it } from "vitest";
import { backoffDelay, DEFAULT_RETRY_POLICY, isRetryableStatus, parseRetryAfter } from "../../src/http/retry-policy.js";

describe("parseRetryAfter", () => {
  it("reads delta-seconds as milliseconds", () => {
    expect(parseRetryAfter("7")).toBe(7000);
    expect(parseRetryAfter(" 0 ")).toBe(0);
  });

  it("reads fractional seconds", () => {
    expect(parseRetryAfter("1.5")).toBe(1500);
  });

  it("reads an HTTP date as the time left until it", () => {
    const now = Date.parse("2026-03-01T12:00:00Z");
    expect(parseRetryAfter("Sun, 01 Mar 2026 12:00:30 GMT", now)).toBe(30_000);
  });

  it("treats an HTTP date in the past as no wait", () => {
    const now = Date.parse("2026-03-01T12:00:00Z");
    expect(parseRetryAfter("Sun, 01 Mar 2026 11:59:00 GMT", now)).toBe(0);
  });

  it("returns undefined for a missing or unreadable header", () => {
    expect(parseRetryAfter(null)).toBeUndefined();
    expect(parseRetryAfter("soon")).toBeUndefined();
    expect(parseRetryAfter("-5")).toBeUndefined();
  });
});

describe("backoffDelay", () => {
  const policy = { ...DEFAULT_RETRY_POLICY, baseDelayMs: 100, maxDelayMs: 1000 };

  it("doubles the ceiling per retry", () => {
    expect([0, 1, 2, 3].map((n) => backoffDelay(n, policy, () => 1))).toEqual([100, 200, 400, 800]);
  });

  it("never goes above maxDelayMs", () => {
    expect(backoffDelay(10, policy, () => 1)).toBe(1000);
    expect(backoffDelay(50, policy, () => 1)).toBe(1000);
  });

  it("keeps jitter between half the ceiling and the ceiling", () => {
    expect(backoffDelay(2, policy, () => 0)).toBe(200);
    expect(backoffDelay(2, policy, () => 0.5)).toBe(300);
    expect(backoffDelay(2, policy, () => 0.999999)).toBe(400);
    for (let i = 0; i < 1000; i++) {
      const delay = backoffDelay(3, policy);
      expect(delay).toBeGreaterThanOrEqual(400);
      expect(delay).toBeLessThanOrEqual(800);
    }
  });
});

describe("isRetryableStatus", () => {
  it("retries 429 and 5xx except 501", () => {
    expect([429, 500, 502, 503, 504].every(isRetryableStatus)).toBe(true);
    expect([400, 401, 403, 404, 409, 412, 501].some(isRetryableStatus)).toBe(false);
  });
});
