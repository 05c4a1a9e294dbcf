import { describe, expect, it } from "vitest";
import { formatNumber, formatSpread, median, percentile, roundOrder, summarize, verdict } from "../../scripts/bench/stats.js";

describe("benchmark statistics", () => {
  it("takes the middle sample as the median of an odd-sized sample, whatever the order", () => {
    expect(median([9, 1, 5])).toBe(5);
  });

  it("averages the two middle samples as the median of an even-sized sample", () => {
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });

  it("interpolates linearly between ranks for p10 and p90", () => {
    const samples = [10, 20, 30, 40, 50, 60, 70, 80, 90, 100, 110];
    expect(percentile(samples, 10)).toBe(20);
    expect(percentile(samples, 90)).toBe(100);
    expect(percentile([0, 10], 25)).toBe(2.5);
  });

  it("returns the extremes at p0 and p100", () => {
    expect(percentile([3, -1, 7], 0)).toBe(-1);
    expect(percentile([3, -1, 7], 100)).toBe(7);
  });

  it("does not reorder the caller's samples", () => {
    const samples = [3, 1, 2];
    median(samples);
    expect(samples).toEqual([3, 1, 2]);
  });

  it("refuses an empty sample, a NaN sample and a percentile outside 0-100", () => {
    expect(() => median([])).toThrow(RangeError);
    expect(() => median([1, Number.NaN])).toThrow(RangeError);
    expect(() => percentile([1], 101)).toThrow(RangeError);
    expect(() => percentile([1], -1)).toThrow(RangeError);
  });

  it("summarizes a sample into its count, median, p10, p90, min and max", () => {
    expect(summarize([5, 1, 4, 2, 3])).toEqual({ n: 5, median: 3, p10: 1.4, p90: 4.6, min: 1, max: 5 });
  });

  it("formats numbers to about three significant digits and spreads with their sample size", () => {
    expect(formatNumber(1234.56)).toBe("1235");
    expect(formatNumber(12.345)).toBe("12.3");
    expect(formatNumber(1.2345)).toBe("1.23");
    expect(formatNumber(0.01234)).toBe("0.012");
    expect(formatSpread({ n: 10, median: 1.4, p10: 1.2, p90: 1.6, min: 1, max: 2 })).toBe("p10-p90 1.20-1.60 (n=10)");
  });
});

describe("interleaving order", () => {
  it("rotates the subjects each round and reverses every other cycle of rotations", () => {
    const orders = [0, 1, 2, 3, 4, 5].map((round) => roundOrder(["A", "B", "C"], round).join(""));
    expect(orders).toEqual(["ABC", "BCA", "CAB", "CBA", "ACB", "BAC"]);
  });

  it("alternates which of two subjects goes first", () => {
    expect([0, 1, 2, 3].map((round) => roundOrder(["A", "B"], round).join(""))).toEqual(["AB", "BA", "BA", "AB"]);
  });
});

describe("target verdict", () => {
  const spread = (p10: number, median: number, p90: number) => ({ n: 10, p10, median, p90, min: p10, max: p90 });

  it("calls a target met or missed by the median when the whole spread is on one side", () => {
    expect(verdict(spread(1, 2, 3), 25)).toBe("met");
    expect(verdict(spread(30, 40, 50), 25)).toBe("missed");
  });

  it("calls a target inconclusive when it lies inside the p10-p90 spread", () => {
    expect(verdict(spread(10, 20, 30), 25)).toBe("inconclusive");
    expect(verdict(spread(20, 30, 40), 25)).toBe("inconclusive");
  });
});
