/** Entry point of a worker thread: runs one batch of replications (see job.ts). */
import { runJob, type ReplicationJob } from './job.js';
import type { ReplicationMetrics } from './result.js';

export default function work(job: ReplicationJob): ReplicationMetrics[] {
  return runJob(job);
}
