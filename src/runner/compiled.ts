/**
 * Compiled models, once per alternative per thread. A batch of replications carries the validated
 * scenario (plain data: it crosses threads, a Model's distributions do not), and compiling it can
 * be most of a short batch's work. A study sends each alternative in many batches to each thread,
 * so each thread keeps the models of the study it is working for, keyed by (study, alternative),
 * and forgets them when a batch of another study comes or the study ends. (A trace's arrays are
 * not compiled here: scenario/trace.ts keeps one scan per file for the process, shared by threads.)
 */
import type { Model } from '../model/model.js';
import { compileScenario } from '../scenario/compile.js';
import type { Scenario } from '../scenario/schema.js';

/** Which study and alternative a batch belongs to; each study of a process has its own number. */
export interface CompileKey {
  study: number;
  alternative: number;
}

let currentStudy = -1;
const models = new Map<number, Model>();
let nextStudy = 0;
let compiled = 0;

/** A number for a new study, unique in this process (worker threads get it with each batch). */
export function newStudyNumber(): number {
  return nextStudy++;
}

/** The model of `scenario`, compiled once per (study, alternative) on this thread; without a key, compiled afresh. */
export function compiledModel(scenario: Scenario, baseDir: string, key?: CompileKey): Model {
  if (key === undefined) {
    compiled++;
    return compileScenario(scenario, { baseDir });
  }
  if (key.study !== currentStudy) {
    models.clear();
    currentStudy = key.study;
  }
  let model = models.get(key.alternative);
  if (model === undefined) {
    model = compileScenario(scenario, { baseDir });
    compiled++;
    models.set(key.alternative, model);
  }
  return model;
}

/** Lets this thread's models of `study` go (a trace's arrays stay with scenario/trace.ts's scan). */
export function forgetStudy(study: number): void {
  if (study !== currentStudy) return;
  models.clear();
  currentStudy = -1;
}

/** How many models this thread keeps now, and how many it has compiled since it started (for tests). */
export function compileCounts(): { kept: number; compiled: number } {
  return { kept: models.size, compiled };
}
