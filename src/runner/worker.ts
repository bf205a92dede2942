/** Entry point of a worker thread: runs one batch of replications (see job.ts). */
import { runJob, type JobResult, type ReplicationJob } from './job.js';

export default function work(job: ReplicationJob): JobResult {
  return runJob(job);
}
