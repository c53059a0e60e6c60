import { describe, expect, it } from "vitest";
import { publish } from "@/lib/publish/publish";
import { publishStory } from "../factories/event-story";
import { uniqueNamespace } from "../factories/model-record";
import { suiteDatabase } from "../helpers/suite";
import { testBackends } from "../helpers/test-db";

/**
 * Three published days with a known story (tests/factories/event-story.ts): on the 2nd China
 * passes the US (Qw passes Me among labs), then nothing is published until the 5th, when a new
 * model appears. Every model was created in 2023, so the new-models cohort has no events.
 */
describe.each(testBackends())("events found at publish on %s", (backend) => {
  const db = suiteDatabase(backend);
  const p = uniqueNamespace("ev");
  const stored = async () =>
    (await db.prisma.event.findMany({ orderBy: [{ date: "asc" }, { id: "asc" }] })).map((e) => ({
      ...e,
      date: e.date.toISOString().slice(0, 10),
    }));

  it("records exactly the crossover, lead, ranks, shares, gap and entry; republishing adds none", async () => {
    const [first] = await publishStory(db, p);
    expect(first?.events).toHaveLength(1);

    // Shares worked out by hand from the story's counts (of 2,800 and then 2,850 downloads).
    const cn1 = 1000 / 2800;
    const us1 = 1200 / 2800;
    const cn2 = 1150 / 2800;
    const us2 = 1050 / 2800;
    const expected = [
      ["2025-08-01", "population", []],
      ["2025-08-02", "crossover", ["CN", "US"]],
      ["2025-08-02", "crossover", ["CN", "US"]],
      ["2025-08-02", "share-change", ["CN"]],
      ["2025-08-02", "share-change", ["CN"]],
      ["2025-08-02", "share-change", ["US"]],
      ["2025-08-02", "share-change", ["US"]],
      ["2025-08-02", "new-leader", []],
      ["2025-08-02", "rank-change", []],
      ["2025-08-02", "rank-change", []],
      ["2025-08-02", "share-change", []],
      ["2025-08-02", "share-change", []],
      ["2025-08-05", "data-gap", []],
      ["2025-08-05", "top-models", ["KR"]],
    ];
    const events = await stored();
    const summary = (list: { date: string; kind: string; countries: string[] }[]) =>
      list.map((e) => `${e.date} ${e.kind} ${[...e.countries].sort().join(",")}`).sort();
    expect(summary(events)).toEqual(
      summary(expected.map(([date, kind, countries]) => ({ date, kind, countries }) as never)),
    );

    const crossovers = events.filter((e) => e.kind === "crossover");
    expect(crossovers.map((e) => (e.details as { attribution: string }).attribution).sort()).toEqual([
      "developer",
      "lineage",
    ]);
    const developer = crossovers.find(
      (e) => (e.details as { attribution: string }).attribution === "developer",
    );
    const pct = (x: number) => `${(x * 100).toFixed(1)} %`;
    expect(developer?.text).toBe(
      `China passed United States in share of 30-day downloads of all models on 2025-08-02: ${pct(cn2)} to ${pct(us2)}, from ${pct(cn1)} to ${pct(us1)} on 2025-08-01.`,
    );
    const leader = events.find((e) => e.kind === "new-leader");
    expect(leader?.labs).toEqual([`${p}-qw`, `${p}-me`]);
    const ranks = events
      .filter((e) => e.kind === "rank-change")
      .map((e) => {
        const d = e.details as { lab: string; rank: number; previousRank: number };
        return [d.lab, d.previousRank, d.rank];
      })
      .sort();
    expect(ranks).toEqual([
      [`${p}-me`, 1, 2],
      [`${p}-qw`, 2, 1],
    ]);
    const labShares = events
      .filter((e) => e.kind === "share-change" && e.labs.length > 0)
      .map((e) => [e.labs[0], Number((e.details as { points: number }).points.toFixed(2))])
      .sort();
    expect(labShares).toEqual([
      [`${p}-me`, Number(((us2 - us1) * 100).toFixed(2))],
      [`${p}-qw`, Number(((cn2 - cn1) * 100).toFixed(2))],
    ]);
    const gap = events.find((e) => e.kind === "data-gap");
    expect(gap?.details).toMatchObject({ days: 3, missingDays: 2, cadenceDays: 1 });
    expect(gap?.previousDate?.toISOString().slice(0, 10)).toBe("2025-08-02");
    const entry = events.find((e) => e.kind === "top-models");
    expect(entry?.text).toBe(
      `${p}-kr1/f entered the 20 most downloaded models on 2025-08-05, at 6th with 50 downloads in 30 days.`,
    );

    // Each event is pinned to the data version of the publish that found it.
    const versions = await db.prisma.dataVersion.findMany({ orderBy: { id: "asc" } });
    const byDate = new Map(events.map((e) => [e.date, e.dataVersion]));
    expect(versions.map((v) => v.id).slice(-3)).toEqual([
      byDate.get("2025-08-01"),
      byDate.get("2025-08-02"),
      byDate.get("2025-08-05"),
    ]);

    // The same data published again, a date at a time, all at once and as a rebuild: nothing new.
    const again = await publish(
      db,
      { dates: ["2025-08-01", "2025-08-02", "2025-08-05"].map((d) => new Date(`${d}T00:00:00Z`)) },
      { realData: true },
    );
    expect(again.events).toEqual([]);
    expect((await publish(db, "all", { realData: false })).events).toEqual([]);
    const after = await stored();
    expect(after.map((e) => e.id)).toEqual(events.map((e) => e.id));
    expect(after.map((e) => e.dataVersion)).toEqual(events.map((e) => e.dataVersion));
  });
});
