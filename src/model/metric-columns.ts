/**
 * The figures a day reports, as one row of numbers: the day's metrics, then each type's, then each
 * period's, every block in report order. A hall's columns are fixed before its first day, so a
 * day writes its figures straight into a Float64Array row (what the runner keeps and sends between
 * threads) and builds no objects; `unpackRow` gives the keyed form for those who want it.
 */

/**
 * Figures of one replication and scope, keyed as in figures/figures.ts (`figureKeys`): a
 * per-group figure under `utilization.<group>`. Keys appear in report order, so iteration order is
 * deterministic.
 */
export type MetricValues = Record<string, number>;

/** Everything one replication measured. */
export interface ReplicationMetrics {
  metrics: MetricValues;
  byType: Record<string, MetricValues>;
  byPeriod: MetricValues[];
  /** Counts for the benchmark and sanity checks, not reported. */
  events: number;
  customers: number;
}

/** Which figure each column holds. */
export interface MetricColumns {
  metricKeys: string[];
  typeNames: string[];
  typeKeys: string[];
  periodCount: number;
  periodKeys: string[];
}

export function widthOf(columns: MetricColumns): number {
  return (
    columns.metricKeys.length + columns.typeNames.length * columns.typeKeys.length + columns.periodCount * columns.periodKeys.length
  );
}

/** The keyed form of the row at `offset`. */
export function unpackRow(columns: MetricColumns, row: Float64Array, offset: number): Omit<ReplicationMetrics, 'events' | 'customers'> {
  let at = offset;
  const block = (keys: string[]): MetricValues => {
    const values: MetricValues = {};
    for (const key of keys) values[key] = row[at++];
    return values;
  };
  const metrics = block(columns.metricKeys);
  const byType: Record<string, MetricValues> = {};
  for (const name of columns.typeNames) byType[name] = block(columns.typeKeys);
  const byPeriod: MetricValues[] = [];
  for (let p = 0; p < columns.periodCount; p++) byPeriod.push(block(columns.periodKeys));
  return { metrics, byType, byPeriod };
}
