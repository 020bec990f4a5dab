// The progress bar `salvo ingest` draws on stderr while it reads a batch.
/**
 * Progress on stderr: a redrawn bar on a terminal, a plain line every `every` items otherwise
 * (so logs of long batch runs stay readable).
 */
export class Progress {
  private done = 0;
  readonly isTty: boolean;
  private lastDraw = 0;

  constructor(
    readonly total: number,
    private readonly label: string,
    private readonly every = 100,
    stream: NodeJS.WriteStream = process.stderr,
  ) {
    this.isTty = Boolean(stream.isTTY);
    this.stream = stream;
  }

  private readonly stream: NodeJS.WriteStream;

  tick(note = ''): void {
    this.done++;
    if (this.isTty) {
      const now = Date.now();
      if (now - this.lastDraw < 50 && this.done < this.total) return;
      this.lastDraw = now;
      const width = 30;
      const frac = this.total ? Math.min(1, this.done / this.total) : 0;
      const filled = Math.round(frac * width);
      this.stream.write(`\r${this.label} [${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${this.done}/${this.total} ${note}`.slice(0, 120).padEnd(120));
    } else if (this.done % this.every === 0) {
      this.stream.write(`${this.label}: ${this.done}/${this.total}\n`);
    }
  }

  /** Says what the first, slow step is before any item is done (on a terminal, with the empty bar). */
  start(note: string): void {
    this.stream.write(`${this.label}: ${note}\n`);
    if (this.isTty) {
      this.done--;
      this.tick();
    }
  }

  finish(): void {
    if (this.isTty) this.stream.write('\n');
  }
}
