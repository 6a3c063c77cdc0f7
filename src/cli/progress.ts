/**
 * A one-line progress display on stderr, drawn only when stderr is a terminal (never in pipes,
 * logs or CI). Other output must call `clear()` first so lines don't mix with the bar.
 */
import type { OutStream } from './context.js';

/** Redraw at most this often, so a fast batch doesn't spend its time on the terminal. */
const REDRAW_MS = 100;

export class Progress {
  private readonly stream: OutStream;
  private readonly enabled: boolean;
  private lastDraw = 0;
  private shown = false;

  constructor(stream: OutStream) {
    this.stream = stream;
    this.enabled = stream.isTTY === true;
  }

  /** Shows `text` (cut to the terminal width), unless drawn less than REDRAW_MS ago. */
  update(text: string): void {
    if (!this.enabled) return;
    const now = Date.now();
    if (this.shown && now - this.lastDraw < REDRAW_MS) return;
    const width = Math.max(20, (this.stream.columns ?? 80) - 1);
    this.stream.write('\r\x1b[K' + text.slice(0, width));
    this.lastDraw = now;
    this.shown = true;
  }

  /** Erases the line so other output starts clean; the next update redraws. */
  clear(): void {
    if (!this.shown) return;
    this.stream.write('\r\x1b[K');
    this.shown = false;
  }
}
