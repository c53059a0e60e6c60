/**
 * JSON parsing that keeps every integer exact: integers beyond Number.MAX_SAFE_INTEGER become
 * `bigint`, everything else is what JSON.parse returns. Node 20 has no `context.source` in
 * revivers, so a text with a run of 16+ digits (the only way to write an unsafe integer) goes
 * through the small parser below; every other text takes the fast native JSON.parse.
 */
export function parseJsonExact(text: string): unknown {
  return /\d{16}/.test(text) ? parseJsonWithBigInts(text) : JSON.parse(text);
}

export class JsonSyntaxError extends SyntaxError {
  override name = "JsonSyntaxError";
}

const MAX_DEPTH = 512;
const NUMBER = /-?(?:0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/y;

/** Always the exact parser; exported for tests. */
export function parseJsonWithBigInts(text: string): unknown {
  let pos = 0;

  const fail = (what: string): never => {
    const near = text.slice(pos, pos + 20);
    throw new JsonSyntaxError(
      pos >= text.length
        ? `Unexpected end of JSON input (${what})`
        : `Unexpected ${JSON.stringify(near)} at position ${pos} (${what})`,
    );
  };

  const skipWhitespace = () => {
    while (pos < text.length) {
      const c = text.charCodeAt(pos);
      if (c !== 0x20 && c !== 0x0a && c !== 0x0d && c !== 0x09) break;
      pos++;
    }
  };

  const parseString = (): string => {
    const start = pos;
    pos++;
    while (pos < text.length) {
      const c = text.charCodeAt(pos);
      if (c === 0x5c) pos += 2;
      else if (c === 0x22) {
        pos++;
        try {
          return JSON.parse(text.slice(start, pos)) as string;
        } catch {
          pos = start;
          return fail("invalid string");
        }
      } else pos++;
    }
    pos = start;
    return fail("unterminated string");
  };

  const parseNumber = (): number | bigint => {
    NUMBER.lastIndex = pos;
    const match = NUMBER.exec(text);
    if (!match) return fail("expected a value");
    pos = NUMBER.lastIndex;
    const literal = match[0];
    const value = Number(literal);
    if (match[1] === undefined && match[2] === undefined && !Number.isSafeInteger(value)) {
      return BigInt(literal);
    }
    return value;
  };

  const parseLiteral = <T>(word: string, value: T): T => {
    if (!text.startsWith(word, pos)) return fail("expected a value");
    pos += word.length;
    return value;
  };

  const parseValue = (depth: number): unknown => {
    if (depth > MAX_DEPTH) return fail("nested too deeply");
    skipWhitespace();
    switch (text[pos]) {
      case "{":
        return parseObject(depth);
      case "[":
        return parseArray(depth);
      case '"':
        return parseString();
      case "t":
        return parseLiteral("true", true);
      case "f":
        return parseLiteral("false", false);
      case "n":
        return parseLiteral("null", null);
      default:
        return parseNumber();
    }
  };

  const parseArray = (depth: number): unknown[] => {
    pos++;
    const out: unknown[] = [];
    skipWhitespace();
    if (text[pos] === "]") {
      pos++;
      return out;
    }
    for (;;) {
      out.push(parseValue(depth + 1));
      skipWhitespace();
      if (text[pos] === ",") pos++;
      else if (text[pos] === "]") {
        pos++;
        return out;
      } else return fail("expected , or ]");
    }
  };

  const parseObject = (depth: number): Record<string, unknown> => {
    pos++;
    const out: Record<string, unknown> = {};
    skipWhitespace();
    if (text[pos] === "}") {
      pos++;
      return out;
    }
    for (;;) {
      skipWhitespace();
      if (text[pos] !== '"') return fail("expected a property name");
      const key = parseString();
      skipWhitespace();
      if (text[pos] !== ":") return fail("expected :");
      pos++;
      const value = parseValue(depth + 1);
      // Same as JSON.parse: "__proto__" is an own property, never the prototype.
      Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
      skipWhitespace();
      if (text[pos] === ",") pos++;
      else if (text[pos] === "}") {
        pos++;
        return out;
      } else return fail("expected , or }");
    }
  };

  const value = parseValue(0);
  skipWhitespace();
  if (pos < text.length) fail("unexpected text after the JSON value");
  return value;
}
