import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadScenario, parseScenarioText } from '../../src/scenario/load.js';
import { MINIMAL, fixture, scenarioError } from './helpers.js';

const messageOf = (text: string, file = 'x.yaml') => scenarioError(() => parseScenarioText(text, file)).message;

describe('loadScenario', () => {
  it('loads the example of SCENARIO.md with its defaults filled in', () => {
    const loaded = loadScenario(fixture('bank-branch.yaml'));
    const s = loaded.scenario;
    expect(s.name).toBe('Bank branch, today');
    expect(s.open).toBe('09:00');
    expect(s.horizon).toBe(480);
    expect(s.replications).toBe(30);
    expect(s.seed).toBe(2026);
    expect(s.types.consult.service).toEqual({ dist: 'lognormal', mean: 5, cv: 0.6 });
    expect(s.types.transaction.priority).toBe(1);
    expect(s.types.consult.priority).toBe(0);
    expect(s.types.consult.preempt).toBe(false);
    expect(s.kiosks?.uptake).toEqual({ consult: 0.4 });
    expect(s.queue).toBe('single');
    expect(s.jockey).toBe(false);
    expect(s.period).toBe(60);
    expect(s.variants).toEqual([{ name: 'two more kiosks', set: { 'kiosks.count': 4 } }]);
    expect(loaded.variants[0].kiosks?.count).toBe(4);
    expect(loaded.baseDir).toBe(dirname(fixture('bank-branch.yaml')));
    expect(loaded.inputs).toEqual([fixture('bank-branch.yaml')]);
  });

  it('reads JSON and YAML of the same scenario to the same thing', () => {
    const yaml = loadScenario(fixture('bank-branch.yaml'));
    const json = loadScenario(fixture('bank-branch.json'));
    expect(json.scenario).toEqual(yaml.scenario);
    expect(json.variants).toEqual(yaml.variants);
  });

  it('fills the documented defaults', () => {
    const s = parseScenarioText(MINIMAL, 'x.yaml').scenario;
    expect(s).toMatchObject({ open: '00:00', drain: true, warmup: 0, replications: 10, seed: 1, waitTarget: 10, period: 60, queue: 'single', jockey: false, variants: [] });
    expect(s.types.consult.share).toBe(1);
  });

  it('loads every extension at once', () => {
    const loaded = loadScenario(fixture('extensions.yaml'));
    expect(loaded.scenario.horizon).toBe('15:30');
    expect(loaded.variants.map((v) => v.counters.desks.staff)).toEqual([
      [{ at: 0, count: 2 }, { at: '09:00', count: 5 }, { at: '13:00', count: 3 }],
      [{ at: 0, count: 2 }, { at: '09:00', count: 4 }, { at: '13:00', count: 3 }],
    ]);
  });

  it('lists the trace among the inputs', () => {
    expect(loadScenario(fixture('traced.yaml')).inputs).toEqual([fixture('traced.yaml'), fixture('data/arrivals.csv')]);
  });

  it('names a missing file', () => {
    expect(scenarioError(() => loadScenario('no/such/file.yaml')).message).toBe(
      'no/such/file.yaml: (file): found no such file; expected a readable scenario file (YAML or JSON)',
    );
    expect(scenarioError(() => loadScenario(fixture('data'))).message).toMatch(/: \(file\): found a folder; expected a readable scenario file/);
  });

  it('takes JSON content in a file without a known extension', () => {
    const dir = mkdtempSync(join(tmpdir(), 'frontdesk-'));
    const file = join(dir, 'scenario.txt');
    writeFileSync(file, JSON.stringify({ name: 'x', horizon: 60, arrivals: { perHour: 1 }, types: { a: { service: { dist: 'deterministic', value: 1 } } }, counters: { c: { staff: 1, serves: ['a'] } } }));
    expect(loadScenario(file).scenario.horizon).toBe(60);
  });
});

