import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { GET as modelGET } from "@/app/api/v1/models/[namespace]/[name]/route";
import { GET as modelsGET } from "@/app/api/v1/models/route";
import { listModels } from "@/lib/analytics/models";
import { useDatabase } from "@/lib/db";
import { MODEL_SORTS, type ModelsQuery, modelsQuerySchema } from "@/lib/domain/models-query";
import { syncRegistry } from "@/lib/origins/sync";
import type { ModelRecord } from "@/lib/store/model-record";
import { writeSnapshots } from "@/lib/store/write-snapshots";
import { modelRecord } from "../factories/model-record";
import { prng, testRegistry } from "../factories/population";
import { suiteDatabase } from "../helpers/suite";
import { testBackends } from "../helpers/test-db";

/**
 * The models listing is read in chunks of ids with the read's time limit checked between them
 * (lib/analytics/models.ts): its pages must be exactly what one sort of every model gives (an
 * oracle written here, over the records the test wrote), a search must give way to other requests
 * on the embedded database's single connection, and a read past its limit is a 503.
 */
const PREFIX = "bnd";
const LATEST = "2025-06-02";

type Expected = {
  hubId: string;
  downloads30d: bigint | null;
  downloadsAllTime: bigint | null;
  likes: number | null;
  createdAt: Date | null;
};

/** Models with ties, nulls (no snapshot at the latest date, no creation date) and case to search. */
function fixture(count: number, seed: number): { early: ModelRecord[]; latest: ModelRecord[] } {
  const rand = prng(seed);
  const namespaces = testRegistry(PREFIX).organizations.map((o) => o.namespace);
  const early: ModelRecord[] = [];
  const latest: ModelRecord[] = [];
  for (let i = 0; i < count; i++) {
    const namespace = namespaces[i % namespaces.length] as string;
    const record = modelRecord({
      hubId: `${namespace}/${rand() < 0.3 ? "Big" : "small"}-M${i}`,
      createdAt: rand() < 0.15 ? null : new Date(Date.UTC(2024, 0, 1) + Math.floor(rand() * 20) * 86_400_000),
      downloads: BigInt(Math.floor(rand() * 6) * 1000),
      downloadsAllTime: rand() < 0.2 ? null : BigInt(Math.floor(rand() * 4) * 10_000),
      likes: Math.floor(rand() * 5),
    });
    // A fifth of the models are not in the latest crawl: no counts at the latest date.
    (rand() < 0.2 ? early : latest).push(record);
  }
  return { early, latest };
}

function expectedOrder(rows: Expected[], q: ModelsQuery): Expected[] {
  const value = (r: Expected): bigint | null => {
    const v = {
      downloads30d: r.downloads30d,
      downloadsAllTime: r.downloadsAllTime,
      likes: r.likes,
      createdAt: r.createdAt,
    }[q.sort];
    if (v === null) return null;
    return typeof v === "bigint" ? v : BigInt(v instanceof Date ? v.getTime() : v);
  };
  const sign = q.order === "desc" ? -1 : 1;
  return rows
    .filter((r) => !q.q || r.hubId.toLowerCase().includes(q.q.toLowerCase()))
    .sort((a, b) => {
      const [x, y] = [value(a), value(b)];
      if (x !== y) {
        if (x === null) return 1;
        if (y === null) return -1;
        return x < y ? -sign : sign;
      }
      return Buffer.compare(Buffer.from(a.hubId), Buffer.from(b.hubId));
    });
}

const envKeys = ["DATABASE_READ_CHUNK", "DATABASE_READ_TIMEOUT_MS"] as const;
const none = { params: Promise.resolve({}) };

