/**
 * The hall's fixed layout, derived once from the Model: which counters and kiosks exist, which
 * station (counter group, or the kiosk bank) each belongs to, which line each calls from, and the
 * priority level of each customer type. The day's state (who is serving, who is staffed) lives in
 * FrontDesk; everything here stays the same for every replication.
 *
 * Numbering: stations 0..groups-1 are the counter groups in scenario order, then the kiosks (if
 * any). Servers are numbered station by station. Lines: one per station with a single line; one
 * per counter with per-counter lines (kiosks always share one), numbered like their counters.
 */
import type { Model } from './model.js';

export class HallLayout {
  readonly stationCount: number;
  /** Station index of the kiosks, or -1 without kiosks. */
  readonly kioskStation: number;
  readonly serverCount: number;
  readonly lineCount: number;
  /** Number of distinct priorities: the levels of every line. */
  readonly priorityLevels: number;
  readonly stationFirst: Int32Array;
  readonly stationSize: Int32Array;
  /** A station's shared line, or -1 when each of its counters has its own. */
  readonly stationLine: Int32Array;
  readonly serverStation: Int32Array;
  /** The line each server calls its customers from. */
  readonly serverLine: Int32Array;
  readonly lineStation: Int32Array;
  /** Priority level of each type in every line: 0 for the highest priority. */
  readonly levelOfType: Int32Array;

  constructor(private readonly model: Model) {
    const groups = model.groups;
    this.kioskStation = model.kiosks ? groups.length : -1;
    this.stationCount = groups.length + (model.kiosks ? 1 : 0);
    const sizes = [...groups.map((g) => g.counters), ...(model.kiosks ? [model.kiosks.count] : [])];
    this.stationSize = Int32Array.from(sizes);
    this.stationFirst = new Int32Array(this.stationCount);
    let servers = 0;
    sizes.forEach((size, st) => {
      this.stationFirst[st] = servers;
      servers += size;
    });
    this.serverCount = servers;

    const priorities = [...new Set(model.types.map((t) => t.priority))].sort((a, b) => b - a);
    this.priorityLevels = priorities.length;
    this.levelOfType = Int32Array.from(model.types, (t) => priorities.indexOf(t.priority));

    this.stationLine = new Int32Array(this.stationCount).fill(-1);
    this.serverStation = new Int32Array(servers);
    this.serverLine = new Int32Array(servers);
    const lineStation: number[] = [];
    for (let st = 0; st < this.stationCount; st++) {
      const perCounter = model.lineLayout === 'per-counter' && st !== this.kioskStation;
      if (!perCounter) this.stationLine[st] = lineStation.push(st) - 1;
      for (let s = this.stationFirst[st]; s < this.stationFirst[st] + this.stationSize[st]; s++) {
        this.serverStation[s] = st;
        this.serverLine[s] = perCounter ? lineStation.push(st) - 1 : this.stationLine[st];
      }
    }
    this.lineStation = Int32Array.from(lineStation);
    this.lineCount = lineStation.length;
  }

  /** A station's name in reports: its counter group's name, or `kiosks`. */
  stationName(st: number): string {
    return st === this.kioskStation ? 'kiosks' : this.model.groups[st].name;
  }

  /** A counter's or kiosk's name in traces: its station and its number there, e.g. `general#2`. */
  serverName(server: number): string {
    const st = this.serverStation[server];
    return `${this.stationName(st)}#${server - this.stationFirst[st] + 1}`;
  }

  /** A line's name in traces: its station's name (shared line) or its counter's (own line). */
  lineName(line: number): string {
    const st = this.lineStation[line];
    if (this.stationLine[st] === line) return this.stationName(st);
    return this.serverName(this.stationFirst[st] + (line - this.serverLine[this.stationFirst[st]]));
  }

  /** The counter whose own line is `line` (per-counter lines only). */
  serverOfLine(line: number): number {
    const first = this.stationFirst[this.lineStation[line]];
    return first + (line - this.serverLine[first]);
  }
}
