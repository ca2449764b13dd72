/**
 * Purchase histories (x, t_x, T) as the BG/NBD model takes them, their validation, and their
 * compression into unique triples with weights, so that a fit touches each distinct history once
 * however many customers share it.
 */
import { AnalyticsInputError } from "../errors.js";

/**
 * One customer's calibration-period history, all times in one unit since the first purchase.
 * This is the "frequency, recency, T" summary of the literature (see `summary.ts`).
 */
export interface PurchaseHistory {
  /** Number of repeat purchases (x ≥ 0, an integer): the first purchase is not counted. */
  readonly x: number;
  /** Time of the last repeat purchase (t_x; 0 when x = 0). */
  readonly tx: number;
  /** Time from the first purchase to the end of the calibration period (T ≥ t_x). */
  readonly T: number;
}

/** A history standing for `weight` customers (default 1), e.g. from a SQL GROUP BY. */
export interface WeightedHistory extends PurchaseHistory {
  readonly weight?: number;
}

/** Throws `AnalyticsInputError` unless `h` is a consistent history. */
export function validateHistory(h: WeightedHistory, index = 0): void {
  const where = `history ${index}`;
  if (!Number.isInteger(h.x) || h.x < 0) {
    throw new AnalyticsInputError("x", `${where}: x must be a non-negative integer, got ${h.x}`);
  }
  if (!Number.isFinite(h.T) || h.T < 0) {
    throw new AnalyticsInputError("T", `${where}: T must be finite and ≥ 0, got ${h.T}`);
  }
  if (!Number.isFinite(h.tx) || h.tx < 0 || h.tx > h.T) {
    throw new AnalyticsInputError("tx", `${where}: need 0 ≤ tx ≤ T, got tx=${h.tx}, T=${h.T}`);
  }
  if (h.x === 0 && h.tx !== 0) {
    throw new AnalyticsInputError("tx", `${where}: tx must be 0 when x is 0, got ${h.tx}`);
  }
  if (h.weight !== undefined && !(Number.isFinite(h.weight) && h.weight > 0)) {
    throw new AnalyticsInputError("weight", `${where}: weight must be > 0, got ${h.weight}`);
  }
}

/**
 * Unique histories in struct-of-arrays form. Each unique triple i has indexes into the lists of
 * distinct x, T and t_x values, so that a likelihood evaluation can compute everything that
 * depends on one of them (log-gammas, ln(α+T)) once per distinct value.
 */
export interface CompressedHistories {
  readonly size: number;
  readonly x: Float64Array;
  readonly tx: Float64Array;
  readonly T: Float64Array;
  readonly weight: Float64Array;
  readonly distinctX: Float64Array;
  readonly distinctT: Float64Array;
  readonly distinctTx: Float64Array;
  readonly xIndex: Uint32Array;
  readonly tIndex: Uint32Array;
  readonly txIndex: Uint32Array;
  /** For each input history, the index of its unique triple. */
  readonly slotOf: Uint32Array;
  /** Total weight (number of customers). */
  readonly customers: number;
  /** Total weight of histories with x > 0. */
  readonly repeatCustomers: number;
}

/** Validates and merges identical (x, t_x, T) triples, summing their weights. */
export function compressHistories(histories: readonly WeightedHistory[]): CompressedHistories {
  const n = histories.length;
  const triples = new KeyIndex(3, 1024); // grows: a small table stays in cache
  const xs = new KeyIndex(1, 64);
  const Ts = new KeyIndex(1, 1024);
  const txs = new KeyIndex(1, 1024);
  const weight = new Float64Array(n);
  const xIndex = new Uint32Array(n);
  const tIndex = new Uint32Array(n);
  const txIndex = new Uint32Array(n);
  const slotOf = new Uint32Array(n);
  let customers = 0;
  let repeatCustomers = 0;
  for (let i = 0; i < n; i++) {
    const h = histories[i]!;
    validateHistory(h, i);
    const w = h.weight ?? 1;
    customers += w;
    if (h.x > 0) repeatCustomers += w;
    const slot = triples.indexOf(h.x, h.T, h.tx);
    slotOf[i] = slot;
    if (slot === triples.size - 1) {
      xIndex[slot] = xs.indexOf(h.x);
      tIndex[slot] = Ts.indexOf(h.T);
      txIndex[slot] = txs.indexOf(h.tx);
    }
    weight[slot]! += w;
  }
  const size = triples.size;
  return {
    size,
    x: triples.column(0),
    T: triples.column(1),
    tx: triples.column(2),
    weight: weight.slice(0, size),
    distinctX: xs.column(0),
    distinctT: Ts.column(0),
    distinctTx: txs.column(0),
    xIndex: xIndex.slice(0, size),
    tIndex: tIndex.slice(0, size),
    txIndex: txIndex.slice(0, size),
    slotOf,
    customers,
    repeatCustomers,
  };
}

