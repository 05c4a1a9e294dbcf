/**
 * Order statistics for benchmark samples. Medians and p10/p90 instead of
 * means and standard deviations: a few slow outliers (GC, a busy neighbour on
 * the machine) should widen the spread, not move the headline number.
 */

export interface Summary {
  /** How many samples. */
  n: number;
  median: number;
  p10: number;
  p90: number;
  min: number;
  max: number;
}

/**
 * The p-th percentile (0-100) with linear interpolation between the two
 * nearest ranks (the same definition as numpy's default and Excel's
 * PERCENTILE.INC), so the median of an even-sized sample is the mean of the
 * middle two.
 */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) throw new RangeError("percentile of an empty sample");
  if (!(p >= 0 && p <= 100)) throw new RangeError(`percentile must be within 0-100, got ${p}`);
  if (samples.some((value) => Number.isNaN(value))) throw new RangeError("percentile of a sample containing NaN");
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = (p / 100) * (sorted.length - 1);
  const below = Math.floor(rank);
  const above = Math.ceil(rank);
  const low = sorted[below] ?? 0;
  const high = sorted[above] ?? low;
  return low + (high - low) * (rank - below);
}

export function median(samples: readonly number[]): number {
  return percentile(samples, 50);
}

export function summarize(samples: readonly number[]): Summary {
  return {
    n: samples.length,
    median: median(samples),
    p10: percentile(samples, 10),
    p90: percentile(samples, 90),
    min: percentile(samples, 0),
    max: percentile(samples, 100),
  };
}

/** A number with about three significant digits and no exponent, for tables. */
export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  const magnitude = Math.abs(value);
  if (magnitude >= 100 || Number.isInteger(value)) return value.toFixed(0);
  if (magnitude >= 10) return value.toFixed(1);
  if (magnitude >= 1) return value.toFixed(2);
  return value.toFixed(3);
}

/** "p10-p90 1.20-1.60 (n=10)": the spread column of a benchmark row. */
export function formatSpread(summary: Summary): string {
  return `p10-p90 ${formatNumber(summary.p10)}-${formatNumber(summary.p90)} (n=${summary.n})`;
}

/**
 * The order to run subjects in during round `round` of an interleaved
 * benchmark: rotated by one each round, and reversed in every other cycle of
 * rotations (A B, B A, B A, A B; or A B C, B C A, C A B, C B A, A C B, B A C),
 * so no subject always runs first, last, or right after the same neighbour,
 * and slow drift of the machine spreads over all subjects alike.
 */
export function roundOrder<T>(subjects: readonly T[], round: number): T[] {
  if (subjects.length === 0) return [];
  const shift = round % subjects.length;
  const rotated = [...subjects.slice(shift), ...subjects.slice(0, shift)];
  return Math.floor(round / subjects.length) % 2 === 0 ? rotated : rotated.reverse();
}

/**
 * Whether samples stay under a target (`value <= limit`): "met" or "missed"
 * by the median, but "inconclusive" when the limit lies inside the p10-p90
 * spread, where the verdict would flip with the machine's mood.
 */
export function verdict(summary: Summary, limit: number): "met" | "missed" | "inconclusive" {
  if (summary.p10 <= limit && limit <= summary.p90 && summary.p10 !== summary.p90) return "inconclusive";
  return summary.median <= limit ? "met" : "missed";
}
