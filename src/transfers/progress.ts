/** How far a transfer got. `total` is undefined while the size is unknown. */
export interface TransferProgress {
  loaded: number;
  total: number | undefined;
}

export type ProgressListener = (progress: TransferProgress) => void;

/**
 * Reports progress the way callers can rely on: `loaded` only grows (a
 * retried request starting over does not move it back), and `loaded ===
 * total` is reported exactly once, by {@link finish}, when the transfer is
 * really done (for uploads: once Box confirmed it).
 */
export class ProgressReporter {
  #reported = -1;
  #finished = false;

  constructor(
    private readonly listener: ProgressListener | undefined,
    private readonly total: number | undefined,
  ) {}

  update(loaded: number): void {
    if (this.listener === undefined || this.#finished || loaded <= this.#reported) return;
    if (this.total !== undefined && loaded >= this.total) return;
    this.#reported = loaded;
    this.listener({ loaded, total: this.total });
  }

  finish(loaded: number): void {
    if (this.#finished) return;
    this.#finished = true;
    const total = this.total ?? loaded;
    this.listener?.({ loaded: total, total });
  }
}
