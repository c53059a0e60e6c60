import { URL_FIELDS } from "./chart-url-fields";
import { WHOLE_NUMBER } from "./whole-number";

/** The part of JSON Schema the chart fields' export uses (lib/domain/chart-url-fields.ts). */
type Schema = {
  type?: string;
  enum?: readonly string[];
  pattern?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  maxItems?: number;
  items?: Schema;
};

const patterns = new Map<string, RegExp>();
const regex = (source: string) => {
  let re = patterns.get(source);
  if (!re) {
    re = new RegExp(source);
    patterns.set(source, re);
  }
  return re;
};

function read(schema: Schema, text: string): unknown {
  if (schema.type === "array") {
    const items = text
      .split(",")
      .map((v) => v.trim())
      .filter(Boolean);
    if (schema.maxItems !== undefined && items.length > schema.maxItems) return null;
    const values = items.map((item) => (schema.items ? read(schema.items, item) : item));
    return values.some((v) => v === null) ? null : values;
  }
  if (schema.type === "integer" || schema.type === "number") {
    if (!WHOLE_NUMBER.test(text)) return null;
    const n = Number(text);
    if (!Number.isFinite(n) || (schema.type === "integer" && !Number.isInteger(n))) return null;
    if (
      (schema.minimum !== undefined && n < schema.minimum) ||
      (schema.maximum !== undefined && n > schema.maximum)
    )
      return null;
    return n;
  }
  if (schema.enum && !schema.enum.includes(text)) return null;
  if (schema.pattern && !regex(schema.pattern).test(text)) return null;
  if (schema.maxLength !== undefined && text.length > schema.maxLength) return null;
  if (schema.minLength !== undefined && text.length < schema.minLength) return null;
  return text;
}

/**
 * A chart key's text read as the browser reads its URL: by the JSON Schema the key's zod field
 * exports (lib/domain/chart-url-fields.ts), null when it does not fit. It checks what a URL can get
 * wrong by itself (values, patterns, bounds); refinements zod cannot export (a day that exists, a
 * pair of crossover series) are the server's to refuse, with its error in place of the chart.
 */
export function readUrlValue(key: keyof typeof URL_FIELDS, text: string): unknown {
  return read(URL_FIELDS[key].schema as Schema, text);
}
