/**
 * Preloaded into a child process (`node --import .../max-rss.js`): as the process exits, writes
 * "<peak RSS in bytes> <CPU seconds, user + system>" to the file FRONTDESK_MAX_RSS_FILE names.
 * Node reports only its own process's resource use, and `/usr/bin/time` is not everywhere, so a
 * benchmark learns a CLI run's peak memory this way (bench/horizon.ts).
 */
import { writeFileSync } from 'node:fs';

const file = process.env.FRONTDESK_MAX_RSS_FILE;
if (file) {
  process.on('exit', () => {
    const usage = process.resourceUsage();
    writeFileSync(file, `${usage.maxRSS * 1024} ${(usage.userCPUTime + usage.systemCPUTime) / 1e6}`);
  });
}
