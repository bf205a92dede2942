/**
 * Preloaded into a benchmarked CLI process (`node --import cpu-usage.js main.js ...`): at exit it
 * appends the process's CPU seconds (user + system, every thread, worker threads included) as one
 * JSON line to the file named by FRONTDESK_BENCH_CPU. On a shared machine wall times say how busy
 * the machine was; CPU times say what the process cost. The CLI itself knows nothing of this.
 */
import { appendFileSync } from 'node:fs';

const file = process.env.FRONTDESK_BENCH_CPU;
if (file) {
  process.on('exit', () => {
    const usage = process.resourceUsage();
    appendFileSync(file, `${JSON.stringify({ user: usage.userCPUTime / 1e6, system: usage.systemCPUTime / 1e6 })}\n`);
  });
}
