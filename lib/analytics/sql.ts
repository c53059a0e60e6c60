import { Prisma } from "../db";
import { REGIONS } from "../domain/regions";

/** The region of a row, in SQL, made from the same rules as `regionOf` (lib/domain/regions.ts). */
export function regionKeySql(country: Prisma.Sql, international: Prisma.Sql): Prisma.Sql {
  const branches = REGIONS.map((region) => {
    const rule = region.rule;
    if (typeof rule === "object") return Prisma.sql`WHEN ${country} = ${rule.country} THEN ${region.key}`;
    if (rule === "any-country") return Prisma.sql`WHEN ${country} IS NOT NULL THEN ${region.key}`;
    if (rule === "international") return Prisma.sql`WHEN ${international} THEN ${region.key}`;
    return Prisma.sql`ELSE ${region.key}`;
  });
  return Prisma.sql`(CASE ${Prisma.join(branches, " ")} END)::text`;
}

/** The key of a country series in SQL: the ISO code, else INTL or UNKNOWN, as `countryKeyOf`. */
export function countryKeySql(country: Prisma.Sql, international: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`COALESCE(${country}, CASE WHEN ${international} THEN ${"INTL"} ELSE ${"UNKNOWN"} END)::text`;
}