describe.each(testBackends())("the models listing, bounded, on %s", (backend) => {
  const db = suiteDatabase(backend);
  const rows: Expected[] = [];

  beforeAll(async () => {
    await syncRegistry(db, testRegistry(PREFIX));
    const { early, latest } = fixture(1_200, 11);
    await writeSnapshots(db, [...early, ...latest], "2025-06-01", { runId: null });
    await writeSnapshots(db, latest, LATEST, { runId: null });
    for (const asOf of ["2025-06-01", LATEST])
      await db.prisma.ingestRun.create({
        data: {
          asOf: new Date(`${asOf}T00:00:00Z`),
          status: "succeeded",
          trigger: "test",
          finishedAt: new Date(),
        },
      });
    const inLatest = new Set(latest.map((m) => m.hubId));
    for (const m of [...early, ...latest]) {
      const counted = inLatest.has(m.hubId);
      rows.push({
        hubId: m.hubId,
        downloads30d: counted ? m.downloads : null,
        downloadsAllTime: counted ? m.downloadsAllTime : null,
        likes: counted ? m.likes : null,
        createdAt: m.createdAt,
      });
    }
    useDatabase(db);
  });
  afterEach(() => {
    for (const key of envKeys) delete process.env[key];
  });

  it("gives every order and page exactly as one sort of every model would, read in many chunks", async () => {
    process.env.DATABASE_READ_CHUNK = "97";
    for (const sort of MODEL_SORTS)
      for (const order of ["desc", "asc"] as const)
        for (const [page, limit, q] of [
          ["1", "25", undefined],
          ["3", "40", undefined],
          ["2", "7", "big-m1"],
          ["1", "100", "SMALL"],
          ["12", "100", undefined],
        ] as const) {
          const query = modelsQuerySchema.parse({ sort, order, page, limit, ...(q ? { q } : {}) });
          const answer = await listModels(db, query);
          const all = expectedOrder(rows, query);
          const want = all.slice((query.page - 1) * query.limit, query.page * query.limit);
          const label = JSON.stringify({ sort, order, page, limit, q });
          expect(answer.total, label).toBe(all.length);
          expect(
            answer.models.map((m) => [m.hubId, m.downloads30d, m.downloadsAllTime, m.likes, m.createdAt]),
            label,
          ).toEqual(
            want.map((m) => [
              m.hubId,
              m.downloads30d,
              m.downloadsAllTime,
              m.likes,
              m.createdAt?.toISOString() ?? null,
            ]),
          );
        }
  });

  it("refuses pages past 10,000 models deep with a 400 that says why", async () => {
    const res = await modelsGET(new Request("http://127.0.0.1/api/v1/models?page=101&limit=100"), none);
    expect(res.status).toBe(400);
    expect((await res.json()).error.issues[0]).toMatchObject({ path: "page", message: /10,000 models/ });
    const last = await modelsGET(new Request("http://127.0.0.1/api/v1/models?page=100&limit=100"), none);
    expect(last.status).toBe(200);
    expect((await last.json()).pages).toBe(12);
  });

  it("lets another request through while a search reads every model", async () => {
    process.env.DATABASE_READ_CHUNK = "3";
    const finished: string[] = [];
    // A search that matches every model and asks for a deep page: 400 chunks, two statements each.
    const search = modelsGET(
      new Request("http://127.0.0.1/api/v1/models?q=m&sort=likes&page=9&limit=100"),
      none,
    ).then(async (res) => {
      finished.push("search");
      return res;
    });
    const [namespace, name] = (rows[0]?.hubId ?? "").split("/") as [string, string];
    const other = modelGET(new Request(`http://127.0.0.1/api/v1/models/${namespace}/${name}`), {
      params: Promise.resolve({ namespace, name }),
    }).then((res) => {
      finished.push("model");
      return res;
    });
    const [searched, model] = await Promise.all([search, other]);
    expect(model.status).toBe(200);
    expect(searched.status).toBe(200);
    expect(finished).toEqual(["model", "search"]);
  });

  it("ends a read that passes its time limit in a 503, on the embedded database too", async () => {
    process.env.DATABASE_READ_CHUNK = "5";
    process.env.DATABASE_READ_TIMEOUT_MS = "1";
    const res = await modelsGET(new Request("http://127.0.0.1/api/v1/models?q=small&sort=createdAt"), none);
    expect(res.status).toBe(503);
    expect(res.headers.get("retry-after")).toBe("30");
    expect((await res.json()).error).toMatchObject({ code: "service_unavailable", message: /took too long/ });
  });
});
