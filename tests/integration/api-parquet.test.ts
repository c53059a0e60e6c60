import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as gapGET } from "@/app/api/v1/attribution-gap/route";
import { GET as labsGET } from "@/app/api/v1/labs/route";
import { GET as modelsGET } from "@/app/api/v1/models/route";
import { GET as shareGET } from "@/app/api/v1/share/route";
import { duckdbExample } from "@/components/api-docs/duckdb-example";
import { refreshRollups } from "@/lib/analytics/rollups";
import { useDatabase } from "@/lib/db";
import { dataVersion } from "@/lib/db/data-version";
import { refreshLineage } from "@/lib/origins/lineage";
import { syncRegistry } from "@/lib/origins/sync";
import type { ModelRecord } from "@/lib/store/model-record";
import { writeSnapshots } from "@/lib/store/write-snapshots";
import { testRegistry } from "../factories/population";
import { createTestDatabase, type TestDatabase, testBackends } from "../helpers/test-db";

/**
 * format=parquet read back by an independent reader, DuckDB: typed columns, counts exact past
 * 2^53 (each count here is odd and above it, so a double would round it), the notes in the file's
 * key-value metadata, and byte ranges as DuckDB over HTTP asks for them.
 */

const P = "pq";
const TWO_53 = 2n ** 53n;
const DATES = ["2025-03-01", "2025-03-02"];
/** namespace → 30-day downloads per date (index of DATES), all-time the same plus a constant */
const MODELS: { hubId: string; region: "CN" | "US" | "UNKNOWN"; downloads: bigint[] }[] = [
  { hubId: `${P}-cn1/a`, region: "CN", downloads: [TWO_53 + 1n, TWO_53 + 3n] },
  { hubId: `${P}-cn2/b`, region: "CN", downloads: [3n * TWO_53 + 5n, 2n * TWO_53 + 7n] },
  { hubId: `${P}-us1/c`, region: "US", downloads: [TWO_53 + 9n, 4n * TWO_53 + 11n] },
  { hubId: `${P}-u1/d`, region: "UNKNOWN", downloads: [TWO_53 + 13n, TWO_53 + 15n] },
];
const ALL_TIME_EXTRA = 1_000_003n;

const url = (p: string, headers: Record<string, string> = {}) =>
  new Request(`http://127.0.0.1${p}`, { headers });
const none = { params: Promise.resolve({}) };

