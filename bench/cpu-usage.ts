/**
 * Preloaded into a benchmarked CLI process (`node --import cpu-usage.js main.js ...`): at exit it
 * appends the process's CPU seconds (user + system, every thread, worker threads included) as one
 * JSON line to the file named by FRONTDESK_BENCH_CPU. On a shared machine wall times say how busy
 * the machine was; CPU times say what the process cost. The CLI itself knows nothing of this.
 *
 * On Linux the line also has `mainThread`: the CPU of the thread that runs JavaScript (and, with
 * --workers 1, every replication). The rest is V8's own helper threads (concurrent compilation and
 * garbage collection) and any worker threads: work that a process running alone does on an idle
 * core, and that two processes side by side on two cores must share.
 */
import { appendFileSync, readFileSync } from 'node:fs';

/** CPU seconds of the calling thread from /proc (utime + stime, in clock ticks of 1/100 s), or undefined. */
function threadSeconds(): number | undefined {
  try {
    const stat = readFileSync('/proc/thread-self/stat', 'utf8');
    // Fields after the command name, which may hold spaces: state is the 3rd field, utime the 14th.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return undefined;
  }
}

const file = process.env.FRONTDESK_BENCH_CPU;
if (file) {
  process.on('exit', () => {
    const usage = process.resourceUsage();
    const mainThread = threadSeconds();
    appendFileSync(file, `${JSON.stringify({ user: usage.userCPUTime / 1e6, system: usage.systemCPUTime / 1e6, ...(mainThread === undefined ? {} : { mainThread }) })}\n`);
  });
}
