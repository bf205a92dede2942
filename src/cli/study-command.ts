/**
 * What `run` and `compare` share: read the scenario files, line up the alternatives, run the study
 * and write the report.
 */
import type { Result } from '../runner/result.js';
import { commonSettings } from '../runner/common-settings.js';
import { runStudy, type StudyOptions } from '../runner/study.js';
import type { Alternative } from '../runner/study.js';
import { compileEveryAlternative } from '../scenario/compile-all.js';
import { loadScenario, type LoadedScenario } from '../scenario/load.js';
import { periodProblem } from '../scenario/semantics.js';
import { applyVariant } from '../scenario/variants.js';
import { checkStudyArgs, type StudyArgs } from './options.js';
import { checkOutputTarget, sameFile } from './output.js';
import { Progress } from './progress.js';
import { TraceOutput } from './trace-output.js';
import { UsageError } from './usage-error.js';
import type { ReportAbout } from './write-report.js';

export type StudyMode = 'run' | 'compare';
export type { ReportAbout } from './write-report.js';

/**
 * The alternatives of a study: `run` takes the baseline of one file; `compare` of one file takes
 * the baseline and every variant in it; `compare` of several files takes the baseline of each,
 * the first being the reference.
 */
export function alternativesOf(loaded: LoadedScenario[], mode: StudyMode, variant?: string): Alternative[] {
  const baseline = (l: LoadedScenario, name: string): Alternative => ({ name, scenario: l.scenario, baseDir: l.baseDir });
  if (mode === 'run' && variant !== undefined) return [variantOf(loaded[0], variant)];
  if (mode === 'run') return [baseline(loaded[0], 'baseline')];
  if (loaded.length > 1) return loaded.map((l) => baseline(l, l.scenario.name));
  const only = loaded[0];
  return [
    baseline(only, 'baseline'),
    ...(only.scenario.variants ?? []).map((variant, i) => ({
      name: variant.name,
      scenario: applyVariant(only, i),
      baseDir: only.baseDir,
    })),
  ];
}

/**
 * `run --variant NAME`: that variant of the file on its own, reported like the baseline (key
 * figures, by type, hour by hour). An unknown name is a usage error listing the file's variants.
 */
function variantOf(loaded: LoadedScenario, name: string): Alternative {
  const variants = loaded.scenario.variants ?? [];
  const i = variants.findIndex((v) => v.name === name);
  if (i < 0) {
    const known = variants.length === 0 ? 'the file has no variants' : `expected one of ${variants.map((v) => JSON.stringify(v.name)).join(', ')}`;
    throw new UsageError(`--variant: found ${JSON.stringify(name)}; ${known}`);
  }
  return { name, scenario: applyVariant(loaded, i), baseDir: loaded.baseDir };
}

export async function executeStudy(files: string[], args: StudyArgs, mode: StudyMode): Promise<void> {
  const checked = checkStudyArgs(args);
  const loaded = files.map((file) => loadScenario(file));
  // Every variant must compile, also for `run` (which simulates the baseline only): validate agrees.
  for (const l of loaded) compileEveryAlternative(l);
  const inputs = loaded.flatMap((l) => l.inputs);
  // Checked before simulating: a missing folder or a read-only disk costs a second, not the run.
  const outTarget = args.out === undefined ? undefined : checkOutputTarget(args.out, checked.shard ? 'part' : 'report', inputs);
  const traceTarget = args.trace === undefined ? undefined : checkOutputTarget(args.trace, 'trace', inputs);
  // One regular file cannot hold both (a device such as /dev/null can take both).
  if (outTarget?.kind === 'file' && traceTarget !== undefined && sameFile(outTarget.path, traceTarget.path)) {
    throw new UsageError(`--out and --trace both name ${outTarget.path}: one would overwrite the other; give each its own file`);
  }
  const first = loaded[0].scenario;
  const settings = {
    // A --max-replications below the file's replications caps them (runStudy); below -n it is refused (checkStudyArgs).
    // The file's values carry the schema's defaults (10, 1, 60) when it leaves them out.
    replications: checked.replications ?? first.replications,
    seed: checked.seed ?? first.seed,
    period: checked.period ?? first.period,
  };
  const { alternatives, warnings } = commonSettings(loaded, alternativesOf(loaded, mode, args.variant), settings);
  const periodTooShort = checked.period === undefined ? null : periodProblem(checked.period);
  if (periodTooShort) throw new UsageError(`--period: found ${checked.period}; expected ${periodTooShort}`);
  const progress = new Progress(mode === 'run' ? 'Simulating' : 'Comparing');
  const options: StudyOptions = {
    ...settings,
    warnings,
    workers: checked.workers,
    precision: checked.precision,
    maxReplications: checked.maxReplications,
    onProgress: (done, planned) => progress.update(done, planned),
  };
  const about: ReportAbout = {
    question: first.question,
    description: first.description,
    files,
    // The staffing target, where the file has one, is the line the service level is read against.
    ...(first.staffing?.serviceLevel !== undefined ? { serviceLevelTarget: first.staffing.serviceLevel } : {}),
  };
  if (checked.shard) {
    // A shard writes its replications for `merge`, which prints the report (shard-part.ts). Each
    // path loads only its own modules: a shard no report renderers, a study no part writer.
    const shard = checked.shard;
    await import('./shard-part.js')
      .then(({ runShard }) => runShard({ loaded, alternatives, options, shard, mode, outTarget, about }))
      .finally(() => progress.stop());
    return;
  }
  // The trace streams to its file while the study runs (trace-output.ts).
  const traceSink = traceTarget === undefined ? undefined : await TraceOutput.open(traceTarget);
  let result: Result;
  try {
    result = await runStudy(first.name, alternatives, { ...options, traceSink }).finally(() => progress.stop());
    await traceSink?.commit();
  } catch (error) {
    await traceSink?.abort();
    throw error;
  }
  const { writeReport } = await import('./write-report.js');
  await writeReport(result, args, inputs, about, outTarget);
}
