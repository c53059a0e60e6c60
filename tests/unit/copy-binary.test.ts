import { describe, expect, it } from "vitest";
import { BINARY_COPY_END, BINARY_COPY_HEADER, BinaryCopyRows, postgresDays } from "@/lib/db/copy-binary";

describe("COPY's binary format", () => {
  it("writes the signature, each field's length and value in network order, NULLs and the end", () => {
    const rows = new BinaryCopyRows(1, 8)
      .row(3)
      .int4(-2)
      .int8(2n ** 62n)
      .int4(null)
      .end();
    expect([...rows.subarray(0, 11)]).toEqual([...Buffer.from("PGCOPY\n\xff\r\n\0", "latin1")]);
    expect(rows.readInt32BE(11)).toBe(0);
    expect(rows.readInt32BE(15)).toBe(0);
    expect(rows.readInt16BE(19)).toBe(3);
    expect([rows.readInt32BE(21), rows.readInt32BE(25)]).toEqual([4, -2]);
    expect([rows.readInt32BE(29), rows.readBigInt64BE(33)]).toEqual([8, 2n ** 62n]);
    expect(rows.readInt32BE(41)).toBe(-1);
    expect(rows.readInt16BE(45)).toBe(-1);
    expect(rows.length).toBe(47);
  });

  it("sends a COPY in parts: unframed rows go between the header and the end marker", () => {
    const row = () => new BinaryCopyRows(1, 8).row(1).int8(-(2n ** 63n));
    const whole = row().end();
    const parts = Buffer.concat([
      BINARY_COPY_HEADER,
      new BinaryCopyRows(0, 0, false)
        .row(1)
        .int8(-(2n ** 63n))
        .end(),
      BINARY_COPY_END,
    ]);
    expect(parts.equals(whole)).toBe(true);
    expect(new BinaryCopyRows(1, 8, false).end().length).toBe(0);
  });

  it("refuses numbers its columns cannot hold, naming them", () => {
    expect(() => new BinaryCopyRows(1, 8).row(1).int4(2 ** 31)).toThrow(/2147483648 does not fit an int4/);
    expect(() => new BinaryCopyRows(1, 8).row(1).int4(-(2 ** 31) - 1)).toThrow(/does not fit an int4/);
    expect(() => new BinaryCopyRows(1, 8).row(1).int8(2n ** 63n)).toThrow(
      /9223372036854775808 does not fit an int8/,
    );
    expect(
      new BinaryCopyRows(1, 8)
        .row(1)
        .int4(-(2 ** 31))
        .end()
        .readInt32BE(25),
    ).toBe(-(2 ** 31));
  });

  it("counts dates in days from 2000-01-01 and refuses what is not one", () => {
    expect(postgresDays("2000-01-01")).toBe(0);
    expect(postgresDays("2025-09-01")).toBe(9375);
    expect(postgresDays("1999-12-31")).toBe(-1);
    for (const bad of ["2025-13-01", "2025-9-1", "", "yesterday"])
      expect(() => postgresDays(bad), bad).toThrow(/not a YYYY-MM-DD date/);
    expect(() => new BinaryCopyRows(1, 8).row(1).int4(1.5)).toThrow(/not a whole number/);
  });
});
