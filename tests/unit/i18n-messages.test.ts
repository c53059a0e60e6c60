import { describe, expect, it } from "vitest";
import { ATTRIBUTIONS, GROUP_BYS } from "@/lib/domain/dimensions";
import { LOCALE_IDS } from "@/lib/domain/locales";
import { METRICS } from "@/lib/domain/metrics";
import { REGIONS } from "@/lib/domain/regions";
import { ENGLISH_MESSAGES, formatMessage, type MessageKey, missingMessages, translator } from "@/lib/i18n";
import { ALL_TRANSLATIONS } from "@/lib/i18n/all-translations";

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
const translated = Object.entries(ALL_TRANSLATIONS);

describe("messages, one file per locale", () => {
  it("de and zh-CN are translated", () => {
    expect(Object.keys(ALL_TRANSLATIONS).sort()).toEqual(["de", "zh-CN"]);
  });

  it("no translated locale lacks a key of English (each would be shown in English)", () => {
    const missing = Object.fromEntries(
      LOCALE_IDS.map((locale) => [locale, missingMessages(locale)] as const).filter(
        ([, keys]) => keys.length > 0,
      ),
    );
    expect(missing, `keys missing per locale: ${JSON.stringify(missing, null, 1)}`).toEqual({});
  });

  it("a missing message is listed, and falls back to English", () => {
    // A table without one key: what the test above reports, and what readers would see.
    const table = { ...ALL_TRANSLATIONS.de };
    delete table["chart.empty"];
    const keys = Object.keys(ENGLISH_MESSAGES) as MessageKey[];
    expect(keys.filter((k) => typeof table[k] !== "string")).toEqual(["chart.empty"]);
    expect(formatMessage(table, "chart.empty")).toBe("No downloads for this selection");
    expect(formatMessage(table, "embed.tab.table")).toBe("Tabelle");
    expect(formatMessage({}, "chart.source", { date: "2025-08-31" })).toBe(
      "Source: Hugging Face Hub download counts, as of 2025-08-31 · Open Model Share",
    );
    // Locales without a file read English words.
    for (const locale of ["fr", "es", "pt-BR", "ja"] as const)
      expect(translator(locale).t("embed.tab.chart")).toBe("Chart");
  });

  it("no translation has a key English lacks, and each keeps English's placeholders", () => {
    for (const [locale, table] of translated)
      for (const [key, text] of Object.entries(table ?? {})) {
        expect(key in ENGLISH_MESSAGES, `${locale}: ${key} is not an English key`).toBe(true);
        expect(placeholders(text ?? ""), `${locale}: ${key}`).toEqual(
          placeholders(ENGLISH_MESSAGES[key as MessageKey]),
        );
      }
  });

  it("English words of regions, metrics, groupings and attributions are the domain's, by key", () => {
    for (const r of REGIONS) {
      expect(ENGLISH_MESSAGES[`region.${r.key}.label`]).toBe(r.label);
      expect(ENGLISH_MESSAGES[`region.${r.key}.inSentence`]).toBe(r.inSentence);
    }
    for (const m of METRICS) expect(ENGLISH_MESSAGES[`metric.${m.id}.short`]).toBe(m.short);
    for (const g of GROUP_BYS) expect(ENGLISH_MESSAGES[`groupBy.${g.id}.noun`]).toBe(g.noun);
    for (const a of ATTRIBUTIONS) expect(ENGLISH_MESSAGES[`attribution.${a.id}.label`]).toBe(a.label);
    expect(ENGLISH_MESSAGES["cohort.new.label"]).toBe("New models (first {months} months)");
    expect(ENGLISH_MESSAGES["cohort.created.label"]).toBe("Models created in {year}");
  });

  it("translated region and country names", () => {
    expect(translator("de").region("US")).toBe("Vereinigte Staaten");
    expect(translator("zh-CN").region("CN")).toBe("中国");
    expect(translator("de").country("DE")).toBe("Deutschland");
    expect(translator("zh-CN").country("US")).toBe("美国");
    expect(translator("ja").country("JP")).toBe("日本");
    expect(translator("fr").country("CN")).toBe("Chine");
    expect(translator("de").country("UNKNOWN")).toBe("Nicht zugeordnet");
    expect(translator("en").country("INTL")).toBe("International / online");
  });
});

describe("Node's ICU has the data of every locale (full ICU, not English in disguise)", () => {
  // Written out by hand from CLDR: a small-ICU build would answer English forms.
  const expected = {
    en: { number: "1,234,567.5", month: "Mar 2025", day: "1 Mar 2025", share: "17.1 %" },
    de: { number: "1.234.567,5", month: "März 2025", day: "1. März 2025", share: "17,1 %" },
    fr: { number: "1 234 567,5", month: "mars 2025", day: "1 mars 2025", share: "17,1 %" },
    es: { number: "1.234.567,5", month: "mar 2025", day: "1 mar 2025", share: "17,1 %" },
    "pt-BR": { number: "1.234.567,5", month: "mar. de 2025", day: "1 de mar. de 2025", share: "17,1%" },
    "zh-CN": { number: "1,234,567.5", month: "2025年3月", day: "2025年3月1日", share: "17.1%" },
    ja: { number: "1,234,567.5", month: "2025年3月", day: "2025年3月1日", share: "17.1%" },
  } as const;

  it("supports each locale", () => {
    expect(Intl.NumberFormat.supportedLocalesOf([...LOCALE_IDS])).toEqual([...LOCALE_IDS]);
    expect(Intl.DateTimeFormat.supportedLocalesOf([...LOCALE_IDS])).toEqual([...LOCALE_IDS]);
  });

  it.each(LOCALE_IDS)("%s: numbers, months, days and shares", (locale) => {
    const tr = translator(locale);
    // Intl's spaces in numbers and percentages are no-break spaces: compare them as spaces.
    const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, " ");
    expect(plain(new Intl.NumberFormat(locale).format(1234567.5))).toBe(expected[locale].number);
    expect(tr.month("2025-03-01")).toBe(expected[locale].month);
    expect(tr.day("2025-03-01")).toBe(expected[locale].day);
    expect(plain(tr.share(0.1712))).toBe(expected[locale].share);
  });
});
