import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CsvParser, type CsvRecord, parseCsv } from "@/lib/import/csv";

describe("CSV parser (RFC 4180)", () => {
  // [name, text, ...the records it parses to]
  it.each<[string, string, ...string[][]]>([
    ["plain", "a,b\n1,2\n", ["a", "b"], ["1", "2"]],
    ["CRLF line ends", "a,b\r\n1,2\r\n", ["a", "b"], ["1", "2"]],
    ["no final line break", "a,b\n1,2", ["a", "b"], ["1", "2"]],
    ["quoted comma", 'a,b\n"x, y",2\n', ["a", "b"], ["x, y", "2"]],
    ["escaped quotes", 'a\n"say ""hi"""\n', ["a"], ['say "hi"']],
    ["line break inside quotes", 'a,b\n"1\n2",3\n', ["a", "b"], ["1\n2", "3"]],
    ["CRLF inside quotes is kept", 'a\n"1\r\n2"\r\n', ["a"], ["1\r\n2"]],
    ["empty fields", "a,b,c\n,,\n", ["a", "b", "c"], ["", "", ""]],
    ["quoted empty field", 'a,b\n"",1\n', ["a", "b"], ["", "1"]],
    ["blank lines skipped", "a\n\n1\n\n", ["a"], ["1"]],
    ["byte-order mark", "\uFEFFa,b\n1,2\n", ["a", "b"], ["1", "2"]],
    ["a stray quote inside an unquoted field is text", 'a\nx"y\n', ["a"], ['x"y']],
  ])("%s", (_name, text, ...records) => {
    expect(parseCsv(text)).toEqual(records);
  });

  it("gives each record the line it starts on", () => {
    const parser = new CsvParser();
    const out: CsvRecord[] = [];
    parser.push('h\n"two\nlines"\n\nlast\n', out);
    parser.end(out);
    expect(out.map((r) => r.line)).toEqual([1, 2, 5]);
  });

  it("fails on an unterminated quoted field", () => {
    expect(() => parseCsv('a\n"open\n')).toThrow("unterminated quoted field starting on line 2");
  });

  it("parses the same however the text is split into chunks", () => {
    const cell = fc.oneof(
      fc.string({ maxLength: 6 }),
      fc.constantFrom('"', '""', ",", "\n", "\r\n", "a,b", 'x"y', "é", "😀"),
    );
    const table = fc.array(fc.array(cell, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 5 });
    const quote = (s: string) => `"${s.replaceAll('"', '""')}"`;
    fc.assert(
      fc.property(table, fc.array(fc.nat(), { maxLength: 6 }), (rows, cuts) => {
        const text = `${rows.map((r) => r.map(quote).join(",")).join("\r\n")}\r\n`;
        const points = [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((a, b) => a - b);
        const parser = new CsvParser();
        const out: CsvRecord[] = [];
        let from = 0;
        for (const p of [...points, text.length]) {
          parser.push(text.slice(from, p), out);
          from = p;
        }
        parser.end(out);
        expect(out.map((r) => r.fields)).toEqual(rows);
      }),
      { numRuns: 300 },
    );
  });
});
