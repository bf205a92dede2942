/**
 * A progress bar on stderr for runs that take more than a second, and only when stderr is a
 * terminal: scripts and pipes see nothing, and quick runs do not flicker.
 */
import cliProgress from 'cli-progress';
import { onInterrupt } from './interrupt.js';

const DELAY_MS = 1000;

export class Progress {
  private bar: cliProgress.SingleBar | null = null;
  private forget: (() => void) | null = null;
  private readonly started = Date.now();
  private readonly enabled: boolean;

  constructor(private readonly label: string) {
    this.enabled = Boolean(process.stderr.isTTY) && !process.env.CI;
  }

  update(done: number, total: number): void {
    if (!this.enabled) return;
    if (!this.bar) {
      if (Date.now() - this.started < DELAY_MS || done >= total) return;
      this.bar = new cliProgress.SingleBar(
        {
          stream: process.stderr,
          format: `${this.label} [{bar}] {value}/{total} replications, {eta_formatted} left`,
          hideCursor: true,
          clearOnComplete: true,
        },
        cliProgress.Presets.shades_classic,
      );
      this.bar.start(total, done);
      // Stop the bar on Ctrl-C too: it hides the cursor, and the terminal must get it back.
      this.forget = onInterrupt(() => this.bar?.stop());
      return;
    }
    this.bar.setTotal(total);
    this.bar.update(done);
  }

  stop(): void {
    this.bar?.stop();
    this.bar = null;
    this.forget?.();
    this.forget = null;
  }
}
