import { it } from 'vitest';
import { erlangA } from '../../src/analytic/erlang-a.js';
import { buildModel } from '../helpers/model.js';
import { replicate } from '../helpers/replicate.js';
import { summarizeFigure } from '../../src/runner/summarize.js';

it('scratch', () => {
  for (const [c, lam, theta] of [[3, 2.85, 5], [4, 4.4, 3], [5, 6, 2]] as const) {
    const th = erlangA({ arrivalRate: lam, serviceMean: 1, servers: c, patienceMean: theta });
    const model = buildModel({
      perHour: lam * 60,
      types: [{ name: 'walkin', service: { dist: 'exponential', mean: 1 }, patience: { dist: 'exponential', mean: theta } }],
      groups: [{ name: 'desk', staff: c }],
      horizon: 10_000, warmup: 500,
    });
    const t0 = Date.now();
    const sim = replicate(model, 20, 2026);
    const ab = summarizeFigure(sim.runs.map((r) => r.metrics.abandoned / r.metrics.arrived));
    console.log(c, lam, theta, Date.now() - t0, 'ms');
    console.log(' aband', th.abandonShare, ab.ci95, ab.mean);
    console.log(' util', th.utilization, sim.day('utilization.desk').ci95);
    console.log(' waitServed', th.waitMeanServed, sim.day('waitMean').ci95);
  }
});
