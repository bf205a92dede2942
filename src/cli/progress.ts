/**
 * Progress of a long run on stderr. A bar for runs that take more than a second, only when stderr
 * is a terminal: scripts and pipes see nothing, and quick runs do not flicker.
 *
 * `FRONTDESK_PROGRESS=lines` prints plain lines instead, whatever stderr is, for the logs of batch
 * engines (Slurm, Kubernetes) where no terminal draws a bar: the first as the study starts
 * simulating (`0/N replications`: it also tells a supervising process that the study is under
 * way, even when one replication is a long day), then one every `LINE_EVERY_MS`.
 */
import type cliProgress from 'cli-progress';
import { onInterrupt } from './interrupt.js';

const DELAY_MS = 1000;
const LINE_EVERY_MS = 5000;
/**
 * Updates the bar's estimate averages over. The replications arrive one at a time (from this
 * thread) or a batch at once (from a worker): over few updates the rate, and the time left, jump.
 */
const ETA_UPDATES = 200;

export class Progress {
  private bar: cliProgress.SingleBar | null = null;
  /** The bar's library, loaded only where a bar may be drawn (a terminal): scripts and batch engines never pay for it. */
  private library: typeof cliProgress | null = null;
  private forget: (() => void) | null = null;
  private readonly started = Date.now();
  private readonly mode: 'bar' | 'lines' | 'off';
  private lastLine = -Infinity;

  constructor(private readonly label: string) {
    if (process.env.FRONTDESK_PROGRESS === 'lines') this.mode = 'lines';
    else this.mode = Boolean(process.stderr.isTTY) && !process.env.CI ? 'bar' : 'off';
    // Loaded long before the bar's first second is up; until then there is no bar to draw.
    if (this.mode === 'bar') {
      import('cli-progress').then(
        (module) => (this.library = module.default),
        () => {},
      );
    }
  }

  update(done: number, total: number): void {
    if (this.mode === 'lines') return this.line(done, total);
    if (this.mode === 'off') return;
    if (!this.bar) {
      const cliProgress = this.library;
      if (!cliProgress || Date.now() - this.started < DELAY_MS || done >= total) return;
      this.bar = new cliProgress.SingleBar(
        {
          stream: process.stderr,
          format: `${this.label} [{bar}] {value}/{total} replications, {eta_formatted} left`,
          hideCursor: true,
          clearOnComplete: true,
          etaBuffer: ETA_UPDATES,
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

  private line(done: number, total: number): void {
    const now = Date.now();
    if (now - this.lastLine < LINE_EVERY_MS) return;
    this.lastLine = now;
    const seconds = ((now - this.started) / 1000).toFixed(1);
    process.stderr.write(`${this.label}: ${done}/${total} replications, ${seconds} s\n`);
  }

  stop(): void {
    this.bar?.stop();
    this.bar = null;
    this.forget?.();
    this.forget = null;
  }
}
