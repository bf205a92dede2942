// CPU seconds of the event loop alone (process.cpuUsage around it, not the process's start-up):
// frontdesk's mm10 day or the feature-free bare loop, from the build in DIR (an absolute path to
// a checkout with dist/). On a machine shared with other work, CPU time moves far less than wall
// time; alternate two builds and compare mm10/bare of each:
//   for i in $(seq 10); do for d in /abs/old /abs/new; do for c in mm10 bare; do
//     echo "$d $c $(node scripts/loop-cpu.mjs $d $c 3000000)"; done; done; done
const [dir, which, n] = process.argv.slice(2);
const customers = Number(n);
const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1e6; };
if (which === 'bare') {
  const { bareMmc } = await import(`${dir}/dist/bench/bare-loop.js`);
  const t = cpu(); bareMmc(9, 1, 10, customers, 2026); console.log((cpu() - t).toFixed(3));
} else {
  const { FrontDesk } = await import(`${dir}/dist/src/model/front-desk.js`);
  const { compileScenario } = await import(`${dir}/dist/src/scenario/compile.js`);
  const { loadScenario } = await import(`${dir}/dist/src/scenario/load.js`);
  const loaded = loadScenario(`${dir}/bench/scenarios/mm10.yaml`);
  const scenario = { ...loaded.scenario, horizon: Math.ceil(customers / 9) };
  const desk = new FrontDesk(compileScenario(scenario, { baseDir: loaded.baseDir }), scenario.horizon);
  const t = cpu(); desk.runDay(scenario.seed, 0); console.log((cpu() - t).toFixed(3));
}
