import type { Database } from "@/lib/db";
import type { ShareQuery } from "@/lib/domain/share-query";

/**
 * The slow, obvious computation of share sums straight from snapshots, written independently of
 * lib/analytics (no SQL aggregation, no rollups) so the two can be compared on generated data.
 * Returns bucket date → series key → value, before top-N grouping.
 */
export async function referenceShare(db: Database, q: ShareQuery & { from: string; to: string }) {
  const byModel = new Map<number, Awaited<ReturnType<typeof db.prisma.modelSnapshot.findMany>>>();
  for (const s of await db.prisma.modelSnapshot.findMany()) {
    const list = byModel.get(s.modelId);
    if (list) list.push(s);
    else byModel.set(s.modelId, [s]);
  }
  const models = (await db.prisma.model.findMany()).map((m) => ({
    ...m,
    snapshots: byModel.get(m.id) ?? [],
  }));
  const orgs = new Map((await db.prisma.organization.findMany()).map((o) => [o.namespace, o]));
  const byHubId = new Map(models.map((m) => [m.hubId, m]));
  const allDates = [...new Set(models.flatMap((m) => m.snapshots.map((s) => iso(s.date))))].sort();
  const placeholder = "2022-03-02T23:29:04.000Z";

  const root = (hubId: string): string => {
    const seen = new Set<string>([hubId]);
    let current = hubId;
    for (;;) {
      const base = byHubId.get(current)?.baseModels[0];
      if (!base || seen.has(base)) return current;
      if (!byHubId.has(base)) return base;
      seen.add(base);
      current = base;
    }
  };
  const keyOf = (namespace: string): string => {
    // Only the registry attributes: an organization outside it counts as unattributed.
    const o = orgs.get(namespace);
    const registered = o?.inRegistry === true;
    const country = registered ? (o?.country ?? null) : null;
    const intl = registered ? (o?.international ?? false) : false;
    switch (q.groupBy) {
      case "region":
        return country === "CN"
          ? "CN"
          : country === "US"
            ? "US"
            : country
              ? "OTHER"
              : intl
                ? "INTL"
                : "UNKNOWN";
      case "country":
        return country ?? (intl ? "INTL" : "UNKNOWN");
      case "lab":
        return registered ? (o?.labSlug ?? "") : "";
      case "org":
        return o?.inRegistry ? namespace : "";
    }
  };

  const perDate = new Map<string, Map<string, bigint>>();
  for (const m of models) {
    if (q.task && m.pipelineTag !== q.task) continue;
    if (q.library && m.libraryName !== q.library) continue;
    if (q.derivatives === "exclude" && m.baseModels.length > 0) continue;
    const created = m.createdAt?.toISOString() ?? null;
    const realCreated = created !== null && created !== placeholder ? m.createdAt : null;
    const namespace = q.attribution === "developer" ? m.namespace : (root(m.hubId).split("/")[0] ?? "");
    const key = keyOf(namespace);
    const snaps = new Map(m.snapshots.map((s) => [iso(s.date), s]));
    for (const [date, s] of snaps) {
      if (date < q.from || date > q.to) continue;
      if (q.cohort === "new-12m") {
        const limit = new Date(`${date}T00:00:00Z`);
        limit.setUTCMonth(limit.getUTCMonth() - 12);
        if (!realCreated || realCreated <= limit) continue;
      } else if (q.cohort !== "all") {
        if (!realCreated || `created-${realCreated.getUTCFullYear()}` !== q.cohort) continue;
      }
      const prevDate = allDates[allDates.indexOf(date) - 1];
      const prev = prevDate ? snaps.get(prevDate) : undefined;
      // All-time counts are missing on some sources' dates: metrics built on them have no value there.
      const now = s.downloadsAllTime;
      if (q.metric !== "downloads30d" && (now === null || (prev && prev.downloadsAllTime === null))) continue;
      let delta = 0n;
      if (prevDate && prev && prev.downloadsAllTime !== null && now !== null)
        delta = now > prev.downloadsAllTime ? now - prev.downloadsAllTime : 0n;
      else if (prevDate && m.createdAt && m.createdAt >= new Date(`${prevDate}T00:00:00Z`)) delta = now ?? 0n;
      const value =
        q.metric === "downloads30d" ? s.downloads : q.metric === "cumulative" ? (now ?? 0n) : delta;
      const row = perDate.get(date) ?? new Map<string, bigint>();
      row.set(key, (row.get(key) ?? 0n) + value);
      perDate.set(date, row);
    }
  }

  const buckets = new Map<string, Map<string, bigint>>();
  for (const date of [...perDate.keys()].sort()) {
    const bucket = bucketOf(date, q.interval);
    const values = perDate.get(date) ?? new Map();
    if (q.metric === "downloads") {
      const acc = buckets.get(bucket) ?? new Map<string, bigint>();
      for (const [k, v] of values) acc.set(k, (acc.get(k) ?? 0n) + v);
      buckets.set(bucket, acc);
    } else {
      buckets.set(bucket, values);
    }
  }
  return buckets;
}

const iso = (d: Date) => d.toISOString().slice(0, 10);

function bucketOf(date: string, interval: ShareQuery["interval"]): string {
  if (interval === "day") return date;
  if (interval === "month") return `${date.slice(0, 7)}-01`;
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7));
  return iso(d);
}
