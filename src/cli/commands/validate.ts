import type { CommandModule } from 'yargs';
import { compileEveryAlternative } from '../../scenario/compile-all.js';
import { loadScenario } from '../../scenario/load.js';
import { printable } from '../../report/printable.js';
import { loadWarnings } from '../../runner/warnings.js';

export const validateCommand: CommandModule<object, { file: string }> = {
  command: 'validate <file>',
  describe: 'Check a scenario file (and each variant) without running it',
  builder: (y) => y.positional('file', { type: 'string', demandOption: true, describe: 'Scenario file' }) as never,
  handler: (args) => {
    const loaded = loadScenario(args.file);
    const [model, ...variantModels] = compileEveryAlternative(loaded);
    const variants = loaded.scenario.variants ?? [];
    const warnings = loadWarnings('baseline', model);
    variants.forEach((variant, i) => warnings.push(...loadWarnings(variant.name, variantModels[i])));
    const counters = model.groups.reduce((n, g) => n + g.counters, 0);
    process.stdout.write(
      `${args.file}: valid. "${model.name}": ${model.types.length} customer types, ${model.groups.length} counter groups ` +
        `(${counters} counters)${model.kiosks ? `, ${model.kiosks.count} kiosks` : ''}, ${variants.length} variants.\n`,
    );
    for (const warning of warnings) process.stderr.write(`warning: ${printable(warning)}\n`);
  },
};
