import { cookies } from "next/headers";
import type { ReactNode } from "react";
import { DataBanner } from "@/components/layout/data-banner";
import { Providers } from "@/components/layout/providers";
import { SiteHeader } from "@/components/layout/site-header";
import { getPageFreshness } from "@/lib/analytics/page-context";

export default async function SiteLayout({ children }: { children: ReactNode }) {
  const saved = (await cookies()).get("theme")?.value;
  const theme = saved === "light" || saved === "dark" ? saved : "system";
  const { freshness, unavailable } = await getPageFreshness();
  return (
    <Providers>
      <a href="#content" className="visually-hidden">
        Skip to content
      </a>
      <SiteHeader theme={theme} />
      <DataBanner freshness={freshness} unavailable={unavailable} />
      <div id="content">{children}</div>
      <footer className="muted small" style={{ maxWidth: 1200, margin: "0 auto", padding: "24px 16px" }}>
        Data: Hugging Face Hub download counts{freshness?.dataAsOf ? `, as of ${freshness.dataAsOf}` : ""}.
        Origin registry partly derived from the ATOM Project (Apache-2.0).{" "}
        <a href="/methodology">Methodology</a> · <a href="/docs/api">API</a> (
        <a href="/api/v1/openapi.json">OpenAPI</a>)
      </footer>
    </Providers>
  );
}
