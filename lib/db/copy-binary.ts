/**
 * Rows in COPY's binary format (a signature, then per row a field count and each field as a length
 * and its bytes in network order). For rows of numbers: no digits to write in JavaScript nor to
 * parse on the server, where text cost ≈ 1 µs a row on each side.
 */
export class BinaryCopyRows {
  private buffer: Buffer;
  private at = 0;

  constructor(expectedRows: number, bytesPerRow: number) {
    this.buffer = Buffer.allocUnsafe(SIGNATURE.length + 8 + expectedRows * bytesPerRow + 2);
    this.buffer.set(SIGNATURE, 0);
    this.at = SIGNATURE.length;
    this.buffer.writeInt32BE(0, this.at); // flags
    this.buffer.writeInt32BE(0, this.at + 4); // header extension length
    this.at += 8;
  }

  row(fields: number): this {
    this.room(2);
    this.at = this.buffer.writeInt16BE(fields, this.at);
    return this;
  }

  int4(value: number | null): this {
    if (value === null) return this.null();
    if (!Number.isInteger(value)) throw new Error(`COPY binary: ${value} is not a whole number`);
    this.room(8);
    this.at = this.buffer.writeInt32BE(4, this.at);
    this.at = this.buffer.writeInt32BE(value, this.at);
    return this;
  }

  int8(value: bigint | null): this {
    if (value === null) return this.null();
    this.room(12);
    this.at = this.buffer.writeInt32BE(8, this.at);
    this.at = this.buffer.writeBigInt64BE(value, this.at);
    return this;
  }

  /** A `date` column, as `postgresDays` gives it. */
  date(days: number): this {
    return this.int4(days);
  }

  /** The rows so far, with the end marker: the whole of a COPY's input. */
  end(): Buffer {
    this.room(2);
    this.at = this.buffer.writeInt16BE(-1, this.at);
    return this.buffer.subarray(0, this.at);
  }

  private null(): this {
    this.room(4);
    this.at = this.buffer.writeInt32BE(-1, this.at);
    return this;
  }

  private room(bytes: number): void {
    if (this.at + bytes <= this.buffer.length) return;
    const larger = Buffer.allocUnsafe(Math.max(this.buffer.length * 2, this.at + bytes));
    this.buffer.copy(larger, 0, 0, this.at);
    this.buffer = larger;
  }
}

/** A YYYY-MM-DD day as a binary `date`: days since 2000-01-01. */
export function postgresDays(isoDay: string): number {
  const ms = /^\d{4}-\d{2}-\d{2}$/.test(isoDay) ? Date.parse(`${isoDay}T00:00:00Z`) : Number.NaN;
  if (!Number.isFinite(ms)) throw new Error(`COPY binary: "${isoDay}" is not a YYYY-MM-DD date`);
  return Math.round((ms - POSTGRES_EPOCH) / DAY_MS);
}

const SIGNATURE = Buffer.from("PGCOPY\n\xff\r\n\0", "latin1");
const POSTGRES_EPOCH = Date.UTC(2000, 0, 1);
const DAY_MS = 86_400_000;
