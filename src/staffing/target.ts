/**
 * What every period must reach. The figures are those a run reports per period (SCENARIO.md):
 * `serviceLevel`, the share of the period's arrivals served within `waitTarget`, and the share who
 * abandon or balk; a period meets the target when the mean over replications is on the right side.
 */
import type { Summary } from '../runner/result.js';

export interface StaffingTarget {
  /** Share served within `waitTarget` each period must reach, or null when not asked. */
  serviceLevel: number | null;
  /** Minutes. */
  waitTarget: number;
  /** Largest share of a period's arrivals who may abandon or balk, or null when not asked. */
  maxAbandon: number | null;
}

/** How one period (for one group's customers) stands against the target. */
export interface Standing {
  meets: boolean;
  /**
   * The smallest distance to the target, in shares, positive on the good side: how far the worse
   * of the two figures is from its bound. The search raises the group whose customers stand worst.
   */
  margin: number;
  /** Some figure's 95% interval contains its bound: more replications could change the verdict. */
  close: boolean;
}

/** Standing of summaries of the served-in-time share and the lost (abandoned or balked) share. */
export function standing(target: StaffingTarget, served: Summary, lost: Summary): Standing {
  let margin = Infinity;
  let close = false;
  // A period nobody arrived in (in any replication) has no figure: nothing to miss.
  if (target.serviceLevel !== null && Number.isFinite(served.mean)) {
    margin = Math.min(margin, served.mean - target.serviceLevel);
    close ||= straddles(served, target.serviceLevel);
  }
  if (target.maxAbandon !== null && Number.isFinite(lost.mean)) {
    margin = Math.min(margin, target.maxAbandon - lost.mean);
    close ||= straddles(lost, target.maxAbandon);
  }
  return { meets: margin >= 0, margin, close };
}

function straddles(s: Summary, bound: number): boolean {
  return s.ci95 !== null && s.ci95[0] < bound && bound < s.ci95[1];
}
