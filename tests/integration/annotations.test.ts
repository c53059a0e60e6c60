import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { inflateSync } from "node:zlib";
import { unzipSync } from "fflate";
import { afterAll, describe, expect, it } from "vitest";
import { GET as oembedGET } from "@/app/api/oembed/route";
import { GET as shareGET } from "@/app/api/v1/share/route";
import { GET as pngGET } from "@/app/api/v1/share.png/route";
import { GET as svgGET } from "@/app/api/v1/share.svg/route";
import { GET as zipGET } from "@/app/api/v1/share.zip/route";
import { GET as embedGET } from "@/app/embed/share/route";
import { dataVersion } from "@/lib/db/data-version";
import { type OEmbed, oembedSchema, type ShareResult, shareResultSchema } from "@/lib/domain/answers";
import { ensureAnnotationsSynced } from "@/lib/origins/annotations-sync";
import { servedPopulationDatabase } from "../helpers/suite";
import { testBackends } from "../helpers/test-db";

const PREFIX = "ann";
const dir = mkdtempSync(path.join(tmpdir(), "oms-annotations-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Releases of the seeded labs, a counting change, and a release of a lab this registry lacks. */
const FILE = {
  annotations: [
    {
      id: "qw-one",
      date: "2024-10-03",
      kind: "release",
      lab: `${PREFIX}-qw`,
      model: `${PREFIX}-cn1/one`,
      label: "Qw One",
      text: "Qw releases One",
      source: "https://qw.example/one",
    },
    {
      id: "me-two",
      date: "2024-10-04",
      kind: "release",
      lab: `${PREFIX}-me`,
      model: `${PREFIX}-us1/two`,
      label: "Me Two",
      text: "Me releases Two",
      source: "https://me.example/two",
    },
    {
      id: "counting",
      date: "2024-10-05",
      kind: "counting-rule",
      lab: null,
      model: null,
      label: "Hub: X counted",
      text: "The Hub counts X",
      source: "https://hub.example/x",
    },
    {
      id: "elsewhere",
      date: "2024-10-06",
      kind: "release",
      lab: "not-a-lab",
      model: "nowhere/three",
      label: "Three",
      text: "Nobody releases Three",
      source: "https://nowhere.example/",
    },
  ],
};

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

const get = async (handler: Handler, url: string) => {
  const response = await handler(new Request(`http://127.0.0.1${url}`, { headers: { host: "127.0.0.1" } }), {
    params: Promise.resolve({}),
  });
  expect(response.status, url).toBe(200);
  return response;
};

/** The description's claim about the leader, made from the API's numbers here. */
function leaderOf(result: ShareResult): { name: string; share: string } {
  const last = result.points.findLast((p) => p.asOf !== null);
  const ranked = result.series
    .map((s) => ({ s, share: last?.values[s.key]?.share ?? -1 }))
    .sort((a, b) => b.share - a.share);
  const top = ranked[0];
  if (!top) throw new Error("no series");
  const names: Record<string, string> = {
    CN: "China",
    US: "the US",
    OTHER: "other countries",
    INTL: "international communities",
    UNKNOWN: "unattributed models",
  };
  return { name: names[top.s.key] ?? top.s.label, share: `${(top.share * 100).toFixed(1)} %` };
}

function pngTexts(png: Buffer): Record<string, string> {
  const texts: Record<string, string> = {};
  for (let at = 8; at < png.length; ) {
    const length = png.readUInt32BE(at);
    const type = png.toString("latin1", at + 4, at + 8);
    const data = png.subarray(at + 8, at + 8 + length);
    if (type === "iTXt") {
      const k = data.indexOf(0);
      const translatedEnd = data.indexOf(0, data.indexOf(0, k + 3) + 1);
      const body = data.subarray(translatedEnd + 1);
      texts[data.toString("latin1", 0, k)] = (data[k + 1] === 1 ? inflateSync(body) : body).toString("utf8");
    }
    at += 12 + length;
  }
  return texts;
}

describe.each(testBackends())("chart annotations and descriptions, on %s", (backend) => {
  const db = servedPopulationDatabase(backend, 21, PREFIX);
  const file = path.join(dir, `${backend}.json`);

  it("syncs the file once, leaving out a release of a lab the registry lacks", async () => {
    writeFileSync(file, JSON.stringify(FILE));
    expect(await ensureAnnotationsSynced(db, { file })).toEqual({
      annotations: 3,
      skipped: ['elsewhere (no lab "not-a-lab")'],
    });
    expect(await ensureAnnotationsSynced(db, { file })).toBeNull();
    const rows = await db.prisma.annotation.findMany({ orderBy: { id: "asc" } });
    expect(rows.map((r) => [r.id, r.labSlug, r.date.toISOString().slice(0, 10)])).toEqual([
      ["counting", null, "2024-10-05"],
      ["me-two", `${PREFIX}-me`, "2024-10-04"],
      ["qw-one", `${PREFIX}-qw`, "2024-10-03"],
    ]);
  });

  it("answers each chart with the events of the series it draws", async () => {
    const ids = async (query: string) => {
      const body = shareResultSchema.parse(await (await get(shareGET, `/api/v1/share?${query}`)).json());
      return body.annotations.map((a) => `${a.id}:${a.series}`);
    };
    expect(await ids("groupBy=region&from=2024-10-01")).toEqual(["qw-one:CN", "me-two:US", "counting:null"]);
    expect(await ids(`groupBy=lab&labs=${PREFIX}-me&from=2024-10-01`)).toEqual([
      `me-two:${PREFIX}-me`,
      "counting:null",
    ]);
    expect(await ids("groupBy=country&countries=CN&from=2024-10-01")).toEqual(["qw-one:CN", "counting:null"]);
    expect(await ids("groupBy=region&from=2024-10-05")).toEqual(["counting:null"]);
  });

  it("draws the markers on embeds and images, and none with annotations=off", async () => {
    const query = "groupBy=region&from=2024-10-01&interval=day";
    const embed = await (await get(embedGET, `/embed/share?${query}`)).text();
    expect(embed).toContain('class="annotation"');
    expect(embed).toContain(">Qw One</text>");
    expect(embed).toContain('href="https://qw.example/one"');
    const svg = await (await get(svgGET, `/api/v1/share.svg?${query}`)).text();
    expect(svg.match(/class="annotation"/g)).toHaveLength(3);
    for (const [handler, url] of [
      [embedGET as Handler, `/embed/share?${query}&annotations=off`],
      [svgGET, `/api/v1/share.svg?${query}&annotations=off`],
    ] as const)
      expect(await (await get(handler, url)).text()).not.toMatch(/class="annotation|Marked:/);
  });

  it("describes the same chart alike in oEmbed, the zip's README, the PNG and the embed", async () => {
    const query = "groupBy=region&from=2024-10-01";
    const result = shareResultSchema.parse(await (await get(shareGET, `/api/v1/share?${query}`)).json());
    const leader = leaderOf(result);
    const oembed: OEmbed = oembedSchema.parse(
      await (await get(oembedGET, `/api/oembed?url=${encodeURIComponent(`/embed/share?${query}`)}`)).json(),
    );
    const description = oembed.description;
    expect(description).toMatch(/^Line chart: Share of 30-day downloads by country of origin, /);
    expect(description).toMatch(
      new RegExp(`Leader at the end \\([^)]+\\): ${leader.name} with ${leader.share}`),
    );
    expect(description).toContain(
      "Marked on the chart: Qw One (3 Oct 2024); Me Two (4 Oct 2024); Hub: X counted (5 Oct 2024).",
    );

    const zip = unzipSync(
      new Uint8Array(await (await get(zipGET, `/api/v1/share.zip?${query}`)).arrayBuffer()),
    );
    const readme = new TextDecoder().decode(zip["README.md"]);
    expect(readme).toContain(`## The chart in words\n\n${description}\n`);
    expect(readme).toContain("- 3 Oct 2024: Qw releases One. Source: https://qw.example/one");
    expect(readme).toContain("- 5 Oct 2024: The Hub counts X. Source: https://hub.example/x");

    const png = Buffer.from(
      await (await get(pngGET, `/api/v1/share.png?${query}&width=640&height=400`)).arrayBuffer(),
    );
    expect(pngTexts(png).Description).toBe(description);

    const embed = await (await get(embedGET, `/embed/share?${query}`)).text();
    const escaped = description.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
    expect(embed).toContain(`<p id="chart-description" class="visually-hidden">${escaped}</p>`);
    expect(embed).toContain('aria-describedby="chart-description"');
  });

  it("describes a de and a zh-CN chart in its language, alike everywhere, and lists its events so; the zip stays English", async () => {
    const query = "groupBy=region&from=2024-10-01";
    const expected = {
      de: {
        start: "Liniendiagramm: Anteil an den 30-Tage-Downloads nach Herkunftsland, ",
        leader: "Spitzenreiter am Ende (",
        events:
          "Im Diagramm markiert: Qw One (3. Okt. 2024); Me Two (4. Okt. 2024); Hub: X counted (5. Okt. 2024).",
        marked: [
          '<p class="muted small events">Markiert: <a href="https://qw.example/one"',
          ">Qw One</a> (3. Okt. 2024)",
        ],
      },
      "zh-CN": {
        start: "折线图：按来源国划分的近 30 天下载量份额，",
        leader: "领先",
        events:
          "图中标注：Qw One（2024年10月3日）；Me Two（2024年10月4日）；Hub: X counted（2024年10月5日）。",
        marked: [
          '<p class="muted small events">图中标注：<a href="https://qw.example/one"',
          ">Qw One</a>（2024年10月3日）",
        ],
      },
    } as const;
    const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
    for (const locale of ["de", "zh-CN"] as const) {
      const localized = `${query}&locale=${locale}`;
      const oembed: OEmbed = oembedSchema.parse(
        await (
          await get(oembedGET, `/api/oembed?url=${encodeURIComponent(`/embed/share?${localized}`)}`)
        ).json(),
      );
      const description = oembed.description;
      expect(description.startsWith(expected[locale].start), description).toBe(true);
      expect(description).toContain(expected[locale].leader);
      expect(description).toContain(expected[locale].events);
      expect(description).not.toMatch(/Leader|Marked/);

      const png = Buffer.from(
        await (await get(pngGET, `/api/v1/share.png?${localized}&width=640&height=400`)).arrayBuffer(),
      );
      expect(pngTexts(png).Description).toBe(description);
      const svg = await (await get(svgGET, `/api/v1/share.svg?${localized}`)).text();
      expect(svg).toContain(`<desc>${escapeHtml(description)}</desc>`);
      const embed = await (await get(embedGET, `/embed/share?${localized}`)).text();
      expect(embed).toContain(
        `<p id="chart-description" class="visually-hidden">${escapeHtml(description)}</p>`,
      );
      // The events listed under the chart, in the same words and dates.
      for (const part of expected[locale].marked) expect(embed).toContain(part);

      // The bundle is the archival copy, in English whatever the locale asked for.
      const zip = unzipSync(
        new Uint8Array(await (await get(zipGET, `/api/v1/share.zip?${localized}`)).arrayBuffer()),
      );
      expect(new TextDecoder().decode(zip["README.md"])).toContain("## The chart in words\n\nLine chart: ");
    }
    // oEmbed's title names a cohort other than all: in the locale too, as the description repeats it.
    const newModels = `/embed/share?${query}&cohort=new-12m&locale=de`;
    const titled = oembedSchema.parse(
      await (await get(oembedGET, `/api/oembed?url=${encodeURIComponent(newModels)}`)).json(),
    );
    expect(titled.title).toBe(
      "Anteil an den 30-Tage-Downloads nach Herkunftsland — Neue Modelle (erste 12 Monate)",
    );
    expect(titled.description.startsWith(`Liniendiagramm: ${titled.title}, `), titled.description).toBe(true);
  });

  it("keeps a pinned chart's markers when the file changes later", async () => {
    const pinned = Number(await dataVersion(db));
    const [qwOne, , counting] = FILE.annotations;
    writeFileSync(
      file,
      JSON.stringify({
        annotations: [
          { ...qwOne, label: "Qw One, renamed" },
          counting,
          { ...counting, id: "counting-2", date: "2024-10-07", label: "Hub: Y counted" },
        ],
      }),
    );
    expect(await ensureAnnotationsSynced(db, { file })).toEqual({ annotations: 3, skipped: [] });
    const markers = async (extra: string) => {
      const url = `/api/v1/share?groupBy=region&from=2024-10-01&to=2024-10-20${extra}`;
      const body = shareResultSchema.parse(await (await get(shareGET, url)).json());
      return body.annotations.map((a) => `${a.id}:${a.label}`);
    };
    expect(await markers(`&version=${pinned}`)).toEqual([
      "qw-one:Qw One",
      "me-two:Me Two",
      "counting:Hub: X counted",
    ]);
    expect(await markers("")).toEqual([
      "qw-one:Qw One, renamed",
      "counting:Hub: X counted",
      "counting-2:Hub: Y counted",
    ]);
    // The unchanged annotation is not copied: one row for it, two for the renamed one.
    expect(await db.prisma.annotation.count({ where: { id: "counting" } })).toBe(1);
    expect(await db.prisma.annotation.count({ where: { id: "qw-one" } })).toBe(2);
  });
});
