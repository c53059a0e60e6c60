import type { MetadataRoute } from "next";
import { headers } from "next/headers";
import { getLabsAnswer } from "@/lib/analytics/answers";
import { getDb } from "@/lib/db";
import { siteOrigin } from "@/lib/site";

export const dynamic = "force-dynamic";

/** The site's pages and every lab's page. */
export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  const origin = siteOrigin(await headers());
  const pages = ["/", "/labs", "/models", "/methodology", "/status", "/docs/api"].map((path) => ({
    url: `${origin}${path}`,
  }));
  const labs = (await getLabsAnswer(await getDb())).value.labs.map((l) => ({
    url: `${origin}/labs/${l.slug}`,
  }));
  return [...pages, ...labs];
}
