import { describe, expect, it } from "vitest";
import { GET as sensitivityGET } from "@/app/api/v1/sensitivity/route";
import { GET as shareGET } from "@/app/api/v1/share/route";
import { sensitivitySchema } from "@/lib/domain/answers";
import { servedPopulationDatabase } from "../helpers/suite";
import { testBackends } from "../helpers/test-db";

const none = { params: Promise.resolve({}) };
const get = async (route: typeof shareGET, path: string) => {
  const res = await route(new Request(`http://127.0.0.1${path}`), none);
  expect(res.status, path).toBe(200);
  return res;
};

type SharePoint = {
  date: string;
  asOf: string | null;
  total: string | null;
  values: Record<string, { share: number | null }>;
};

/** The latest period with a value of a share answer, read from its JSON as a reader would. */
async function latestShares(query: URLSearchParams) {
  const body = (await (await get(shareGET, `/api/v1/share?${query}`)).json()) as { points: SharePoint[] };
  let latest: SharePoint | undefined;
  for (const p of body.points) if (p.asOf !== null && p.total !== null) latest = p;
  return {
    period: latest?.date ?? null,
    CN: latest?.values.CN?.share ?? null,
    US: latest?.values.US?.share ?? null,
  };
}

describe.each(testBackends())("GET /api/v1/sensitivity on %s", (backend) => {
  servedPopulationDatabase(backend, 5, "sens");

  const charts = [
    "metric=downloads&cohort=new-12m&from=2024-10-01&to=2025-03-01",
    "groupBy=lab&attribution=lineage&repacks=to-base&interval=week&from=2024-10-01&to=2025-02-01",
    "metric=cumulative&task=text-generation&derivatives=exclude&cohort=created-2024&interval=day&from=2024-10-01&to=2025-01-15",
  ];

  for (const chart of charts)
    it(`each row equals the share answer with that switch changed (${chart})`, async () => {
      const res = await get(sensitivityGET, `/api/v1/sensitivity?${chart}`);
      const body = sensitivitySchema.parse(await res.json());
      const switches = new Set(body.rows.map((r) => r.switch));
      expect([...switches]).toEqual([
        "attribution",
        "repacks",
        "derivatives",
        "cohort",
        "metric",
        "population",
      ]);
      const asked = new URLSearchParams(chart);
      for (const row of body.rows) {
        const query = new URLSearchParams(asked);
        // The headline is by country of origin, whatever the chart's series.
        query.delete("groupBy");
        query.set(row.switch, row.option);
        const want = await latestShares(query);
        const label = `${chart} ${row.switch}=${row.option}`;
        expect(row.period, label).toBe(want.period);
        expect(row.CN, label).toBe(want.CN);
        expect(row.US, label).toBe(want.US);
        expect(row.current, label).toBe(
          row.option === (asked.get(row.switch) ?? String(body.query[row.switch as keyof typeof body.query])),
        );
        const current = body.rows.find((r) => r.switch === row.switch && r.current);
        expect(current?.CN, label).toBe(body.headline.CN);
        expect(row.difference.CN, label).toBe(
          row.CN === null || body.headline.CN === null ? null : row.CN - body.headline.CN,
        );
        expect(row.difference.US, label).toBe(
          row.US === null || body.headline.US === null ? null : row.US - body.headline.US,
        );
      }
      // Every switch has exactly one current choice.
      for (const s of switches) expect(body.rows.filter((r) => r.switch === s && r.current)).toHaveLength(1);
    });

  it("answers CSV, and 400 naming a bad switch", async () => {
    const csv = await get(sensitivityGET, "/api/v1/sensitivity?format=csv&repacks=exclude");
    const text = await csv.text();
    expect(text.split("\n")[0]).toContain("switch,option,label,current");
    expect(text).toContain("repacks,to-base");
    const bad = await sensitivityGET(new Request("http://127.0.0.1/api/v1/sensitivity?repacks=base"), none);
    expect(bad.status).toBe(400);
    expect(JSON.stringify(await bad.json())).toContain("repacks");
  });
});
