import type { CommandModule } from 'yargs';

export const schemaCommand: CommandModule = {
  command: 'schema',
  describe: 'Print the JSON Schema of the scenario file',
  handler: async () => {
    // zod loads only when the command runs (main.ts).
    const { scenarioJsonSchema } = await import('../../scenario/json-schema.js');
    process.stdout.write(`${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`);
  },
};
