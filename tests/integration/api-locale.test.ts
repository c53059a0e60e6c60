import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as shareGET } from "@/app/api/v1/share/route";
import { refreshRollups } from "@/lib/analytics/rollups";
import { useDatabase } from "@/lib/db";
import { refreshLineage } from "@/lib/origins/lineage";
import { seedPopulation } from "../factories/population";
import { createTestDatabase, type TestDatabase, testBackends } from "../helpers/test-db";

const url = (path: string) => new Request(`http://127.0.0.1${path}`);
const none = { params: Promise.resolve({}) };
const QUESTION =
  "metric=downloads&groupBy=region&cohort=new-12m&from=2024-10-01&to=2025-03-01&interval=month";

type Json = {
  series: { key: string; label: string }[];
  points: { date: string; values: Record<string, { downloads: string; share: number | null }> }[];
};

/** A CSV answer's rows by column name, split on the delimiter the test expects (no field here is quoted). */
function rowsOf(text: string, delimiter: string) {
  const [head, ...lines] = text.split("\r\n").filter((l) => l !== "");
  const columns = (head ?? "").split(delimiter);
  return lines.map((line) => {
    const cells = line.split(delimiter);
    expect(cells).toHaveLength(columns.length);
    return Object.fromEntries(columns.map((c, i) => [c, cells[i] ?? ""]));
  });
}

describe.each(testBackends())("locale= on the share API, %s", (backend) => {
  let db: TestDatabase;
  let json: Json;
  beforeAll(async () => {
    db = await createTestDatabase(backend);
    await seedPopulation(db, 3, "loc");
    await refreshLineage(db);
    await refreshRollups(db, null);
    useDatabase(db);
    json = await (await shareGET(url(`/api/v1/share?${QUESTION}`), none)).json();
  });
  afterAll(async () => {
    await db?.drop();
  });

  const csv = async (locale: string | null) => {
    const res = await shareGET(
      url(`/api/v1/share?${QUESTION}&format=csv${locale ? `&locale=${locale}` : ""}`),
      none,
    );
    expect(res.status).toBe(200);
    return { text: await res.text(), name: res.headers.get("content-disposition") ?? "" };
  };

  /** Every row's share, read back with the decimal mark given, is the JSON answer's number. */
  function expectShares(rows: Record<string, string>[], decimal: string) {
    expect(rows.length).toBe(json.points.length * json.series.length);
    let compared = 0;
    for (const row of rows) {
      const want = json.points.find((p) => p.date === row.bucket_start)?.values[row.series ?? ""];
      expect(row.downloads).toBe(want?.downloads ?? "");
      if (want?.share === null || want?.share === undefined) expect(row.share).toBe("");
      else {
        expect(row.share).not.toMatch(decimal === "," ? /\./ : /,/);
        expect(Number((row.share ?? "").replace(decimal, "."))).toBe(want.share);
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(0);
  }

  it("without locale the CSV is machine-readable, and locale=en is the same file", async () => {
    const plain = await csv(null);
    expect((await csv("en")).text).toBe(plain.text);
    expect(plain.text.split("\r\n")[0]).toBe(
      "bucket_start,snapshot_date,series,label,downloads,share,total_downloads,demo_data",
    );
    const rows = rowsOf(plain.text, ",");
    expectShares(rows, ".");
    expect(new Set(rows.map((r) => r.label))).toEqual(
      new Set(["China", "United States", "Other countries", "International / online", "Unattributed"]),
    );
  });

  it("de: decimal comma, semicolons, German names; columns, keys, dates unchanged", async () => {
    const de = await csv("de");
    expect(de.name).toMatch(/-de\.csv"$/);
    expect(de.text.split("\r\n")[0]).toBe(
      "bucket_start;snapshot_date;series;label;downloads;share;total_downloads;demo_data",
    );
    const rows = rowsOf(de.text, ";");
    expectShares(rows, ",");
    expect(new Set(rows.map((r) => r.label))).toEqual(
      new Set(["China", "Vereinigte Staaten", "Andere Länder", "International / online", "Nicht zugeordnet"]),
    );
    expect(rows.every((r) => /^\d{4}-\d{2}-\d{2}$/.test(r.bucket_start ?? ""))).toBe(true);
  });

  it("zh-CN: decimal point and commas, Chinese names; fr: decimal comma, English names", async () => {
    const zh = rowsOf((await csv("zh-CN")).text, ",");
    expectShares(zh, ".");
    expect(new Set(zh.map((r) => r.label))).toEqual(
      new Set(["中国", "美国", "其他国家", "国际/在线社区", "未归属"]),
    );
    const fr = rowsOf((await csv("fr")).text, ";");
    expectShares(fr, ",");
    expect(fr.map((r) => r.label)).toContain("United States");
  });

  it("the JSON answer is the same in every locale; an unknown locale is a 400 naming it", async () => {
    const de = await (await shareGET(url(`/api/v1/share?${QUESTION}&locale=de`), none)).json();
    expect(de).toEqual(json);
    const bad = await shareGET(url(`/api/v1/share?${QUESTION}&locale=klingon`), none);
    expect(bad.status).toBe(400);
    const body = await bad.json();
    expect(body.error.issues.map((i: { path: string }) => i.path)).toContain("locale");
  });
});
