import fc from "fast-check";
import type { Registry } from "@/lib/origins/registry-schema";
import type { ModelRecord } from "@/lib/store/model-record";
import type { WeeklyRow } from "../fixtures/backfill/files";

/**
 * A small Hub whose models change over two weeks, and an account of what a sequence of commands
 * run against it must publish — written here from the rules as the methodology states them, not
 * from the code under test.
 *
 * - Every model has, for every day, attributes (task, library, first base, creation date), a
 *   listing state (listed, private, absent) and counts; attributes change on days of their own.
 * - Commands: a full crawl of a day, a test crawl (`--orgs`), a crawl that fails at a page, a
 *   crawl whose publish fails at a step, a weekly backfill, a registry edit (that may fail at a
 *   step). Each command is preceded by what every command does first (finish unfinished work).
 */

export const DAYS = Array.from({ length: 14 }, (_, i) => `2025-03-${String(3 + i).padStart(2, "0")}`);
export const WEEKS = [
  { label: "2025-03-03", date: "2025-03-09" },
  { label: "2025-03-10", date: "2025-03-16" },
];
export const MIN_DOWNLOADS = 100;
const PLACEHOLDER = "2022-03-02T23:29:04.000Z";
const PAGE_SIZE = 3;

export type Attrs = { task: string | null; library: string | null; base: string | null; created: string };
export type DayState = { state: "listed" | "private" | "absent"; downloads: bigint; allTime: bigint };
export type ModelPlan = { id: string; namespace: string; attrs: Attrs[]; days: DayState[] };
export type World = { models: ModelPlan[] };

/** Registry namespaces: country (or INTL), lab. Unlisted namespaces are unregistered. */
export type RegistryState = Record<
  string,
  { country: string | null; international: boolean; lab: string | null }
>;

const NAMESPACES = ["cnlab", "uslab", "intl-co", "comm", "quant", "late"] as const;
const LABS = ["cn", "us", "eu"] as const;

/** The models and, for each, the bases it may name over time (null: none; ghost: never listed). */
const MODELS: { id: string; bases: (string | null)[]; created: string[] }[] = [
  { id: "cnlab/Base-A", bases: [null], created: ["2024-06-01T00:00:00.000Z", PLACEHOLDER] },
  { id: "uslab/Base-B", bases: [null, "cnlab/Base-A"], created: ["2025-01-10T00:00:00.000Z"] },
  { id: "comm/FT", bases: ["cnlab/Base-A", "uslab/base-b", null], created: ["2025-02-20T00:00:00.000Z"] },
  {
    id: "quant/FT-GGUF",
    bases: ["comm/ft", "comm/FT", "uslab/Base-B"],
    created: ["2025-03-01T00:00:00.000Z"],
  },
  {
    id: "late/New",
    bases: ["quant/FT-GGUF", null],
    created: ["2025-03-05T00:00:00.000Z", "2024-01-05T00:00:00.000Z"],
  },
  { id: "quant/Other", bases: [null, "ghost/Root", "comm/FT"], created: ["2025-02-01T00:00:00.000Z"] },
  { id: "uslab/Private", bases: [null], created: ["2025-01-01T00:00:00.000Z"] },
  { id: "comm/Low", bases: ["uslab/Base-B", null], created: ["2024-11-11T00:00:00.000Z"] },
  { id: "intl-co/Model", bases: ["comm/Low", null], created: ["2025-02-14T00:00:00.000Z"] },
];
const TASKS = ["text-generation", "image-text-to-text", null];
const LIBRARIES = ["transformers", "gguf", null];
const COUNTS = [20n, 80n, 150n, 600n, 2_500n, 40_000n];

const dayIndex = (day: string) => DAYS.indexOf(day);

/** A world: each model's attributes change on up to two days; it may appear late, vanish, turn private. */
export const worldArbitrary: fc.Arbitrary<World> = fc
  .tuple(
    ...MODELS.map((m) =>
      fc.record({
        changes: fc.array(fc.integer({ min: 1, max: DAYS.length - 1 }), { maxLength: 2 }),
        attrs: fc.array(
          fc.record({
            task: fc.constantFrom(...TASKS),
            library: fc.constantFrom(...LIBRARIES),
            base: fc.constantFrom(...m.bases),
            created: fc.constantFrom(...m.created),
          }),
          { minLength: 3, maxLength: 3 },
        ),
        firstDay: fc.integer({ min: 0, max: 4 }),
        states: fc.array(fc.constantFrom("listed", "listed", "listed", "private", "absent"), {
          minLength: DAYS.length,
          maxLength: DAYS.length,
        }),
        downloads: fc.array(fc.constantFrom(...COUNTS), { minLength: DAYS.length, maxLength: DAYS.length }),
        start: fc.bigInt({ min: 0n, max: 2n ** 40n }),
      }),
    ),
  )
  .map((plans) => ({
    models: plans.map((p, k): ModelPlan => {
      const spec = MODELS[k] as (typeof MODELS)[number];
      const changes = [...new Set(p.changes)].sort((a, b) => a - b);
      let allTime = p.start;
      return {
        id: spec.id,
        namespace: spec.id.split("/")[0] as string,
        attrs: DAYS.map((day, i) => {
          const a = p.attrs[changes.filter((c) => c <= i).length] as Attrs;
          // Listed only once created.
          return a.created.slice(0, 10) > day ? { ...a, created: spec.created[0] as string } : a;
        }),
        days: DAYS.map((day, i) => {
          const downloads = p.downloads[i] as bigint;
          allTime += downloads;
          const created = (p.attrs[changes.filter((c) => c <= i).length] as Attrs).created.slice(0, 10);
          const state =
            i < p.firstDay || (created > day && spec.created[0]?.slice(0, 10) !== undefined && created > day)
              ? "absent"
              : (p.states[i] as DayState["state"]);
          return { state, downloads, allTime };
        }),
      };
    }),
  }));

