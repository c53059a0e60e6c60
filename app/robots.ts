import type { MetadataRoute } from "next";
import { headers } from "next/headers";
import { siteOrigin } from "@/lib/site";

/** Every page may be indexed except the embeds (they are the charts of indexed pages) and the API. */
export default async function robots(): Promise<MetadataRoute.Robots> {
  const origin = siteOrigin(await headers());
  return {
    rules: [{ userAgent: "*", allow: "/", disallow: ["/embed/", "/api/"] }],
    sitemap: `${origin}/sitemap.xml`,
  };
}
