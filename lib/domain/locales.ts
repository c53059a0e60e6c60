/**
 * The languages a chart can be shown in: numbers and dates are formatted for each by `Intl`;
 * the chart's fixed texts and the names of regions and countries are translated for some
 * (lib/i18n/messages), the others read English words with their own number and date formats.
 */
export const LOCALES = [
  { id: "en", name: "English" },
  { id: "de", name: "Deutsch" },
  { id: "fr", name: "Français" },
  { id: "es", name: "Español" },
  { id: "pt-BR", name: "Português (Brasil)" },
  { id: "zh-CN", name: "简体中文" },
  { id: "ja", name: "日本語" },
] as const;

export type Locale = (typeof LOCALES)[number]["id"];
export const LOCALE_IDS = LOCALES.map((l) => l.id) as [Locale, ...Locale[]];
export const DEFAULT_LOCALE: Locale = "en";

export const isLocale = (id: string): id is Locale => (LOCALE_IDS as readonly string[]).includes(id);