/** A registry: each namespace unregistered, or with a country (or international) and a lab. */
export const registryArbitrary: fc.Arbitrary<RegistryState> = fc
  .tuple(
    ...NAMESPACES.map(() =>
      fc.option(
        fc.record({
          country: fc.constantFrom("CN", "US", "FR", "SG", null),
          lab: fc.constantFrom(...LABS, null),
        }),
        { nil: null, freq: 3 },
      ),
    ),
  )
  .map((entries) => {
    const state: RegistryState = {};
    entries.forEach((e, i) => {
      if (e)
        state[NAMESPACES[i] as string] = {
          country: e.country,
          international: e.country === null,
          lab: e.lab,
        };
    });
    return state;
  });

export const INITIAL_REGISTRY: RegistryState = {
  cnlab: { country: "CN", international: false, lab: "cn" },
  uslab: { country: "US", international: false, lab: "us" },
  "intl-co": { country: null, international: true, lab: null },
};

export function registryFile(state: RegistryState): Registry {
  return {
    labs: LABS.map((slug) => ({
      slug,
      name: slug.toUpperCase(),
      parent: null,
      country: slug === "cn" ? "CN" : slug === "us" ? "US" : "FR",
      color: slug === "cn" ? "#d62728" : slug === "us" ? "#1f77b4" : "#2ca02c",
    })),
    organizations: Object.entries(state).map(([namespace, o]) => ({
      namespace,
      lab: o.lab,
      country: o.country,
      international: o.international,
      kind: "company" as const,
      source: `https://example.org/${namespace}`,
    })),
  } as Registry;
}

export type Command =
  | { kind: "crawl"; day: string }
  | { kind: "test"; day: string; orgs: string[] }
  | { kind: "fail"; day: string; at: number }
  | { kind: "publish-fault"; day: string; point: string }
  | { kind: "week"; week: number }
  | { kind: "registry"; registry: RegistryState; point: string | null };

const day = fc.constantFrom(...DAYS.slice(2), "2025-03-09", "2025-03-16");
export const commandArbitrary: fc.Arbitrary<Command> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant("crawl" as const), day }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant("test" as const),
      day,
      orgs: fc.subarray([...NAMESPACES], { minLength: 1, maxLength: 2 }),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({ kind: fc.constant("fail" as const), day, at: fc.integer({ min: 0, max: 9 }) }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant("publish-fault" as const),
      day,
      point: fc.constantFrom(
        "crawl:stored",
        "publish:taken",
        "publish:lineage",
        "publish:rollups",
        "publish:commit",
      ),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({ kind: fc.constant("week" as const), week: fc.integer({ min: 0, max: 1 }) }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      kind: fc.constant("registry" as const),
      registry: registryArbitrary,
      point: fc.constantFrom(null, null, "registry:synced", "registry:reattributed", "registry:commit"),
    }),
  },
);

/** A model's listing at a day as the crawl receives it (private models are left out by the source). */
export function recordAt(model: ModelPlan, day: string): ModelRecord | null {
  const i = dayIndex(day);
  const d = model.days[i] as DayState;
  if (d.state !== "listed") return null;
  const a = model.attrs[i] as Attrs;
  return {
    hubId: model.id,
    namespace: model.namespace,
    createdAt: new Date(a.created),
    lastModified: new Date(a.created),
    pipelineTag: a.task,
    libraryName: a.library,
    license: "mit",
    gated: false,
    parameters: null,
    baseModels: a.base ? [a.base] : [],
    baseRelation: a.base ? "finetune" : null,
    downloads: d.downloads,
    downloadsAllTime: d.allTime,
    likes: 1,
  };
}