describe.each(testBackends())("format=parquet on %s", (backend) => {
  let db: TestDatabase;
  let dir: string;
  let duck: Awaited<ReturnType<DuckDBInstance["connect"]>>;
  let files = 0;

  beforeAll(async () => {
    db = await createTestDatabase(backend);
    await syncRegistry(db, testRegistry(P));
    for (const [d, date] of DATES.entries()) {
      const page: ModelRecord[] = MODELS.map((m) => ({
        hubId: m.hubId,
        namespace: m.hubId.split("/")[0] as string,
        createdAt: new Date("2024-06-01T00:00:00Z"),
        lastModified: null,
        pipelineTag: "text-generation",
        libraryName: "transformers",
        license: null,
        gated: false,
        parameters: null,
        baseModels: [],
        baseRelation: null,
        downloads: m.downloads[d] as bigint,
        downloadsAllTime: (m.downloads[d] as bigint) + ALL_TIME_EXTRA,
        likes: 1,
      }));
      await writeSnapshots(db, page, date, { runId: null });
      await db.prisma.ingestRun.create({
        data: {
          asOf: new Date(`${date}T00:00:00Z`),
          status: "succeeded",
          trigger: "test",
          finishedAt: new Date(),
        },
      });
    }
    await refreshLineage(db);
    await refreshRollups(db, null);
    useDatabase(db);
    dir = mkdtempSync(path.join(os.tmpdir(), "oms-parquet-"));
    duck = await (await DuckDBInstance.create(":memory:")).connect();
  });
  afterAll(async () => {
    duck?.closeSync();
    if (dir) rmSync(dir, { recursive: true, force: true });
    await db?.drop();
  });

  /** The answer's bytes as a file DuckDB reads. */
  async function saved(res: Response): Promise<string> {
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/vnd.apache.parquet");
    expect(res.headers.get("content-disposition")).toMatch(/attachment; filename=".*\.parquet"/);
    const file = path.join(dir, `answer-${files++}.parquet`);
    writeFileSync(file, new Uint8Array(await res.arrayBuffer()));
    return file;
  }
  const rows = async (sql: string) => (await duck.runAndReadAll(sql)).getRowObjectsJson();
  const types = async (file: string) =>
    Object.fromEntries(
      (await rows(`DESCRIBE SELECT * FROM '${file}'`)).map((r) => [r.column_name, r.column_type]),
    );

  /** What the fixture says a region's 30-day downloads are at a date, summed here. */
  const regionSum = (region: string, d: number) =>
    MODELS.filter((m) => m.region === region).reduce((s, m) => s + (m.downloads[d] as bigint), 0n);
  const total = (d: number) => MODELS.reduce((s, m) => s + (m.downloads[d] as bigint), 0n);

  it("writes the share answer with typed columns and exact counts", async () => {
    const file = await saved(
      await shareGET(
        url(`/api/v1/share?groupBy=region&interval=day&from=${DATES[0]}&to=${DATES[1]}&format=parquet`),
        none,
      ),
    );
    expect(await types(file)).toEqual({
      bucket_start: "DATE",
      snapshot_date: "DATE",
      series: "VARCHAR",
      label: "VARCHAR",
      downloads: "BIGINT",
      share: "DOUBLE",
      total_downloads: "BIGINT",
      demo_data: "BOOLEAN",
    });
    const got = await rows(
      `SELECT strftime(bucket_start, '%Y-%m-%d') AS day, series, downloads::VARCHAR AS downloads,
        total_downloads::VARCHAR AS total, demo_data FROM '${file}' ORDER BY day, series`,
    );
    for (const [d, date] of DATES.entries())
      for (const region of ["CN", "US", "UNKNOWN"]) {
        const row = got.find((r) => r.day === date && r.series === region);
        expect(row, `${date} ${region}`).toMatchObject({
          downloads: regionSum(region, d).toString(),
          total: total(d).toString(),
          demo_data: false,
        });
        expect(regionSum(region, d) > TWO_53).toBe(true);
      }
  });

  it("puts the definitions, data version, source, licence, citation and demo flag in the metadata", async () => {
    const query = `/api/v1/share?groupBy=region&interval=week&format=parquet`;
    const file = await saved(await shareGET(url(query), none));
    const notes = Object.fromEntries(
      (
        await rows(`SELECT decode(key) AS key, decode(value) AS value FROM parquet_kv_metadata('${file}')`)
      ).map((r) => [r.key, r.value]),
    );
    expect(notes["open_model_share.definitions"]).toMatch(
      /share = series downloads \/ downloads of every model in scope/,
    );
    expect(notes["open_model_share.data_version"]).toBe(await dataVersion(db));
    expect(notes["open_model_share.data_as_of"]).toBe(DATES[1]);
    expect(notes["open_model_share.demo_data"]).toBe("false");
    expect(notes["open_model_share.source"]).toMatch(/Hugging Face Hub/);
    expect(notes["open_model_share.licence"]).toMatch(/Apache-2\.0/);
    const citation = notes["open_model_share.citation"] ?? "";
    expect(citation).toMatch(
      /^Open Model Share, ".+", Hugging Face Hub download counts as of 2025-03-02, data version \d+\. https?:\/\/\S+ \(accessed \d{4}-\d{2}-\d{2}\)\.$/,
    );
    expect(citation).toContain(`${query} (accessed`);
    expect(notes["open_model_share.query"]).toBe(query);
  });

  it("writes labs, models and the attribution gap with exact counts", async () => {
    const labs = await saved(await labsGET(url("/api/v1/labs?format=parquet"), none));
    expect(await types(labs)).toMatchObject({
      slug: "VARCHAR",
      models: "INTEGER",
      downloads_30d: "BIGINT",
      share: "DOUBLE",
    });
    const byLab = Object.fromEntries(
      (await rows(`SELECT slug, downloads_30d::VARCHAR AS d FROM '${labs}'`)).map((r) => [r.slug, r.d]),
    );
    expect(byLab[`${P}-qw`]).toBe(regionSum("CN", 1).toString());
    expect(byLab[`${P}-me`]).toBe(regionSum("US", 1).toString());

    const models = await saved(await modelsGET(url("/api/v1/models?format=parquet&limit=50"), none));
    expect(await types(models)).toMatchObject({
      hubId: "VARCHAR",
      createdAt: "TIMESTAMP WITH TIME ZONE",
      derivative: "BOOLEAN",
      downloads30d: "BIGINT",
      downloadsAllTime: "BIGINT",
      likes: "INTEGER",
    });
    const byModel = await rows(
      `SELECT hubId, downloads30d::VARCHAR AS d30, downloadsAllTime::VARCHAR AS d FROM '${models}'`,
    );
    expect(byModel).toHaveLength(MODELS.length);
    for (const m of MODELS)
      expect(byModel.find((r) => r.hubId === m.hubId)).toEqual({
        hubId: m.hubId,
        d30: (m.downloads[1] as bigint).toString(),
        d: ((m.downloads[1] as bigint) + ALL_TIME_EXTRA).toString(),
      });

    const gap = await saved(await gapGET(url("/api/v1/attribution-gap?format=parquet"), none));
    expect(await rows(`SELECT namespace, downloads_30d::VARCHAR AS d FROM '${gap}'`)).toEqual([
      { namespace: `${P}-u1`, d: regionSum("UNKNOWN", 1).toString() },
    ]);
  });

  it("answers the queries the API page shows, as DuckDB runs them", async () => {
    const origin = "http://127.0.0.1";
    const session = duckdbExample(origin);
    const urls = [
      ...new Set([...session.matchAll(/'(http:\/\/127\.0\.0\.1[^']+)'/g)].map((m) => m[1] as string)),
    ];
    expect(urls.length).toBeGreaterThanOrEqual(2);
    let sql = session.replace("INSTALL httpfs; LOAD httpfs;", "");
    for (const address of urls) {
      const { pathname, search } = new URL(address);
      const handler = pathname === "/api/v1/share" ? shareGET : pathname === "/api/v1/labs" ? labsGET : null;
      expect(handler, pathname).not.toBeNull();
      const file = await saved(await (handler as typeof shareGET)(url(`${pathname}${search}`), none));
      sql = sql.replaceAll(`'${address}'`, `'${file}'`);
    }
    for (const statement of sql
      .split(";")
      .map((s) => s.trim())
      .filter((s) => s.replace(/--.*$/gm, "").trim()))
      expect((await rows(statement)).length, statement).toBeGreaterThan(0);
  });

  it("answers byte ranges, 304 to its ETag, and 416 past the end", async () => {
    const query = "/api/v1/labs?format=parquet";
    const whole = await labsGET(url(query), none);
    const bytes = new Uint8Array(await whole.arrayBuffer());
    expect(whole.headers.get("accept-ranges")).toBe("bytes");
    expect(whole.headers.get("content-length")).toBe(String(bytes.byteLength));
    const footer = await labsGET(url(query, { range: "bytes=-8" }), none);
    expect(footer.status).toBe(206);
    expect(footer.headers.get("content-range")).toBe(
      `bytes ${bytes.byteLength - 8}-${bytes.byteLength - 1}/${bytes.byteLength}`,
    );
    const tail = new Uint8Array(await footer.arrayBuffer());
    expect(new TextDecoder().decode(tail.slice(4))).toBe("PAR1");
    const head = await labsGET(url(query, { range: "bytes=0-99" }), none);
    const rest = await labsGET(url(query, { range: "bytes=100-" }), none);
    const joined = new Uint8Array([
      ...new Uint8Array(await head.arrayBuffer()),
      ...new Uint8Array(await rest.arrayBuffer()),
    ]);
    expect(joined).toEqual(bytes);
    const past = await labsGET(url(query, { range: `bytes=${bytes.byteLength}-` }), none);
    expect(past.status).toBe(416);
    const etag = whole.headers.get("etag") ?? "";
    expect((await labsGET(url(query, { "if-none-match": etag }), none)).status).toBe(304);
  });
});
