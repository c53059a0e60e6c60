import { isIsoCountry } from "../domain/countries";
import { DEFAULT_LOCALE, type Locale } from "../domain/locales";
import { regionInfo } from "../domain/regions";
import { formatDay, formatMonth } from "../format/dates";
import {
  decimalSeparator,
  formatCount,
  formatExact,
  formatPercentTick,
  formatShare,
} from "../format/numbers";
import { en, type MessageKey, type Translations } from "./messages/en";

export type { Locale, MessageKey, Translations };
export { en as ENGLISH_MESSAGES };

/**
 * The locales whose words are translated, one file each in lib/i18n/messages; every other locale
 * reads English words with its own number and date formats. A key a translation lacks is shown
 * in English (tests/unit/i18n-messages.test.ts lists such keys and fails).
 */
const TRANSLATIONS: Partial<Record<Locale, Translations>> = {};

/**
 * Makes a locale's table known. Tables are not imported here, so that a browser bundle carries
 * only the table its page is in: server code imports lib/i18n/all-translations.ts, which adds
 * every one; a client component is handed its page's table by the server and adds it.
 */
export function addTranslations(locale: Locale, table: Translations): void {
  if (TRANSLATIONS[locale] === table) return;
  TRANSLATIONS[locale] = table;
  translators.delete(locale);
}

export type MessageParams = Record<string, string | number>;

const translators = new Map<Locale, Translator>();

/** A message of a table, English where the table lacks it, with its `{name}` values filled in. */
export function formatMessage(table: Translations, key: MessageKey, params: MessageParams = {}): string {
  const text = table[key] ?? en[key];
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/** The keys of English a locale's table does not translate (none for English itself). */
export function missingMessages(locale: Locale): MessageKey[] {
  if (locale === DEFAULT_LOCALE) return [];
  const table = TRANSLATIONS[locale];
  if (!table) return [];
  return (Object.keys(en) as MessageKey[]).filter((k) => typeof table[k] !== "string");
}

/** A text with its first letter in upper case (a no-op in scripts without case). */
export const capitalize = (text: string) => text.charAt(0).toLocaleUpperCase() + text.slice(1);

/** What goes between a text and the sentence after it: a space, or nothing after a full-width stop. */
export const sentenceGap = (text: string) => (text === "" || /[。！？]$/.test(text) ? "" : " ");

function joinSentences(parts: readonly (string | null | undefined | false)[]): string {
  let text = "";
  for (const part of parts) if (part) text += `${sentenceGap(text)}${part}`;
  return text;
}

export type Translator = {
  locale: Locale;
  /** The BCP 47 tag for `lang` attributes */
  lang: string;
  t: (key: MessageKey, params?: MessageParams) => string;
  share: (share: number | null | undefined, digits?: number) => string;
  percentTick: (percent: number) => string;
  count: (value: bigint | number | string | null | undefined) => string;
  exact: (value: bigint | number | string | null | undefined) => string;
  /** "2025-03-01" → "Mar 2025" / "März 2025" / "2025年3月" */
  month: (date: string) => string;
  /** "2025-03-01" → "1 Mar 2025" / "1. März 2025" / "2025年3月1日" */
  day: (date: string) => string;
  decimal: string;
  /** Sentences as one text: a space after each, but none after a full-width stop (Chinese, Japanese) */
  sentences: (parts: readonly (string | null | undefined | false)[]) => string;
  /** A region bucket's name (CN, US, OTHER, INTL, UNKNOWN), or the key itself */
  region: (key: string) => string;
  /** A region's name inside a sentence ("the US") */
  regionInSentence: (key: string) => string;
  /** A country series' name: ISO codes by Intl's names of the locale, INTL and UNKNOWN as regions */
  country: (code: string) => string;
};

/**
 * Everything a text in a locale needs: its messages (English where a translation lacks one),
 * numbers and dates by `Intl`, region and country names. Charts, embeds, images and CSVs use
 * it; so can any other text made from the data (alt text, event sentences): add the message's
 * English to messages/en.ts, its translations beside it.
 */
export function translator(locale: Locale = DEFAULT_LOCALE): Translator {
  const known = translators.get(locale);
  if (known) return known;
  const table = TRANSLATIONS[locale] ?? {};
  const t = (key: MessageKey, params?: MessageParams) => formatMessage(table, key, params);
  const names = new Intl.DisplayNames([locale], { type: "region", fallback: "code" });
  const regionWord = (key: string, field: "label" | "inSentence") =>
    regionInfo(key) ? t(`region.${key}.${field}` as MessageKey) : key;
  const made: Translator = {
    locale,
    lang: locale,
    t,
    share: (share, digits = 1) => formatShare(share, digits, locale),
    percentTick: (percent) => formatPercentTick(percent, locale),
    count: (value) => formatCount(value, locale),
    exact: (value) => formatExact(value, locale),
    month: (date) => formatMonth(date, locale),
    day: (date) => formatDay(date, locale),
    decimal: decimalSeparator(locale),
    sentences: joinSentences,
    region: (key) => regionWord(key, "label"),
    regionInSentence: (key) => regionWord(key, "inSentence"),
    country: (code) =>
      code === "INTL" || code === "UNKNOWN"
        ? regionWord(code, "label")
        : isIsoCountry(code)
          ? (names.of(code) ?? code)
          : code,
  };
  translators.set(locale, made);
  return made;
}
