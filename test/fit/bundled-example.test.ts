/**
 * The bundled example (scenarios/data/): its ticket log is what the committed generator makes from
 * the committed "true" hall, and its fitted scenario is what `fit` makes from that log, byte for
 * byte; so the README's figures can be re-made by anyone, and no file there is written by hand.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { simulateTicketLog } from '../../bench/ticket-log.js';
import { fitLog } from '../../src/fit/fit-log.js';
import { scenarioText } from '../../src/fit/scenario-text.js';
import { parseTicketLog } from '../../src/fit/ticket-log.js';
import { loadScenario } from '../../src/scenario/load.js';

const data = (name: string) => fileURLToPath(new URL(`../../scenarios/data/${name}`, import.meta.url));
const LOG = data('service-centre-tickets.csv');

describe('bundled example: service centre', () => {
  it('the log is the generator\'s output for the true hall (20 days, seed 2026)', async () => {
    // The seed is the generator's documented one, not the suite's: this checks a committed file.
    const text = await simulateTicketLog(data('service-centre-truth.yaml'), 20, 2026);
    expect(text === readFileSync(LOG, 'utf8')).toBe(true);
  });

  it('the fitted scenario is fit\'s output for that log, and loads', () => {
    const fitted = fitLog(parseTicketLog(readFileSync(LOG, 'utf8'), LOG));
    expect(scenarioText(fitted)).toBe(readFileSync(data('service-centre-fitted.yaml'), 'utf8'));
    expect(fitted.tickets).toBeGreaterThan(9000);
    expect(loadScenario(data('service-centre-fitted.yaml')).scenario.types).toHaveProperty('Passport_ID');
  });
});
