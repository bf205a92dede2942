import { describe, expect, it } from 'vitest';
import { CustomerPool } from '../../src/model/customers.js';
import { Line } from '../../src/model/line.js';

function setup(levels: number) {
  const pool = new CustomerPool(4);
  const line = new Line(levels, pool);
  let ticket = 0;
  const join = (level: number, front = false) => {
    const id = pool.admit();
    const t = ticket++;
    pool.ticket[id] = t;
    if (front) line.joinFront(id, t, level);
    else line.join(id, t, level);
    return id;
  };
  return { pool, line, join };
}

describe('Line', () => {
  it('is FIFO within a level and serves higher levels first', () => {
    const { line, join } = setup(2);
    const a = join(1);
    const b = join(0);
    const c = join(1);
    const d = join(0);
    expect(line.waiting).toBe(4);
    expect([line.next(), line.next(), line.next(), line.next(), line.next()]).toEqual([b, d, a, c, -1]);
    expect(line.waiting).toBe(0);
  });

  it('skips customers who left from the middle (stale tickets), even if their slot is reused', () => {
    const { pool, line, join } = setup(1);
    const a = join(0);
    const b = join(0);
    const c = join(0);
    // b gives up: its ticket no longer matches; its id is released and handed to a newcomer.
    pool.ticket[b] = -1;
    line.left();
    pool.release(b);
    const d = join(0);
    expect(d).toBe(b);
    expect([line.next(), line.next(), line.next(), line.next()]).toEqual([a, c, d, -1]);
  });

  it('puts an interrupted customer back at the front of its level', () => {
    const { line, join } = setup(1);
    const a = join(0);
    const b = join(0, true);
    expect([line.next(), line.next()]).toEqual([b, a]);
  });

  it('takes the very last customer for jockeying, lowest level first', () => {
    const { line, join } = setup(2);
    const a = join(0);
    const b = join(1);
    const c = join(0);
    expect(line.last()).toBe(b);
    expect(line.last()).toBe(c);
    expect(line.next()).toBe(a);
  });

  it('grows past its initial ring size and keeps order', () => {
    const { line, join } = setup(1);
    const ids = Array.from({ length: 100 }, () => join(0));
    const out: number[] = [];
    for (let id = line.next(); id >= 0; id = line.next()) out.push(id);
    expect(out).toEqual(ids);
  });
});
