import type { Database } from "@/lib/db";

/** Every stored snapshot as comparable text rows, for "identical to an uninterrupted run" checks. */
export async function dumpSnapshots(db: Database): Promise<string[]> {
  const rows = await db.prisma.$queryRaw<{ line: string }[]>`
    SELECT m.hub_id || ' ' || s.date::text || ' ' || s.downloads::text || ' ' || COALESCE(s.downloads_all_time::text, '-') || ' ' || s.likes::text
      || ' ' || COALESCE(array_to_string(m.base_models, '|'), '') AS line
    FROM model_snapshot s JOIN model m ON m.id = s.model_id ORDER BY 1`;
  return rows.map((r) => r.line);
}
