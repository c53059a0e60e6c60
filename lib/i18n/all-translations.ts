import type { Locale } from "../domain/locales";
import { addTranslations, type Translations } from "./index";
import { de } from "./messages/de";
import { zhCN } from "./messages/zh-CN";

/** Every translated locale's table (the others read English words with their own formats). */
export const ALL_TRANSLATIONS: Partial<Record<Locale, Translations>> = { de, "zh-CN": zhCN };

// Importing this module is what makes the tables known to the server's charts, files and answers.
for (const [locale, table] of Object.entries(ALL_TRANSLATIONS) as [Locale, Translations][])
  addTranslations(locale, table);
