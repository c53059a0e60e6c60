import { readFileSync } from "node:fs";

/**
 * Approximate Hub creation dates of model families, for the demo generator only.
 *
 * data/release-date-rules.txt holds one rule a line: a regular expression matched from the start of the Hub id, then the date the
 * family's repos were created (YYYY-MM-DD). The first matching rule wins, so specific rules come
 * before general ones. Dates up to mid-2025 follow the public release announcements; later ones
 * follow the ATOM Project's release_date_corrections.csv where it names the model, and are
 * otherwise interpolated from version order (they are plausible, not authoritative). "P:YYYY"
 * marks repos created before the Hub stored creation dates: their createdAt is the Hub
 * placeholder 2022-03-02T23:29:04.000Z and YYYY is the year they really appeared (used only to
 * accumulate their pre-history downloads). Models matching no rule are left out of the demo.
 */
const RULES = readFileSync(new URL("./data/release-date-rules.txt", import.meta.url), "utf8");

export type ReleaseDate = { date: string; placeholder: boolean };

const COMPILED: { re: RegExp; date: ReleaseDate }[] = RULES.trim()
  .split("\n")
  .map((line) => {
    const cut = line.trimEnd().lastIndexOf(" ");
    const pattern = line.slice(0, cut).trim();
    const value = line.slice(cut + 1);
    const date = value.startsWith("P:")
      ? { date: `${value.slice(2)}-06-01`, placeholder: true }
      : { date: value, placeholder: false };
    return { re: new RegExp(`^${pattern}`), date };
  });

/** The family creation date of a Hub id, or null when no rule knows it. */
export function familyReleaseDate(hubId: string): ReleaseDate | null {
  for (const rule of COMPILED) if (rule.re.test(hubId)) return rule.date;
  return null;
}
