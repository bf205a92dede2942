/** Threads of work by default: one per core. Apart from the pool, so the CLI's option help can say it cheaply. */
import { availableParallelism } from 'node:os';

export function defaultWorkers(): number {
  return availableParallelism();
}
