import { randomInt } from "node:crypto";
import type { ModelRecord } from "./model-record";

/**
 * What one writer knows of the models it stored: for each, its id, the version its attributes were
 * stored as, and a fingerprint of the record it last wrote. A later record with the same fingerprint
 * would leave the model row and its version as they are, so only its snapshot needs writing — by id
 * and version, without looking the Hub id up in the model table.
 *
 * Twenty-eight bytes a model in typed arrays (a Map of Hub-id strings took ≈ 90 a model: a backfill
 * of a million models would outgrow its memory budget): a 32-bit hash of the Hub id, a 64-bit
 * fingerprint of the whole record (Hub id included), the model and version ids, and two days: the
 * one its record was merged at and the latest it was written at since (by id), so that the model's
 * row can be told of the later dates at the end (`advanced`). Two Hub ids may share a slot's key
 * (the later write takes the slot, the other model is looked up in the database again); a false
 * match needs a record with the same key and fingerprint as another, one in 2^96, with seeds drawn
 * per process so that no one can choose such names in advance.
 */
export class KnownModels {
  private keys: Uint32Array;
  private printsA: Uint32Array;
  private printsB: Uint32Array;
  /** 0 marks an empty slot: model ids start at 1. */
  private ids: Int32Array;
  private versions: Int32Array;
  /** Days since 2000-01-01, as `postgresDays` counts them */
  private mergedDays: Int32Array;
  private latestDays: Int32Array;
  private count = 0;

  constructor(capacity = 1 << 12) {
    const size = 2 ** Math.ceil(Math.log2(Math.max(16, capacity)));
    this.keys = new Uint32Array(size);
    this.printsA = new Uint32Array(size);
    this.printsB = new Uint32Array(size);
    this.ids = new Int32Array(size);
    this.versions = new Int32Array(size);
    this.mergedDays = new Int32Array(size);
    this.latestDays = new Int32Array(size);
  }

  get size(): number {
    return this.count;
  }

  /**
   * The slot of the model whose last written record is exactly the one fingerprinted at
   * `prints[at]`, or -1.
   */
  slotOf(prints: Fingerprints, at: number): number {
    const slot = this.find(prints[3 * at] as number);
    const id = this.ids[slot] ?? 0;
    if (id === 0 || this.printsA[slot] !== prints[3 * at + 1] || this.printsB[slot] !== prints[3 * at + 2])
      return -1;
    return slot;
  }

  /** The model's id when the record fingerprinted at `prints[at]` is exactly what was last written for it. */
  idOf(prints: Fingerprints, at: number): number | null {
    const slot = this.slotOf(prints, at);
    return slot < 0 ? null : (this.ids[slot] as number);
  }

  idAt(slot: number): number {
    return this.ids[slot] as number;
  }

  versionAt(slot: number): number {
    return this.versions[slot] as number;
  }

  /** The slot's record was written again, by id, at `day`. */
  writtenAt(slot: number, day: number): void {
    if (day > (this.latestDays[slot] as number)) this.latestDays[slot] = day;
  }

  /**
   * Call only once the transaction that wrote the record of `prints[at]` as model `id` (its
   * attributes as `version`, at `day`) has committed.
   */
  remember(prints: Fingerprints, at: number, id: number, version = 0, day = 0): void {
    const key = prints[3 * at] as number;
    let slot = this.find(key);
    if (this.ids[slot] === 0) {
      if ((this.count + 1) * 4 > this.ids.length * 3) {
        this.grow();
        slot = this.find(key);
      }
      this.count++;
    }
    this.keys[slot] = key;
    this.printsA[slot] = prints[3 * at + 1] as number;
    this.printsB[slot] = prints[3 * at + 2] as number;
    this.ids[slot] = id;
    this.versions[slot] = version;
    this.mergedDays[slot] = day;
    this.latestDays[slot] = day;
  }

  /** Models written by id at a later day than their record was merged at: their ids, days and versions. */
  advanced(): { ids: number[]; days: number[]; versions: number[] } {
    const out = { ids: [] as number[], days: [] as number[], versions: [] as number[] };
    for (let slot = 0; slot < this.ids.length; slot++) {
      if (this.ids[slot] === 0 || (this.latestDays[slot] as number) <= (this.mergedDays[slot] as number))
        continue;
      out.ids.push(this.ids[slot] as number);
      out.days.push(this.latestDays[slot] as number);
      out.versions.push(this.versions[slot] as number);
    }
    return out;
  }

  /** The slot holding `key`, or the empty slot where it would go (linear probing). */
  private find(key: number): number {
    const mask = this.ids.length - 1;
    let slot = key & mask;
    while (this.ids[slot] !== 0 && this.keys[slot] !== key) slot = (slot + 1) & mask;
    return slot;
  }

