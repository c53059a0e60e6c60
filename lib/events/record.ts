import { createHash } from "node:crypto";
import { versionInTheMaking } from "../db/data-version";
import type { Tx } from "../db/transaction";
import { type PublishedDate, publishedDates, readStanding } from "./read";
import { type EventDraft, eventsBetween } from "./rules";
import type { Standing } from "./standing";

/** The dates a publish made visible (as lib/publish/publish.ts's scope says), or every one. */
export type EventScope = { dates: Date[] } | "all";

/** The stable id of an event: kind, date and subjects, so the same event found again is the same row. */
export function eventId(draft: Pick<EventDraft, "kind" | "date" | "subjects">): string {
  return createHash("sha256")
    .update(JSON.stringify([draft.kind, draft.date, ...draft.subjects]))
    .digest("hex")
    .slice(0, 32);
}

const iso = (d: Date) => d.toISOString().slice(0, 10);

/**
 * Which dates to look at: each date published now and the next date of its population (whose
 * previous date it may have become); for every date (a registry sync, a rebuild), the dates never
 * looked at and the latest of each population — a registry edit does not rewrite the past's news.
 */
async function targetsOf(tx: Tx, scope: EventScope, all: PublishedDate[]): Promise<PublishedDate[]> {
  const chosen = new Set<string>();
  const nextOf = (d: PublishedDate) => all.find((x) => x.study === d.study && x.date > d.date);
  if (scope === "all") {
    const scanned = new Set(
      (await tx.client.eventScan.findMany({ select: { date: true } })).map((r) => iso(r.date)),
    );
    for (const d of all) if (!scanned.has(d.date)) chosen.add(d.date);
    for (const study of [false, true]) {
      const latest = all.filter((d) => d.study === study).at(-1);
      if (latest) chosen.add(latest.date);
    }
  } else {
    const wanted = new Set(scope.dates.map(iso));
    for (const d of all) {
      if (!wanted.has(d.date)) continue;
      chosen.add(d.date);
      const next = nextOf(d);
      if (next) chosen.add(next.date);
    }
  }
  return all.filter((d) => chosen.has(d.date));
}

/**
 * Looks for the events of the dates a publish made visible, inside its transaction (so they are
 * committed with the numbers they are about, and at its data version), and records the new ones.
 * Returns their ids, in the order found.
 */
export async function recordEventsIn(tx: Tx, scope: EventScope): Promise<string[]> {
  const all = await publishedDates(tx);
  const targets = await targetsOf(tx, scope, all);
  if (targets.length === 0) return [];
  const version = await versionInTheMaking(tx.client);
  const labs = new Map(
    (await tx.client.lab.findMany({ select: { slug: true, name: true } })).map((l) => [l.slug, l.name]),
  );
  const names = { lab: (slug: string) => labs.get(slug) ?? slug };
  const standings = new Map<string, Standing>();
  const standing = async (d: PublishedDate) => {
    const known = standings.get(d.date);
    if (known) return known;
    const read = await readStanding(tx, d);
    standings.set(d.date, read);
    return read;
  };
  const created: string[] = [];
  for (const target of targets) {
    const previous = all.filter((d) => d.study === target.study && d.date < target.date).at(-1);
    const drafts = eventsBetween(previous ? await standing(previous) : null, await standing(target), names);
    for (const draft of drafts) if (await insertEvent(tx, draft, version)) created.push(eventId(draft));
    await tx.client.eventScan.upsert({
      where: { date: new Date(`${target.date}T00:00:00Z`) },
      create: { date: new Date(`${target.date}T00:00:00Z`), dataVersion: version },
      update: { dataVersion: version },
    });
  }
  return created;
}

/** Inserts an event unless its id is recorded already; whether it was new. */
async function insertEvent(tx: Tx, draft: EventDraft, version: number): Promise<boolean> {
  const json = (v: unknown) => JSON.stringify(v, (_, x) => (typeof x === "bigint" ? x.toString() : x));
  const rows = await tx.client.$queryRaw<{ id: string }[]>`
    INSERT INTO event (id, kind, date, previous_date, text, data_version, chart, labs, countries, details)
    VALUES (${eventId(draft)}, ${draft.kind}, ${draft.date}::date, ${draft.previousDate}::date, ${draft.text},
      ${version}, ${json(draft.chart)}::jsonb, ${draft.labs}::text[], ${draft.countries}::text[],
      ${json(draft.details)}::jsonb)
    ON CONFLICT (id) DO NOTHING
    RETURNING id`;
  return rows.length > 0;
}
