/**
 * Every alternative of a loaded file compiled to a Model, as `validate`, `run` and `compare` all
 * need before simulating: a variant whose model cannot be built (its trace missing, a type it
 * removes still named in the trace, a horizon before the trace's times) is refused the same way
 * everywhere, naming the variant, even by `run`, which simulates only the baseline.
 */
import type { Model } from '../model/model.js';
import { compileScenario } from './compile.js';
import { ScenarioError } from './errors.js';
import type { LoadedScenario } from './load.js';

/** The baseline's model, then each variant's, in file order. Throws ScenarioError naming the variant. */
export function compileEveryAlternative(loaded: LoadedScenario): Model[] {
  const models = [compileScenario(loaded.scenario, { baseDir: loaded.baseDir })];
  loaded.variants.forEach((scenario, i) => {
    try {
      models.push(compileScenario(scenario, { baseDir: loaded.baseDir }));
    } catch (error) {
      if (!(error instanceof ScenarioError)) throw error;
      const name = loaded.scenario.variants[i]?.name ?? String(i);
      throw error.relocated({ path: `${error.path} (in variants[${i}] ${JSON.stringify(name)})` });
    }
  });
  return models;
}
