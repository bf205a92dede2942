/**
 * What to undo when the planner presses Ctrl-C (or the run is terminated): remove temporary
 * files, give the terminal its cursor back. Handlers are registered by what needs them and run
 * once; the process then exits with 130 (SIGINT), 143 (SIGTERM) or 129 (SIGHUP: the terminal closed
 * during the run), as shells expect.
 */
const undo = new Set<() => void>();
let installed = false;

/** Registers `fn` to run on interruption; returns a function that unregisters it. */
export function onInterrupt(fn: () => void): () => void {
  install();
  undo.add(fn);
  return () => undo.delete(fn);
}

function install(): void {
  if (installed) return;
  installed = true;
  for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143], ['SIGHUP', 129]] as const) {
    process.once(signal, () => {
      for (const fn of undo) {
        try {
          fn();
        } catch {
          // keep undoing the rest: one failed cleanup must not leave the others undone
        }
      }
      process.exit(code);
    });
  }
}
