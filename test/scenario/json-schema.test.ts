import { describe, expect, it } from 'vitest';
import { scenarioJsonSchema } from '../../src/scenario/json-schema.js';

describe('scenarioJsonSchema', () => {
  const schema = scenarioJsonSchema();

  it('prints as valid JSON with the top-level keys', () => {
    const text = JSON.stringify(schema, null, 2);
    const back = JSON.parse(text) as Record<string, unknown>;
    expect(Object.keys(back).slice(0, 3)).toEqual(['$schema', 'title', 'description']);
    expect(back.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(back.type).toBe('object');
    expect(back.additionalProperties).toBe(false);
    expect(back.required).toEqual(['name', 'horizon', 'arrivals', 'types', 'counters']);
  });

  it('lists every key of the contract and the extensions, each described', () => {
    const properties = schema.properties as Record<string, { description?: string }>;
    const contract = ['name', 'open', 'horizon', 'drain', 'warmup', 'replications', 'seed', 'waitTarget', 'arrivals', 'types', 'counters', 'kiosks', 'queue', 'variants', 'staffing'];
    const extensions = ['question', 'description', 'period', 'appointments', 'jockey', 'balk', '$schema', 'grid'];
    expect(Object.keys(properties).sort()).toEqual([...contract, ...extensions].sort());
    for (const [key, value] of Object.entries(properties)) expect(value.description, key).toBeTruthy();
  });

  it('shares the distribution definition and names every family', () => {
    const defs = schema.$defs as Record<string, { oneOf?: { properties: { dist: { const: string } } }[] }>;
    const families = defs.Distribution.oneOf!.map((o) => o.properties.dist.const);
    expect(families).toEqual(['exponential', 'deterministic', 'uniform', 'triangular', 'normal', 'lognormal', 'gamma', 'erlang', 'weibull', 'empirical']);
    expect(JSON.stringify(schema.properties)).toContain('"$ref":"#/$defs/Distribution"');
  });

  it('states the defaults', () => {
    const p = schema.properties as Record<string, { default?: unknown }>;
    expect([p.open.default, p.drain.default, p.warmup.default, p.replications.default, p.seed.default, p.waitTarget.default, p.period.default, p.queue.default, p.jockey.default]).toEqual([
      '00:00',
      true,
      0,
      10,
      1,
      10,
      60,
      'single',
      false,
    ]);
  });
});

describe('a counter group\'s cost per counter-hour', () => {
  it('is in the schema, described, at least 0', () => {
    const text = JSON.stringify(scenarioJsonSchema());
    expect(text).toMatch(/"cost":\{"type":"number","minimum":0,[^}]*"description":"Cost of one counter-hour on duty/);
    expect(String(scenarioJsonSchema().description)).toContain('staffHours per counter group');
  });

  it('is refused below 0 in one line naming the field', async () => {
    const { parseScenarioText } = await import('../../src/scenario/load.js');
    const text = (cost: string) =>
      `name: x\nhorizon: 60\narrivals: { perHour: 10 }\ntypes: { a: { service: { dist: exponential, mean: 3 } } }\n` +
      `counters: { desk: { staff: 1, serves: [a], cost: ${cost} } }\n`;
    expect(parseScenarioText(text('25.5'), 'x.yaml').scenario.counters.desk.cost).toBe(25.5);
    expect(() => parseScenarioText(text('-1'), 'x.yaml')).toThrow('x.yaml: counters.desk.cost: found -1; expected a cost per counter-hour >= 0');
  });
});
