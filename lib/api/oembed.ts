import { z } from "zod";
import { getLabsAnswer, getModelDetailAnswer, getShareAnswer } from "../analytics/answers";
import { chartDescription } from "../charts/alt-text";
import { chartModel, chartTitle, cohortWords } from "../charts/chart-model";
import { type ChartValues, chartUrl } from "../charts/chart-state";
import type { Database } from "../db";
import type { OEmbed } from "../domain/answers";
import { wholeNumber } from "../domain/query-fragments";
import { translator } from "../i18n";
import { SITE_NAME } from "../site";
import { readChartQuery } from "./chart-query";
import { ApiError } from "./errors";
import { parseEmbedQuery } from "./image-query";
// The answer is written in the chart's locale: each translated table is made known (lib/i18n).
import "../i18n/all-translations";

export const oembedQuerySchema = z.object({
  url: z
    .string()
    .min(1, "is required")
    .max(4000, "is too long")
    .describe("A link to a page of this site that shows a chart"),
  maxwidth: z.optional(wholeNumber(200, 2400)).describe("Widest iframe the consumer can show"),
  maxheight: z.optional(wholeNumber(200, 1600)).describe("Tallest iframe the consumer can show"),
  format: z.enum(["json"], { message: 'only "json" is supported' }).default("json"),
});

/** The chart a page of ours shows: the overview's, an embed's, a lab's, a model's lab's. */
async function chartOfPage(db: Database, url: URL): Promise<ChartValues | null> {
  const path = url.pathname.replace(/\/+$/, "") || "/";
  if (path === "/") return readChartQuery("page", url.searchParams);
  if (path === "/embed/share") return readChartQuery("embed", url.searchParams);
  const lab = /^\/labs\/([a-z0-9-]{1,41})$/.exec(path)?.[1];
  const model = /^\/models\/([^/]+)\/([^/]+)$/.exec(path);
  let slug = lab ?? null;
  if (model) {
    const detail = (
      await getModelDetailAnswer(
        db,
        `${decodeURIComponent(model[1] ?? "")}/${decodeURIComponent(model[2] ?? "")}`,
      )
    ).value.detail;
    slug = detail?.attribution?.developer.lab ?? null;
  }
  if (!slug) return null;
  return { ...readChartQuery("embed", new URLSearchParams()), groupBy: "lab", labs: [slug] };
}

/**
 * oEmbed (https://oembed.com) "rich" answer for a link to any page of ours that shows a chart —
 * the overview with its query, an embed, a lab's page, a model's page (its lab's chart) — so a
 * CMS turns a pasted link into the live iframe. The title names what is charted.
 */
export async function oembedFor(
  db: Database,
  input: z.infer<typeof oembedQuerySchema>,
  origin: string,
): Promise<OEmbed> {
  let url: URL;
  try {
    url = new URL(input.url, origin);
  } catch {
    throw new ApiError("bad_request", "url is not a valid URL.", [
      { path: "url", message: "is not a valid URL" },
    ]);
  }
  if (url.origin !== origin)
    throw new ApiError("not_found", `Only ${origin} links can be embedded.`, [
      { path: "url", message: "is not a link to this site" },
    ]);
  const chart = await chartOfPage(db, url);
  if (!chart)
    throw new ApiError(
      "not_found",
      "That page has no embeddable chart; link to the overview, a lab or /embed/share.",
    );
  const params = new URLSearchParams(chartUrl("embed", chart).split("?")[1] ?? "");
  const { share, presentation } = parseEmbedQuery(params);
  const labs = new Map((await getLabsAnswer(db)).value.labs.map((l) => [l.slug, l.name]));
  const named = share.labs?.map((s) => labs.get(s) ?? s) ?? [];
  const base = chartTitle(share, { ...presentation, title: undefined });
  const title =
    presentation.title ??
    `${base}${named.length ? `: ${named.join(", ")}` : ""}${share.cohort === "all" ? "" : ` — ${cohortWords(share.cohort, translator(presentation.locale)).label}`}`;
  const width = Math.min(input.maxwidth ?? 720, 720);
  const height = Math.min(input.maxheight ?? presentation.height ?? 520, presentation.height ?? 520);
  const src = `${origin}${chartUrl("embed", { ...chart, title, theme: presentation.theme })}`;
  const escapeHtml = (s: string) => s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
  const { result } = await getShareAnswer(db, share);
  const description = chartDescription(chartModel(result, { ...presentation, title }));
  return {
    version: "1.0",
    type: "rich",
    provider_name: SITE_NAME,
    provider_url: origin,
    title,
    width,
    height,
    html: `<iframe src="${escapeHtml(src)}" title="${escapeHtml(title)}" width="${width}" height="${height}" loading="lazy" style="width:100%;max-width:${width}px;border:0"></iframe><script src="${escapeHtml(origin)}/embed.js" async></script>`,
    thumbnail_url: `${origin}${chartUrl("png", { ...chart, title: undefined })}`,
    thumbnail_width: 1200,
    thumbnail_height: 630,
    description,
  };
}
