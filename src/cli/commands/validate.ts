import type { CommandModule } from 'yargs';

/** `1 variant`, `3 variants`. */
function counted(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

export const validateCommand: CommandModule<object, { file: string }> = {
  command: 'validate <file>',
  describe: 'Check a scenario file (and each variant) without running it',
  builder: (y) => y.positional('file', { type: 'string', demandOption: true, describe: 'Scenario file' }) as never,
  handler: async (args) => {
    // The scenario's modules load only when the command runs (main.ts).
    const [{ compileEveryAlternative }, { loadScenario }, { printable }, { loadWarnings }] = await Promise.all([
      import('../../scenario/compile-all.js'),
      import('../../scenario/load.js'),
      import('../../report/printable.js'),
      import('../../runner/warnings.js'),
    ]);
    const loaded = loadScenario(args.file);
    const [model, ...variantModels] = compileEveryAlternative(loaded);
    const variants = loaded.scenario.variants ?? [];
    const warnings = loadWarnings('baseline', model);
    variants.forEach((variant, i) => warnings.push(...loadWarnings(variant.name, variantModels[i])));
    const counters = model.groups.reduce((n, g) => n + g.counters, 0);
    const kiosks = model.kiosks ? `, ${counted(model.kiosks.count, 'kiosk')}` : '';
    process.stdout.write(
      `${args.file}: valid. "${model.name}": ${counted(model.types.length, 'customer type')}, ${counted(model.groups.length, 'counter group')} ` +
        `(${counted(counters, 'counter')})${kiosks}, ${counted(variants.length, 'variant')}.\n`,
    );
    for (const warning of warnings) process.stderr.write(`warning: ${printable(warning)}\n`);
  },
};