/** A week's file: every model listed that day, private ones flagged. */
export function weekRows(world: World, date: string): WeeklyRow[] {
  const i = dayIndex(date);
  return world.models.flatMap((m) => {
    const d = m.days[i] as DayState;
    if (d.state === "absent") return [];
    const a = m.attrs[i] as Attrs;
    return [
      {
        id: m.id,
        downloads: Number(d.downloads),
        downloadsAllTime: d.allTime,
        likes: 1,
        createdAt: a.created,
        pipeline: a.task,
        library: a.library,
        tags: ["license:mit"],
        base: a.base ? { relation: "finetune", models: [{ id: a.base }] } : null,
        private: d.state === "private",
      },
    ];
  });
}

/** What the account tracks of a date: who holds it, and its population once published. */
type DateAccount = {
  /** The full crawl: published, stored (its publish next) or a cursor into its pages */
  crawl: { status: "published" | "failed"; cursor: number; namespaces: string[] } | null;
  week: "published" | null;
  /** Model ids and their listing, when published */
  population: Map<string, ModelRecord> | null;
  /** Test runs wrote here (no full run held the date) */
  tested: boolean;
};

/**
 * The expected state after each command, from the rules: which dates are published with which
 * models, and every listing stored (for the lineage of bases not listed on a day).
 */
export class Account {
  readonly dates = new Map<string, DateAccount>();
  /** lower-case Hub id → the lower-case first bases ("" for none) of its stored listings */
  readonly storedBases = new Map<string, Set<string>>();
  /** lower-case Hub id → the model as stored (its id's spelling and namespace) */
  readonly stored = new Map<string, { id: string; namespace: string }>();
  registry: RegistryState = INITIAL_REGISTRY;

  constructor(private readonly world: World) {}

  private date(day: string): DateAccount {
    let d = this.dates.get(day);
    if (!d) {
      d = { crawl: null, week: null, population: null, tested: false };
      this.dates.set(day, d);
    }
    return d;
  }

  private store(records: ModelRecord[]): void {
    for (const r of records) {
      const key = r.hubId.toLowerCase();
      this.stored.set(key, { id: r.hubId, namespace: r.namespace });
      const bases = this.storedBases.get(key) ?? new Set<string>();
      bases.add(r.baseModels[0]?.toLowerCase() ?? "");
      this.storedBases.set(key, bases);
    }
  }

  /** The pages a full crawl of `day` requests, in order, and after which ones it commits. */
  private crawlPages(day: string, namespaces: string[]): { records: ModelRecord[]; commits: boolean }[] {
    const listed = this.world.models.map((m) => recordAt(m, day)).filter((r): r is ModelRecord => r !== null);
    const order = (a: ModelRecord, b: ModelRecord) =>
      a.downloads === b.downloads ? a.hubId.localeCompare(b.hubId) : a.downloads > b.downloads ? -1 : 1;
    const pages: { records: ModelRecord[]; commits: boolean }[] = [];
    for (const ns of namespaces) {
      const pool = listed.filter((r) => r.namespace === ns).sort(order);
      const count = Math.max(1, Math.ceil(pool.length / PAGE_SIZE));
      for (let p = 0; p < count; p++)
        pages.push({ records: pool.slice(p * PAGE_SIZE, (p + 1) * PAGE_SIZE), commits: p === count - 1 });
    }
    const global = [...listed].sort(order);
    for (let offset = 0; ; offset += PAGE_SIZE) {
      const page = global.slice(offset, offset + PAGE_SIZE);
      const kept = page.filter((r) => r.downloads >= BigInt(MIN_DOWNLOADS));
      const done = kept.length < page.length || offset + PAGE_SIZE >= global.length;
      // The crawl keeps a page's models down to the first under the threshold.
      const firstBelow = page.findIndex((r) => r.downloads < BigInt(MIN_DOWNLOADS));
      pages.push({ records: firstBelow < 0 ? page : page.slice(0, firstBelow), commits: done });
      if (done) break;
    }
    return pages;
  }

  private registryNamespaces(): string[] {
    return Object.keys(this.registry).sort();
  }

  /** What a crawl that succeeds (or fails at its `failAt`-th request) does. Returns the outcome. */
  crawl(day: string, failAt: number | null): "published" | "up-to-date" | "failed" | "stored" {
    const d = this.date(day);
    if (d.crawl?.status === "published") return "up-to-date";
    const namespaces = this.registryNamespaces();
    const pages = this.crawlPages(day, namespaces);
    const resume = d.crawl?.status === "failed" && d.crawl.namespaces.join() === namespaces.join();
    let cursor = resume && d.crawl ? d.crawl.cursor : 0;
    // A crawl takes its date from a weekly file.
    if (d.week === "published") {
      d.week = null;
      d.population = null;
    }
    let served = 0;
    let batch: ModelRecord[] = [];
    for (let p = cursor; p < pages.length; p++, served++) {
      if (failAt !== null && served === failAt) {
        // A run that committed no page keeps no cursor: it holds nothing, resumes nothing (an older
        // failed run, of another registry, still holds the date with its own).
        if (cursor > 0) d.crawl = { status: "failed", cursor, namespaces };
        return "failed";
      }
      const page = pages[p] as { records: ModelRecord[]; commits: boolean };
      batch.push(...page.records);
      if (page.commits) {
        this.store(batch);
        batch = [];
        cursor = p + 1;
      }
    }
    d.crawl = { status: "published", cursor: pages.length, namespaces };
    d.population = this.populationFrom(pages.flatMap((p) => p.records));
    return "published";
  }