  private grow(): void {
    const old = {
      keys: this.keys,
      printsA: this.printsA,
      printsB: this.printsB,
      ids: this.ids,
      versions: this.versions,
      mergedDays: this.mergedDays,
      latestDays: this.latestDays,
    };
    const size = old.ids.length * 2;
    this.keys = new Uint32Array(size);
    this.printsA = new Uint32Array(size);
    this.printsB = new Uint32Array(size);
    this.ids = new Int32Array(size);
    this.versions = new Int32Array(size);
    this.mergedDays = new Int32Array(size);
    this.latestDays = new Int32Array(size);
    for (let i = 0; i < old.ids.length; i++) {
      if (old.ids[i] === 0) continue;
      const slot = this.find(old.keys[i] as number);
      this.keys[slot] = old.keys[i] as number;
      this.printsA[slot] = old.printsA[i] as number;
      this.printsB[slot] = old.printsB[i] as number;
      this.ids[slot] = old.ids[i] as number;
      this.versions[slot] = old.versions[i] as number;
      this.mergedDays[slot] = old.mergedDays[i] as number;
      this.latestDays[slot] = old.latestDays[i] as number;
    }
  }
}

/** Records' fingerprints, three words each: the Hub id's key, then the whole record's two lanes. */
export type Fingerprints = Uint32Array;

const SEED_A = randomInt(2 ** 32 - 1);
const SEED_B = randomInt(2 ** 32 - 1);
const NULL = 0xffff_fffe;

/*
 * Two 32-bit lanes of different mixing (murmur3's and xxhash32's constants) fed field by field, in
 * module state rather than an object a record: hashing a row's text, or allocating per record, cost
 * more than writing the row.
 */
let laneA = 0;
let laneB = 0;

function word(value: number): void {
  let k = Math.imul(value, 0xcc9e2d51);
  k = (k << 15) | (k >>> 17);
  laneA ^= Math.imul(k, 0x1b873593);
  laneA = (Math.imul((laneA << 13) | (laneA >>> 19), 5) + 0xe6546b64) | 0;
  laneB = (laneB + Math.imul(value, 0xc2b2ae3d)) | 0;
  laneB = Math.imul((laneB << 17) | (laneB >>> 15), 0x27d4eb2f);
}

/** A tag first, so that null, "" and a value never hash alike, nor one field's end the next's start. */
function text(value: string | null): void {
  if (value === null) {
    word(NULL);
    return;
  }
  word(value.length);
  let i = 0;
  for (; i + 1 < value.length; i += 2) word(value.charCodeAt(i) | (value.charCodeAt(i + 1) << 16));
  if (i < value.length) word(value.charCodeAt(i));
}

/** Whole numbers within ±2^53 (epoch milliseconds, counts). */
function whole(value: number | null): void {
  if (value === null) {
    word(NULL);
    return;
  }
  word(value >>> 0);
  word(Math.floor(value / 2 ** 32) | 0);
}

const SAFE = 2n ** 53n;
const MINUS_SAFE = -SAFE;

function big(value: bigint | null): void {
  if (value === null) word(NULL);
  else if (value >= MINUS_SAFE && value <= SAFE) whole(Number(value));
  else text(value.toString());
}

function avalanche(lane: number): number {
  let h = lane;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/**
 * Everything of a record the model row is made of (the counts are the snapshot's, not in it), into
 * `prints` at `at`.
 */
export function fingerprint(record: ModelRecord, prints: Fingerprints, at: number): void {
  laneA = SEED_A;
  laneB = SEED_B;
  text(record.hubId);
  prints[3 * at] = avalanche(laneA ^ laneB);
  text(record.namespace);
  whole(record.createdAt ? record.createdAt.getTime() : null);
  whole(record.lastModified ? record.lastModified.getTime() : null);
  text(record.pipelineTag);
  text(record.libraryName);
  text(record.license);
  word(record.gated === null ? 2 : record.gated ? 1 : 0);
  big(record.parameters);
  word(record.baseModels.length);
  for (const base of record.baseModels) text(base);
  text(record.baseRelation);
  word(record.repack ? 1 : 0);
  prints[3 * at + 1] = avalanche(laneA);
  prints[3 * at + 2] = avalanche(laneB);
}

/** The fingerprints of `records`, in order. */
export function fingerprints(records: readonly ModelRecord[]): Fingerprints {
  const prints = new Uint32Array(3 * records.length);
  records.forEach((record, i) => {
    fingerprint(record, prints, i);
  });
  return prints;
}
