import { INTER_RANGES, INTER_WIDTHS } from "./inter-metrics";

/** The weights chart text is set in: ticks, legends, notes; line-end labels; titles. */
export type FontWeight = keyof typeof INTER_WIDTHS;

const tables = new Map<FontWeight, Map<number, number>>();

/** A weight's advance widths in em, by code point (decoded once). */
function widthsOf(weight: FontWeight): Map<number, number> {
  let table = tables.get(weight);
  if (table) return table;
  table = new Map();
  const encoded = INTER_WIDTHS[weight];
  let at = 0;
  for (const [start, end] of INTER_RANGES)
    for (let cp = start; cp <= end; cp++, at += 3) {
      const permille = Number.parseInt(encoded.slice(at, at + 3), 36);
      if (permille > 0) table.set(cp, permille / 1000);
    }
  tables.set(weight, table);
  return table;
}

const average = new Map<FontWeight, number>();
/** The width of a character Inter has no glyph for: its average lower-case letter's. */
function fallbackOf(weight: FontWeight): number {
  let w = average.get(weight);
  if (w === undefined) {
    const table = widthsOf(weight);
    let sum = 0;
    for (let cp = 0x61; cp <= 0x7a; cp++) sum += table.get(cp) ?? 0;
    w = sum / 26;
    average.set(weight, w);
  }
  return w;
}

/** East Asian wide and full-width characters take a whole em in the fonts browsers fall back to. */
export const isWide = (cp: number) =>
  (cp >= 0x1100 && cp <= 0x115f) ||
  (cp >= 0x2e80 && cp <= 0xa4cf) ||
  (cp >= 0xac00 && cp <= 0xd7a3) ||
  (cp >= 0xf900 && cp <= 0xfaff) ||
  (cp >= 0xfe30 && cp <= 0xfe4f) ||
  (cp >= 0xff00 && cp <= 0xff60) ||
  (cp >= 0xffe0 && cp <= 0xffe6) ||
  (cp >= 0x1f300 && cp <= 0x1faff) ||
  cp >= 0x20000;

/**
 * The width in pixels of a line of text set in Inter at `size` px: the sum of its glyphs' advance
 * widths, read from the font the images are rasterized with (lib/charts/inter-metrics.ts).
 * Kerning, which only ever tightens Inter's chart labels by a few per cent, is left out, so a
 * measured label is never narrower than its drawing.
 */
export function textWidth(text: string, size: number, weight: FontWeight = 400): number {
  const table = widthsOf(weight);
  let em = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0;
    if (cp >= 0x300 && cp <= 0x36f) continue; // combining marks sit on the letter before
    em += table.get(cp) ?? (isWide(cp) ? 1 : fallbackOf(weight));
  }
  return em * size;
}

/** The longest start of `text` that fits `width` with an ellipsis (the whole text when it fits). */
export function fitText(text: string, size: number, width: number, weight: FontWeight = 400): string {
  if (textWidth(text, size, weight) <= width) return text;
  const chars = [...text];
  let keep = chars.length;
  while (keep > 1 && textWidth(`${chars.slice(0, keep).join("").trimEnd()}…`, size, weight) > width) keep--;
  return `${chars.slice(0, keep).join("").trimEnd()}…`;
}

/** Punctuation a line never starts with (it stays with the character before it). */
const CLOSING = new Set([..."、。，．：；！？）」』】〕》〉”’・ー…％%)]},.:;!?"]);
/** Punctuation a line never ends with (it goes with the character after it). */
const OPENING = new Set([..."（「『【〔《〈“‘([{"]);

/**
 * The pieces a line may break between: words, and single Chinese or Japanese characters (which
 * are written without spaces and may break anywhere but before closing or after opening
 * punctuation). `space`: a space stood before the piece.
 */
function breakPieces(text: string): { text: string; space: boolean }[] {
  const pieces: { text: string; space: boolean }[] = [];
  let space = false;
  let open = false;
  const wideAt = (ch: string) => isWide(ch.codePointAt(0) ?? 0);
  for (const ch of text) {
    if (/\s/.test(ch)) {
      space = pieces.length > 0;
      open = false;
      continue;
    }
    const last = pieces.at(-1);
    const joins =
      last !== undefined &&
      !space &&
      (open || CLOSING.has(ch) || (!wideAt(ch) && !wideAt([...last.text].at(-1) ?? "")));
    if (joins) last.text += ch;
    else pieces.push({ text: ch, space });
    space = false;
    open = OPENING.has(ch);
  }
  return pieces;
}

/**
 * Breaks text into lines no wider than `width` (a word longer than the line stands alone): at
 * spaces, and between Chinese or Japanese characters, which have none.
 */
export function wrapText(text: string, size: number, width: number, weight: FontWeight = 400): string[] {
  const lines: string[] = [];
  let line = "";
  for (const piece of breakPieces(text)) {
    const next = line ? `${line}${piece.space ? " " : ""}${piece.text}` : piece.text;
    if (line && textWidth(next, size, weight) > width) {
      lines.push(line);
      line = piece.text;
    } else line = next;
  }
  if (line) lines.push(line);
  return lines;
}
