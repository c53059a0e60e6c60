"use client";

import { useEffect, useState } from "react";
import { type CitationFacts, citationBibtex, citationText } from "@/lib/charts/citation";

/** Which published data a chart shows: what pinning and citing it name. */
export type ChartData = { dataVersion: number; dataAsOf: string | null };

/**
 * "Cite this chart": the sentence and the BibTeX entry, naming the data version the chart shows
 * and a permalink pinned to it (the numbers an article quotes stay the ones a reader finds), with
 * the day it was read. The day and origin are the reader's, filled in after hydration.
 */
export function CiteChart({ title, data, pagePath }: { title: string; data: ChartData; pagePath: string }) {
  const [where, setWhere] = useState<{ origin: string; today: string } | null>(null);
  const [copied, setCopied] = useState<"text" | "bibtex" | null>(null);
  useEffect(() => {
    setWhere({ origin: window.location.origin, today: new Date().toISOString().slice(0, 10) });
  }, []);
  const facts: CitationFacts = {
    title,
    dataVersion: data.dataVersion,
    dataAsOf: data.dataAsOf,
    url: `${where?.origin ?? ""}${pagePath}`,
    accessed: where?.today ?? "",
  };
  const copy = (kind: "text" | "bibtex", text: string) => {
    void navigator.clipboard?.writeText(text).catch(() => {});
    setCopied(kind);
    setTimeout(() => setCopied(null), 1500);
  };
  const text = citationText(facts);
  const bibtex = citationBibtex(facts);
  return (
    <details className="cite-chart small">
      <summary>Cite this chart (data version {data.dataVersion})</summary>
      <p style={{ margin: "8px 0" }}>{text}</p>
      <pre style={{ whiteSpace: "pre-wrap", fontSize: 12, margin: "8px 0" }}>{bibtex}</pre>
      <div style={{ display: "flex", gap: 8 }}>
        <button type="button" className="btn" onClick={() => copy("text", text)}>
          {copied === "text" ? "Copied" : "Copy citation"}
        </button>
        <button type="button" className="btn" onClick={() => copy("bibtex", bibtex)}>
          {copied === "bibtex" ? "Copied" : "Copy BibTeX"}
        </button>
      </div>
    </details>
  );
}