/**
 * Assigns consecutive indexes to distinct tuples of `arity` (≤ 3) doubles, in order of first
 * sight: an open-addressing hash table on the doubles' bits, several times faster than nested
 * `Map`s on millions of keys, and allocation-free per key.
 */
class KeyIndex {
  size = 0;
  private keys: Float64Array;
  private table: Int32Array;

  constructor(
    private readonly arity: number,
    capacity: number,
  ) {
    this.keys = new Float64Array(Math.max(capacity, 16) * arity);
    this.table = new Int32Array(tableSizeFor(Math.max(capacity, 16))).fill(-1);
  }

  /** The index of the tuple, adding it (as index `size − 1`) when new. */
  indexOf(k0: number, k1 = 0, k2 = 0): number {
    const { keys, table, arity } = this;
    const mask = table.length - 1;
    let slot = hashTuple(k0, k1, k2) & mask;
    for (;;) {
      const index = table[slot]!;
      if (index < 0) break;
      const base = index * arity;
      if (
        keys[base] === k0 &&
        (arity < 2 || keys[base + 1] === k1) &&
        (arity < 3 || keys[base + 2] === k2)
      ) {
        return index;
      }
      slot = (slot + 1) & mask;
    }
    const index = this.size++;
    if ((index + 1) * arity > keys.length) {
      const grown = new Float64Array(keys.length * 2);
      grown.set(keys);
      this.keys = grown;
    }
    const base = index * arity;
    this.keys[base] = k0;
    if (arity > 1) this.keys[base + 1] = k1;
    if (arity > 2) this.keys[base + 2] = k2;
    table[slot] = index;
    if (this.size * 2 > table.length) this.rehash();
    return index;
  }

  /** The j-th component of every tuple, by index. */
  column(j: number): Float64Array {
    const out = new Float64Array(this.size);
    for (let i = 0; i < this.size; i++) out[i] = this.keys[i * this.arity + j]!;
    return out;
  }

  private rehash(): void {
    const table = new Int32Array(this.table.length * 2).fill(-1);
    const mask = table.length - 1;
    const { keys, arity } = this;
    for (let index = 0; index < this.size; index++) {
      const base = index * arity;
      const k1 = arity > 1 ? keys[base + 1]! : 0;
      const k2 = arity > 2 ? keys[base + 2]! : 0;
      let slot = hashTuple(keys[base]!, k1, k2) & mask;
      while (table[slot]! >= 0) slot = (slot + 1) & mask;
      table[slot] = index;
    }
    this.table = table;
  }
}

const scratch = new Float64Array(1);
const scratchWords = new Uint32Array(scratch.buffer);

/** Mixes the bits of up to three doubles (murmur3-style rounds and finaliser). */
function hashTuple(k0: number, k1: number, k2: number): number {
  let h = mix(0x9747b28c, k0);
  h = mix(h, k1);
  h = mix(h, k2);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

function mix(h: number, value: number): number {
  scratch[0] = value === 0 ? 0 : value; // −0 and +0 are one key
  h = Math.imul(h ^ scratchWords[0]!, 0xcc9e2d51);
  h = Math.imul((h << 13) | (h >>> 19), 5) + 0xe6546b64;
  h = Math.imul(h ^ scratchWords[1]!, 0x1b873593);
  return (h << 15) | (h >>> 17);
}

function tableSizeFor(capacity: number): number {
  let size = 16;
  while (size < capacity * 2) size *= 2;
  return size;
}

/**
 * The same customers with t_x and T rounded to a grid of max(T)/cells: far fewer distinct
 * triples, and a likelihood whose optimum is close to the exact one. Used to start a fit.
 */
export function coarsenHistories(data: CompressedHistories, cells: number): CompressedHistories {
  let maxT = 0;
  for (let i = 0; i < data.size; i++) maxT = Math.max(maxT, data.T[i]!);
  const grid = maxT / cells;
  if (!(grid > 0)) return data;
  const snap = (t: number) => Math.round(t / grid) * grid;
  const coarse: WeightedHistory[] = [];
  for (let i = 0; i < data.size; i++) {
    const x = data.x[i]!;
    coarse.push({
      x,
      tx: x > 0 ? snap(data.tx[i]!) : 0,
      T: snap(data.T[i]!),
      weight: data.weight[i]!,
    });
  }
  return compressHistories(coarse);
}