describe('error messages', () => {
  const change = (from: string, to: string) => {
    if (!MINIMAL.includes(from)) throw new Error(`fixture has no ${from}`);
    return MINIMAL.replace(from, to);
  };

  it.each([
    ['a wrong type', change('horizon: 480', 'horizon: lots'), 'x.yaml: horizon: found "lots"; expected minutes from opening (a number >= 0) or a clock time "HH:MM" (00:00 to 24:00)'],
    ['a missing required field', change('horizon: 480\n', ''), 'x.yaml: horizon: found nothing; expected minutes from opening (a number >= 0) or a clock time "HH:MM" (required)'],
    [
      'an unknown distribution',
      change('dist: exponential', 'dist: lognorm'),
      'x.yaml: types.consult.service.dist: found "lognorm"; expected one of exponential, deterministic, uniform, triangular, normal, lognormal, gamma, erlang, weibull, empirical (did you mean "lognormal"?)',
    ],
    ['a negative service mean', change('mean: 5', 'mean: -5'), 'x.yaml: types.consult.service.mean: found -5; expected a positive number of minutes'],
    ['an unknown key', change('mean: 5', 'meen: 5'), 'x.yaml: types.consult.service: found unknown key "meen"; expected only dist, mean (did you mean "mean"?) (and 1 more problem)'],
    ['a misspelt top-level key', change('horizon:', 'horizn:'), 'x.yaml: (top level): found unknown key "horizn"; expected only $schema, name, question, description, open, horizon, drain, warmup, replications, seed, waitTarget, period, arrivals, appointments, types, counters, kiosks, staffing, queue, jockey, balk, variants, grid (did you mean "horizon"?) (and 1 more problem)'],
    [
      'a type no counter serves',
      change('types:\n', 'types:\n  other: { service: { dist: exponential, mean: 3 } }\n'),
      'x.yaml: types.other: found a type no counter group serves; expected its name in some counters.*.serves',
    ],
    ['an unknown type in serves', change('serves: [consult]', 'serves: [consult, consul]'), 'x.yaml: counters.general.serves[1]: found "consul"; expected a customer type: consult (did you mean "consult"?)'],
    ['a bad HH:MM', change('horizon: 480', 'horizon: "25:00"'), 'x.yaml: horizon: found "25:00"; expected minutes from opening (a number >= 0) or a clock time "HH:MM" (00:00 to 24:00)'],
    ['a bad opening time', `${MINIMAL}open: 9am\n`, 'x.yaml: open: found "9am"; expected a clock time "HH:MM" (00:00 to 23:59)'],
    ['NaN', change('horizon: 480', 'horizon: .nan'), 'x.yaml: horizon: found NaN; expected minutes from opening (a number >= 0) or a clock time "HH:MM"'],
    ['Infinity', change('mean: 5', 'mean: .inf'), 'x.yaml: types.consult.service.mean: found Infinity; expected a positive number of minutes (a finite number)'],
    ['a huge horizon', change('horizon: 480', 'horizon: 1e12'), 'x.yaml: horizon: found 1000000000000; expected at most 5256000 (10 years of minutes)'],
    ['two kinds of arrivals', change('{ perHour: 60 }', '{ perHour: 60, trace: a.csv }'), 'x.yaml: arrivals: found perHour and trace together; expected exactly one of perHour, profile, trace'],
    ['no kind of arrivals', change('{ perHour: 60 }', '{}'), 'x.yaml: arrivals: found none of perHour, profile, trace; expected exactly one of perHour, profile, trace'],
    ['staff as text', change('staff: 2', 'staff: many'), 'x.yaml: counters.general.staff: found "many"; expected a whole number of counters >= 1 or a shift plan [{ at: "HH:MM", count: n }, ...]'],
    ['a bad time in a shift plan', change('staff: 2', 'staff: [{ at: "xx", count: 1 }]'), 'x.yaml: counters.general.staff[0].at: found "xx"; expected minutes from opening (a number >= 0) or a clock time "HH:MM" (00:00 to 24:00)'],
    [
      'shift times out of order',
      change('staff: 2', 'staff: [{ at: 0, count: 1 }, { at: 100, count: 2 }, { at: 50, count: 3 }]'),
      'x.yaml: counters.general.staff[2].at: found 50; expected a time after the previous step at minute 100 (01:40): steps are in ascending order',
    ],
    ['a shift after closing', change('staff: 2', 'staff: [{ at: 0, count: 1 }, { at: 500, count: 2 }]'), 'x.yaml: counters.general.staff[1].at: found 500; expected a time before the horizon at minute 480 (08:00)'],
    ['a shift plan not starting at opening', `${change('staff: 2', 'staff: [{ at: "10:00", count: 1 }]')}open: "09:00"\n`, 'x.yaml: counters.general.staff[0].at: found "10:00"; expected the opening time ("09:00" or 0): a shift plan starts at opening'],
    ['a profile that never arrives', change('{ perHour: 60 }', '{ profile: [{ at: 0, perHour: 0 }] }'), 'x.yaml: arrivals.profile: found only rates of 0; expected at least one positive perHour (or appointments): otherwise nobody arrives'],
    ['lognormal with cv and sd', change('dist: exponential, mean: 5', 'dist: lognormal, mean: 5, cv: 1, sd: 2'), 'x.yaml: types.consult.service.sd: found both cv and sd; expected cv or sd, not both'],
    ['uniform upside down', change('dist: exponential, mean: 5', 'dist: uniform, min: 5, max: 2'), 'x.yaml: types.consult.service.max: found 2; expected a number >= min (5)'],
    ['a name with a space', change('  consult: {', '  "my type": {'), 'x.yaml: types."my type": found the name "my type"; expected a name of letters, digits, "_" and "-" starting with a letter or "_" (no spaces or dots, at most 64 characters)'],
    ['a __proto__ key', change('  consult: {', '  __proto__: {'), 'x.yaml: types.__proto__: found the key "__proto__"; expected another name ("__proto__" is reserved)'],
    ['an unknown queue', `${MINIMAL}queue: multi\n`, 'x.yaml: queue: found "multi"; expected one of single, per-counter'],
    ['jockeying on a single line', `${MINIMAL}jockey: true\n`, 'x.yaml: jockey: found true; expected false, or queue: per-counter (jockeying moves customers between per-counter lines)'],
    ['a warm-up longer than the day', `${MINIMAL}warmup: 500\n`, 'x.yaml: warmup: found 500; expected less than the horizon at minute 480 (08:00)'],
    ['shares summing to 0', change('consult: { service', 'consult: { share: 0, service'), 'x.yaml: types: found shares that sum to 0; expected at least one type with a positive share'],
    ['kiosk uptake of an unknown type', `${MINIMAL}kiosks: { count: 1, uptake: { walkin: 0.5 }, service: { dist: exponential, mean: 2 } }\n`, 'x.yaml: kiosks.uptake.walkin: found the name "walkin"; expected a customer type: consult'],
    ['a file that is a list', '- 1\n- 2\n', 'x.yaml: (top level): found a list of 2; expected a scenario: an object with name, horizon, arrivals, types and counters'],
    ['an empty file', '', 'x.yaml: (top level): found null; expected a scenario: an object with name, horizon, arrivals, types and counters'],
    ['a variant named baseline', `${MINIMAL}variants: [{ name: baseline, set: { seed: 2 } }]\n`, 'x.yaml: variants[0].name: found "baseline"; expected a name other than "baseline" (the file itself is the baseline)'],
    ['a variant with nothing to set', `${MINIMAL}variants: [{ name: v, set: {} }]\n`, 'x.yaml: variants[0].set: found an object; expected at least one dotted path, e.g. { kiosks.count: 4 }'],
  ])('%s', (_, text, message) => {
    expect(messageOf(text)).toBe(message);
  });

  it('accepts early appointment arrivals (negative punctuality offsets)', () => {
    const loaded = parseScenarioText(`${MINIMAL}appointments: { every: 10, perSlot: 1, noShow: 0, punctuality: { dist: normal, mean: -2, sd: 3 } }\n`, 'x.yaml');
    expect(loaded.scenario.appointments?.punctuality).toEqual({ dist: 'normal', mean: -2, sd: 3 });
  });
});

