/**
 * A streaming RFC 4180 CSV parser: quoted fields with `""` escapes, commas and line breaks inside
 * quotes, LF or CRLF line ends, a UTF-8 byte-order mark. Text is pushed in chunks of any size and
 * complete records come out, so a file of any size is read in bounded memory. Blank lines are
 * skipped. Each record carries the line it starts on, for error messages.
 */
export type CsvRecord = { fields: string[]; line: number };

export class CsvParser {
  private field = "";
  private record: string[] = [];
  private inQuotes = false;
  /** A quote closed a quoted field at the end of the last chunk: `""` or the end of the field? */
  private pendingQuote = false;
  private quotedField = false;
  private line = 1;
  private recordLine = 1;
  private started = false;

  /** Parses a chunk, appending finished records to `out`. */
  push(chunk: string, out: CsvRecord[]): void {
    let text = chunk;
    if (!this.started && text.length > 0) {
      this.started = true;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    }
    const n = text.length;
    let i = 0;
    if (this.pendingQuote && n > 0) {
      this.pendingQuote = false;
      if (text.charCodeAt(0) === 34) {
        this.field += '"';
        i = 1;
      } else this.inQuotes = false;
    }
    while (i < n) {
      if (this.inQuotes) {
        const q = text.indexOf('"', i);
        if (q === -1) {
          this.countLines(text, i, n);
          this.field += text.slice(i);
          return;
        }
        this.countLines(text, i, q);
        this.field += text.slice(i, q);
        i = q + 1;
        if (i === n) {
          this.pendingQuote = true;
          return;
        }
        if (text.charCodeAt(i) === 34) {
          this.field += '"';
          i++;
        } else this.inQuotes = false;
        continue;
      }
      const c = text.charCodeAt(i);
      if (c === 44) {
        this.endField();
        i++;
      } else if (c === 10) {
        this.endRecord(out);
        this.line++;
        this.recordLine = this.line;
        i++;
      } else if (c === 13) {
        i++; // CR of CRLF (a bare CR is dropped)
      } else if (c === 34 && this.field === "" && !this.quotedField) {
        this.inQuotes = true;
        this.quotedField = true;
        i++;
      } else {
        let j = i + 1;
        while (j < n) {
          const d = text.charCodeAt(j);
          if (d === 44 || d === 10 || d === 13) break;
          j++;
        }
        this.field += text.slice(i, j);
        i = j;
      }
    }
  }

  /** Flushes the last record (a file need not end with a line break). */
  end(out: CsvRecord[]): void {
    if (this.pendingQuote) {
      this.pendingQuote = false;
      this.inQuotes = false;
    }
    if (this.inQuotes) throw new Error(`unterminated quoted field starting on line ${this.recordLine}`);
    this.endRecord(out);
  }

  private countLines(text: string, from: number, to: number): void {
    for (let k = text.indexOf("\n", from); k !== -1 && k < to; k = text.indexOf("\n", k + 1)) this.line++;
  }

  private endField(): void {
    this.record.push(this.field);
    this.field = "";
    this.quotedField = false;
  }

  private endRecord(out: CsvRecord[]): void {
    const blank = this.record.length === 0 && this.field === "" && !this.quotedField;
    if (!blank) {
      this.endField();
      out.push({ fields: this.record, line: this.recordLine });
    }
    this.record = [];
    this.field = "";
    this.quotedField = false;
  }
}

/** Parses a whole string (tests, small inputs). */
export function parseCsv(text: string): string[][] {
  const parser = new CsvParser();
  const out: CsvRecord[] = [];
  parser.push(text, out);
  parser.end(out);
  return out.map((r) => r.fields);
}
