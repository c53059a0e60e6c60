import { randomInt } from "node:crypto";
import type { ModelRecord } from "./model-record";

/**
 * What one writer knows of the models it stored: for each, its id and a fingerprint of the record it
 * last wrote. A later record with the same fingerprint would leave the model row as it is, so only
 * its snapshot needs writing — by id, without looking the Hub id up in the model table.
 *
 * Sixteen bytes a model in typed arrays (a Map of Hub-id strings took ≈ 90 a model: a backfill of a
 * million models would outgrow its memory budget). A slot holds a 32-bit hash of the Hub id and a
 * 64-bit fingerprint of the whole record, Hub id included: two Hub ids may share a slot's key (the
 * later write takes the slot, the other model is looked up in the database again), but a false match
 * needs a record with the same key and fingerprint as another, one in 2^96, with seeds drawn per
 * process so that no one can choose such names in advance.
 */
export class KnownModels {
  private keys: Uint32Array;
  private printsA: Uint32Array;
  private printsB: Uint32Array;
  /** 0 marks an empty slot: model ids start at 1. */
  private ids: Int32Array;
  private count = 0;

  constructor(capacity = 1 << 12) {
    const size = 2 ** Math.ceil(Math.log2(Math.max(16, capacity)));
    this.keys = new Uint32Array(size);
    this.printsA = new Uint32Array(size);
    this.printsB = new Uint32Array(size);
    this.ids = new Int32Array(size);
  }

  get size(): number {
    return this.count;
  }

  /** The model's id when its record's `print` is exactly what was last written for it, else null. */
  idOf(print: Fingerprint): number | null {
    const slot = this.find(print.key);
    const id = this.ids[slot] ?? 0;
    if (id === 0 || this.printsA[slot] !== print.a || this.printsB[slot] !== print.b) return null;
    return id;
  }

  /** Call only once the transaction that wrote the record of `print` as model `id` has committed. */
  remember(print: Fingerprint, id: number): void {
    let slot = this.find(print.key);
    if (this.ids[slot] === 0) {
      if ((this.count + 1) * 4 > this.ids.length * 3) {
        this.grow();
        slot = this.find(print.key);
      }
      this.count++;
    }
    this.keys[slot] = print.key;
    this.printsA[slot] = print.a;
    this.printsB[slot] = print.b;
    this.ids[slot] = id;
  }

  /** The slot holding `key`, or the empty slot where it would go (linear probing). */
  private find(key: number): number {
    const mask = this.ids.length - 1;
    let slot = key & mask;
    while (this.ids[slot] !== 0 && this.keys[slot] !== key) slot = (slot + 1) & mask;
    return slot;
  }

  private grow(): void {
    const { keys, printsA, printsB, ids } = this;
    const size = ids.length * 2;
    this.keys = new Uint32Array(size);
    this.printsA = new Uint32Array(size);
    this.printsB = new Uint32Array(size);
    this.ids = new Int32Array(size);
    for (let i = 0; i < ids.length; i++) {
      if (ids[i] === 0) continue;
      const slot = this.find(keys[i] as number);
      this.keys[slot] = keys[i] as number;
      this.printsA[slot] = printsA[i] as number;
      this.printsB[slot] = printsB[i] as number;
      this.ids[slot] = ids[i] as number;
    }
  }
}

const SEED_A = randomInt(2 ** 32 - 1);
const SEED_B = randomInt(2 ** 32 - 1);

/**
 * Two 32-bit lanes of different mixing (murmur3's and xxhash32's constants) fed field by field:
 * hashing a row's text instead cost more than writing the row (≈ 3 µs a row to build the string).
 */
class Hasher {
  a = SEED_A;
  b = SEED_B;

  word(value: number): void {
    let k = Math.imul(value, 0xcc9e2d51);
    k = (k << 15) | (k >>> 17);
    this.a ^= Math.imul(k, 0x1b873593);
    this.a = (Math.imul((this.a << 13) | (this.a >>> 19), 5) + 0xe6546b64) | 0;
    this.b = (this.b + Math.imul(value, 0xc2b2ae3d)) | 0;
    this.b = Math.imul((this.b << 17) | (this.b >>> 15), 0x27d4eb2f);
  }

  /** A tag first, so that null, "" and a value never hash alike, nor one field's end the next's start. */
  text(value: string | null): void {
    if (value === null) {
      this.word(0xffff_fffe);
      return;
    }
    this.word(value.length);
    let i = 0;
    for (; i + 1 < value.length; i += 2) this.word(value.charCodeAt(i) | (value.charCodeAt(i + 1) << 16));
    if (i < value.length) this.word(value.charCodeAt(i));
  }

  /** Whole numbers within ±2^53 (epoch milliseconds, counts). */
  number(value: number | null): void {
    if (value === null) {
      this.word(0xffff_fffe);
      return;
    }
    this.word(value >>> 0);
    this.word(Math.floor(value / 2 ** 32) | 0);
  }

  bigint(value: bigint | null): void {
    if (value === null) this.word(0xffff_fffe);
    else if (value >= -(2n ** 53n) && value <= 2n ** 53n) this.number(Number(value));
    else this.text(value.toString());
  }

  finish(lane: number): number {
    let h = lane;
    h ^= h >>> 16;
    h = Math.imul(h, 0x85ebca6b);
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2ae35);
    return (h ^ (h >>> 16)) >>> 0;
  }
}

export type Fingerprint = { key: number; a: number; b: number };

/** Everything of a record the model row is made of: the counts are the snapshot's, not in it. */
export function fingerprint(record: ModelRecord): Fingerprint {
  const h = new Hasher();
  h.text(record.hubId);
  const key = h.finish(h.a ^ h.b);
  h.text(record.namespace);
  h.number(record.createdAt ? record.createdAt.getTime() : null);
  h.number(record.lastModified ? record.lastModified.getTime() : null);
  h.text(record.pipelineTag);
  h.text(record.libraryName);
  h.text(record.license);
  h.word(record.gated === null ? 2 : record.gated ? 1 : 0);
  h.bigint(record.parameters);
  h.word(record.baseModels.length);
  for (const base of record.baseModels) h.text(base);
  h.text(record.baseRelation);
  return { key, a: h.finish(h.a), b: h.finish(h.b) };
}
