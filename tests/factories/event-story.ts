import type { Database } from "@/lib/db";
import { syncRegistry } from "@/lib/origins/sync";
import { type PublishResult, publish } from "@/lib/publish/publish";
import type { ModelRecord } from "@/lib/store/model-record";
import { writeSnapshots } from "@/lib/store/write-snapshots";
import { modelRecord } from "./model-record";
import { testRegistry } from "./population";

const old = new Date("2023-01-01T00:00:00Z");

/** A model of the story: every one created in 2023, so the new-models cohort stays empty. */
export const storyModel = (prefix: string, ns: string, name: string, downloads: number): ModelRecord =>
  modelRecord({ hubId: `${prefix}-${ns}/${name}`, createdAt: old, downloads: BigInt(downloads) });

/** A succeeded crawl of `day` with these models, and its publish. */
export async function crawlAndPublish(
  db: Database,
  day: string,
  records: ModelRecord[],
): Promise<PublishResult> {
  const asOf = new Date(`${day}T00:00:00Z`);
  const run = await db.prisma.ingestRun.create({ data: { asOf, status: "succeeded", trigger: "cli" } });
  await writeSnapshots(db, records, day, { runId: run.id });
  await db.prisma.ingestRun.update({ where: { id: run.id }, data: { population: records.length } });
  return publish(db, { dates: [asOf] }, { realData: true });
}

/**
 * Three published days with a known story (testRegistry's labs and countries): on 2025-08-02 China
 * passes the US (Qw passes Me among labs); nothing is published on the 3rd and 4th; on the 5th a
 * Korean model enters the top 20. The counts are in `days`, for the tests' own arithmetic.
 */
export function storyDays(prefix: string) {
  const m = (ns: string, name: string, n: number) => storyModel(prefix, ns, name, n);
  const day1 = [
    m("cn1", "a", 1000),
    m("us1", "b", 1200),
    m("fr1", "c", 300),
    m("kr1", "d", 200),
    m("intl", "e", 100),
  ];
  const day2 = [
    m("cn1", "a", 1150),
    m("us1", "b", 1050),
    m("fr1", "c", 300),
    m("kr1", "d", 200),
    m("intl", "e", 100),
  ];
  const day3 = [...day2, m("kr1", "f", 50)];
  return [
    { day: "2025-08-01", models: day1 },
    { day: "2025-08-02", models: day2 },
    { day: "2025-08-05", models: day3 },
  ];
}

/** The story's registry synced and its days published; the publish results in order. */
export async function publishStory(db: Database, prefix: string): Promise<PublishResult[]> {
  await syncRegistry(db, testRegistry(prefix));
  const results: PublishResult[] = [];
  for (const { day, models } of storyDays(prefix)) results.push(await crawlAndPublish(db, day, models));
  return results;
}