  /** A test crawl: refused on a date a full run holds, else its listings are stored. */
  test(day: string, orgs: string[]): "refused" | "stored" {
    const d = this.date(day);
    if (d.crawl || d.week) return "refused";
    const listed = this.world.models.map((m) => recordAt(m, day)).filter((r): r is ModelRecord => r !== null);
    this.store(listed.filter((r) => orgs.includes(r.namespace)));
    d.tested = true;
    return "stored";
  }

  /** A weekly file: skipped on a date a crawl holds or that it did already. */
  week(n: number): "published" | "skipped" | "done" {
    const { date } = WEEKS[n] as (typeof WEEKS)[number];
    const d = this.date(date);
    if (d.week) return "done";
    if (d.crawl) return "skipped";
    const i = dayIndex(date);
    const rows: ModelRecord[] = [];
    for (const m of this.world.models) {
      const r = recordAt(m, date);
      if (!r) continue;
      if (this.registry[m.namespace] || (m.days[i] as DayState).downloads >= BigInt(MIN_DOWNLOADS))
        rows.push(r);
    }
    this.store(rows);
    d.week = "published";
    d.population = this.populationFrom(rows);
    return "published";
  }

  private populationFrom(records: ModelRecord[]): Map<string, ModelRecord> {
    return new Map(records.map((r) => [r.hubId, r]));
  }

  /** Published dates, in order. */
  published(): string[] {
    return [...this.dates.entries()]
      .filter(([, d]) => d.population !== null)
      .map(([day]) => day)
      .sort();
  }

  population(day: string): Map<string, ModelRecord> {
    return this.dates.get(day)?.population ?? new Map();
  }

  /** The namespace a model counts for by lineage at `day` (its own when it has no base). */
  lineageNamespace(day: string, record: ModelRecord): string {
    const population = this.population(day);
    const byKey = new Map([...population.values()].map((r) => [r.hubId.toLowerCase(), r]));
    const path = new Set([record.hubId.toLowerCase()]);
    let cur = record.baseModels[0] ?? null;
    if (cur === null) return record.namespace;
    for (let depth = 0; depth < 32; depth++) {
      const key: string = cur.toLowerCase();
      const stored = this.stored.get(key);
      if (!stored) return cur.split("/")[0] as string;
      const listed = byKey.get(key);
      let next: string | null;
      if (listed) next = listed.baseModels[0] ?? null;
      else {
        const bases: Set<string> = this.storedBases.get(key) ?? new Set<string>();
        if (bases.size > 1) return stored.namespace;
        next = [...bases][0] || null;
      }
      if (next === null || path.has(next.toLowerCase()) || next.toLowerCase() === key)
        return stored.namespace;
      path.add(key);
      cur = next;
    }
    return this.stored.get(cur.toLowerCase())?.namespace ?? (cur.split("/")[0] as string);
  }
}

/** A model of a world written out by hand (`sketchWorld`). */
export type ModelSketch = {
  id: string;
  /** Its 30-day count, every day */
  downloads: bigint;
  /** The first base it names from each day on (the first entry's day is irrelevant: it holds from the start) */
  bases: [day: string, base: string | null][];
  /** Days it is not listed (listed on every other day) */
  absent?: string[];
};

/**
 * A world for a fixed sequence: every model is a text-generation model of transformers created
 * on 2025-01-01, listed every day but its absent ones, naming the bases its sketch gives.
 */
export function sketchWorld(models: ModelSketch[]): World {
  return {
    models: models.map((m) => {
      let allTime = 1_000_000n;
      return {
        id: m.id,
        namespace: m.id.split("/")[0] as string,
        attrs: DAYS.map((day) => {
          const from = m.bases.filter(([d], k) => k === 0 || d <= day).at(-1);
          return {
            task: "text-generation",
            library: "transformers",
            base: from ? from[1] : null,
            created: "2025-01-01T00:00:00.000Z",
          };
        }),
        days: DAYS.map((day) => {
          allTime += m.downloads;
          const state = m.absent?.includes(day) ? "absent" : "listed";
          return { state, downloads: m.downloads, allTime };
        }),
      };
    }),
  };
}
