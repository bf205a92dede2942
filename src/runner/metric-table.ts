/**
 * The replications of one alternative, packed: one row of numbers per replication, one column per
 * figure (the day's metrics, then each type's, then each period's, in report order).
 *
 * Why packed: a study of 10 variants x 1,000 replications keeps about two million figures for its
 * paired comparisons. As objects they cost ~50 MB of heap that every garbage collection walks, and
 * each batch coming back from a worker thread is an object graph to deserialise on the main
 * thread while the worker waits for its next job. As rows of a Float64Array they cost 8 bytes a
 * figure, cross threads as one block of memory, and summarise column by column.
 */
import { widthOf, type MetricColumns } from '../model/metric-columns.js';

/** Replications packed as rows; grows as batches arrive, in replication order. */
export class MetricTable {
  readonly width: number;
  private values: Float64Array;
  private count = 0;

  constructor(readonly columns: MetricColumns) {
    this.width = widthOf(columns);
    this.values = new Float64Array(this.width * 16);
  }

  /**
   * A table of `rows` rows already packed in `values`, kept as they are, not copied (a part's rows
   * as read from its file). Appending later copies them into a table of its own first.
   */
  static of(columns: MetricColumns, values: Float64Array, rows: number): MetricTable {
    const table = new MetricTable(columns);
    table.values = values.subarray(0, rows * table.width);
    table.count = rows;
    return table;
  }

  get rows(): number {
    return this.count;
  }

  /** Appends `rows` replications packed in `values` (row after row, this table's columns). */
  append(values: Float64Array, rows: number): void {
    const needed = (this.count + rows) * this.width;
    if (needed > this.values.length) {
      const grown = new Float64Array(Math.max(needed, 2 * this.values.length));
      grown.set(this.values.subarray(0, this.count * this.width));
      this.values = grown;
    }
    this.values.set(values.subarray(0, rows * this.width), this.count * this.width);
    this.count += rows;
  }

  /** Every row so far, one after the other (a view: do not modify). */
  get rowValues(): Float64Array {
    return this.values.subarray(0, this.count * this.width);
  }

  /** The values of column `c` over the first `rows` replications (all by default). */
  column(c: number, rows = this.count): Float64Array {
    if (!(c >= 0 && c < this.width)) throw new RangeError(`internal: no column ${c} in a table of ${this.width}`);
    const out = new Float64Array(rows);
    for (let r = 0; r < rows; r++) out[r] = this.values[r * this.width + c];
    return out;
  }

  /** Column index of a day metric, or -1. */
  metricColumn(key: string): number {
    return this.columns.metricKeys.indexOf(key);
  }

  /** First column of type `t`'s block. */
  typeOffset(t: number): number {
    return this.columns.metricKeys.length + t * this.columns.typeKeys.length;
  }

  /** First column of period `p`'s block. */
  periodOffset(p: number): number {
    return this.columns.metricKeys.length + this.columns.typeNames.length * this.columns.typeKeys.length + p * this.columns.periodKeys.length;
  }
}
