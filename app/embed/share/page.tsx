import type { Metadata } from "next";
import { EmbedView } from "@/components/embed/embed-view";
import { getShareAnswer } from "@/lib/analytics/answers";
import { ApiError } from "@/lib/api/errors";
import { parseEmbedQuery } from "@/lib/api/image-query";
import { chartGeometry } from "@/lib/charts/layout";
import { getDb } from "@/lib/db";
import { isDatabaseUnavailable } from "@/lib/db/errors";
import { shareQueryString } from "@/lib/domain/share-query";
import { SITE_NAME } from "@/lib/site";

export const dynamic = "force-dynamic";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

function toParams(raw: Record<string, string | string[] | undefined>): URLSearchParams {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(raw))
    for (const item of Array.isArray(v) ? v : v ? [v] : []) params.append(k, item);
  return params;
}

export async function generateMetadata({ searchParams }: { searchParams: SearchParams }): Promise<Metadata> {
  const params = toParams(await searchParams);
  const image = `/api/v1/share.png?${params.toString()}`;
  return {
    title: params.get("title") || "Share of open-model downloads",
    robots: { index: false },
    openGraph: { images: [{ url: image, width: 1200, height: 630 }] },
    twitter: { card: "summary_large_image", images: [image] },
    alternates: {
      types: {
        "application/json+oembed": `/api/oembed?url=${encodeURIComponent(`/embed/share?${params.toString()}`)}`,
      },
    },
  };
}

export default async function EmbedSharePage({ searchParams }: { searchParams: SearchParams }) {
  const params = toParams(await searchParams);
  let parsed: ReturnType<typeof parseEmbedQuery>;
  try {
    parsed = parseEmbedQuery(params);
  } catch (error) {
    if (error instanceof ApiError)
      return (
        <EmbedMessage title="This embed link is invalid" detail={error.message} theme={params.get("theme")} />
      );
    throw error;
  }
  const { share, presentation } = parsed;
  try {
    const { result, stale } = await getShareAnswer(await getDb(), share);
    const title =
      presentation.title || chartGeometry(result, { width: 800, height: 400, siteName: SITE_NAME }).title;
    return (
      <div data-theme={presentation.theme} style={{ background: "var(--bg)", color: "var(--fg)" }}>
        <EmbedView
          result={result}
          title={title}
          height={presentation.height ?? null}
          permalink={`/?${shareQueryString({ ...share, groupBy: share.groupBy === "region" ? undefined : share.groupBy })}`}
          siteName={SITE_NAME}
          stale={stale}
        />
      </div>
    );
  } catch (error) {
    if (isDatabaseUnavailable(error)) {
      return (
        <EmbedMessage
          title="Figures briefly unavailable"
          detail="The data source cannot be reached right now; this chart will be back shortly."
          theme={presentation.theme}
        />
      );
    }
    throw error;
  }
}

function EmbedMessage({ title, detail, theme }: { title: string; detail: string; theme: string | null }) {
  return (
    <div
      data-theme={theme === "dark" ? "dark" : "light"}
      role="alert"
      style={{ padding: 16, background: "var(--bg)", color: "var(--fg)", minHeight: "100vh" }}
    >
      <strong>{title}</strong>
      <p className="muted small">{detail}</p>
      <p className="small">{SITE_NAME}</p>
    </div>
  );
}
