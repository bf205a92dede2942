/**
 * One yardstick for every alternative of a study. A comparison is only fair when every alternative
 * meets the same customers (seed), as often (replications), is cut into the same periods, and has
 * its service level judged at the same wait target; otherwise a "better service level" may only be
 * a laxer target. The rule: the study's settings (the command line's, else the first file's) hold
 * for every alternative, and every alternative's service level is judged at the baseline's
 * `waitTarget`. Whatever a later file or a variant says otherwise is replaced or ignored, and each
 * such case gets a warning line, so nothing is silently dropped.
 */
import type { LoadedScenario } from '../scenario/load.js';
import type { Alternative } from './study.js';

/** The settings a study runs with, whoever set them. */
export interface StudySettings {
  replications: number;
  seed: number;
  period: number;
}

/** Keys of a file that only the study as a whole can set. */
const STUDY_KEYS = ['seed', 'replications', 'period'] as const;

export interface CommonSettings {
  /** The alternatives, each judged at the baseline's wait target. */
  alternatives: Alternative[];
  warnings: string[];
}

/**
 * @param loaded the files of the study, the first being the reference
 * @param alternatives the alternatives built from them, the baseline first
 */
export function commonSettings(loaded: LoadedScenario[], alternatives: Alternative[], used: StudySettings): CommonSettings {
  const warnings: string[] = [];
  // Later files: their own seed, replications, period and variants do not apply.
  for (const l of loaded.slice(1)) {
    const raw = asRecord(l.raw);
    for (const key of STUDY_KEYS) {
      if (raw[key] !== undefined && raw[key] !== used[key]) {
        warnings.push(`${l.file}: its ${key} ${String(raw[key])} is replaced by the study's ${used[key]} (every alternative is run alike)`);
      }
    }
    const variants = l.scenario.variants?.length ?? 0;
    if (variants > 0) {
      warnings.push(`${l.file}: its ${variants} variant${variants === 1 ? ' is' : 's are'} not compared (only the first file's are; compare ${l.file} alone to see them)`);
    }
  }
  // Variants of a single file: `set` on a study setting changes nothing.
  if (loaded.length === 1) {
    for (const variant of loaded[0].scenario.variants ?? []) {
      for (const key of STUDY_KEYS) {
        if (key in variant.set) {
          warnings.push(`variant "${variant.name}": its ${key} is ignored; the study's ${key} ${used[key]} holds for every alternative`);
        }
      }
    }
  }
  const target = alternatives[0].scenario.waitTarget;
  const judged = alternatives.map((alt, a) => {
    if (a === 0 || alt.scenario.waitTarget === target) return alt;
    warnings.push(
      `"${alt.name}": service level judged at the baseline's wait target of ${target} min, not its own ${alt.scenario.waitTarget} min, so that service levels compare`,
    );
    return { ...alt, scenario: { ...alt.scenario, waitTarget: target } };
  });
  return { alternatives: judged, warnings };
}

function asRecord(raw: unknown): Record<string, unknown> {
  return raw !== null && typeof raw === 'object' && !Array.isArray(raw) ? (raw as Record<string, unknown>) : {};
}