describe('syntax errors', () => {
  it('name the line and column of YAML errors', () => {
    expect(messageOf(MINIMAL.replace('types:\n', 'types:\n consult2: 1\n'))).toBe(
      'x.yaml: line 5, column 12: found "1"; expected valid YAML (nested mappings are not allowed in compact mappings)',
    );
    expect(messageOf(MINIMAL.replace('  consult', '\tconsult'))).toBe(
      'x.yaml: line 5, column 1: found "\\tconsult: { service: { dist: exponentia…"; expected valid YAML (tabs are not allowed as indentation)',
    );
    expect(messageOf(`${MINIMAL}horizon: 3\n`)).toBe('x.yaml: line 8, column 1: found "horizon: 3"; expected each key once in a mapping (this key appears again)');
    expect(messageOf('a: 1\n---\nb: 2\n')).toBe('x.yaml: line 2, column 1: found "---"; expected valid YAML (one document: a scenario file holds a single document, no second "---")');
  });

  it('name the line and column of JSON errors', () => {
    expect(messageOf('{\n  "name": "x",\n  "horizon": 480,,\n}', 'x.json')).toBe(
      'x.json: line 3, column 18: found ","; expected valid JSON: a key in double quotes',
    );
    expect(messageOf('{"name": x}', 'x.json')).toBe('x.json: line 1, column 10: found "x}"; expected valid JSON: a value (a string in double quotes, a number, an object, a list, true, false or null)');
    expect(messageOf('{"name": "x"', 'x.json')).toBe('x.json: line 1, column 13: found the end of the file; expected valid JSON: "," or "}"');
    expect(messageOf('', 'x.json')).toBe('x.json: line 1, column 1: found the end of the file; expected valid JSON: a value (a string in double quotes, a number, an object, a list, true, false or null)');
  });

  it('refuse alias bombs quickly', () => {
    const bomb = [
      'a: &a [x, x, x, x, x, x, x, x, x, x]',
      'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]',
      'c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]',
      'd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]',
      'e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]',
      'f: [*e, *e, *e, *e, *e, *e, *e, *e, *e, *e]',
    ].join('\n');
    expect(messageOf(bomb)).toBe('x.yaml: (aliases): found aliases (*name) that expand to more than 100 copies; expected at most 100 alias expansions in the whole file');
  });

  it('allow ordinary anchors and merge keys', () => {
    const text = MINIMAL.replace('types:\n', 'svc: &svc { dist: exponential, mean: 5 }\ntypes:\n').replace('service: { dist: exponential, mean: 5 }', 'service: *svc');
    // The anchor's holder is not a scenario key, so this is refused for that reason only.
    expect(messageOf(text)).toMatch(/found unknown key "svc"/);
    const merged = `${MINIMAL}kiosks: { <<: { count: 1 }, service: { dist: exponential, mean: 2 } }\n`;
    expect(parseScenarioText(merged, 'x.yaml').scenario.kiosks?.count).toBe(1);
  });

  it('refuse very deep nesting without overflowing the stack', () => {
    expect(messageOf('['.repeat(100_000) + ']'.repeat(100_000))).toBe('x.yaml: line 1, column 1001: found nesting deeper than 64 levels; expected a scenario nested at most 64 levels deep');
    expect(messageOf(`a: ${'['.repeat(70)}${']'.repeat(70)}`)).toBe('x.yaml: line 1, column 67: found nesting deeper than 64 levels; expected a scenario nested at most 64 levels deep');
    const block = Array.from({ length: 80 }, (_, i) => `${'  '.repeat(i)}a:`).join('\n');
    expect(messageOf(`${block} 1`)).toMatch(/^x\.yaml: line 65, column 129: found nesting deeper than 64 levels/);
    expect(messageOf('['.repeat(100_000) + ']'.repeat(100_000), 'x.json')).toBe('x.json: line 1, column 1: found nesting deeper than 64 levels; expected a scenario nested at most 64 levels deep');
  });

  it('refuse huge files before parsing them', () => {
    expect(messageOf(`name: ${'x'.repeat(300_000)}`)).toBe(
      'x.yaml: (file): found 300,006 characters; expected at most 262,144 characters (a scenario is a few kilobytes; put recorded arrivals in a trace CSV)',
    );
  });

  it('accept a byte-order mark', () => {
    expect(parseScenarioText(`\uFEFF${MINIMAL}`, 'x.yaml').scenario.name).toBe('x');
  });
});
