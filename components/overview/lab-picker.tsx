"use client";

import { useState } from "react";
import type { Fetched } from "@/components/data/api-fetch";
import { useApiQuery } from "@/components/data/queries";
import { FEATURED_LABS, type PageValues, type Update } from "./overview-controls";

/** What the picker needs of GET /api/v1/labs. */
export type LabsJson = { labs: { slug: string; name: string; color: string }[] };

/**
 * The lab picker: DeepSeek, Qwen, Meta and Google one click away, any other lab by name, from
 * GET /api/v1/labs (the server's answer seeds it); picking one switches the chart to labs (two
 * clicks: DeepSeek, then Qwen).
 */
export function LabPicker({
  values,
  update,
  seed,
}: {
  values: PageValues;
  update: Update;
  seed: Fetched<LabsJson> | null;
}) {
  const labsQuery = useApiQuery<LabsJson>(["labs"], "/api/v1/labs", { seed });
  const labs = labsQuery.data?.data.labs ?? [];
  const [search, setSearch] = useState("");
  const chosen = values.groupBy === "lab" ? (values.labs ?? []) : [];
  const toggleLab = (slug: string) => {
    const next = chosen.includes(slug) ? chosen.filter((s) => s !== slug) : [...chosen, slug];
    update({ groupBy: "lab", labs: next.length ? next : undefined, countries: undefined });
  };
  const order = (slug: string) => {
    const i = FEATURED_LABS.indexOf(slug);
    return i < 0 ? FEATURED_LABS.length : i;
  };
  const featured = labs
    .filter((l) => FEATURED_LABS.includes(l.slug) || chosen.includes(l.slug))
    .sort((a, b) => order(a.slug) - order(b.slug));
  const term = search.trim().toLowerCase();
  const matches = term
    ? labs.filter((l) => l.name.toLowerCase().includes(term) && !featured.includes(l)).slice(0, 8)
    : [];
  return (
    <fieldset className="lab-picker">
      <legend className="small muted">Compare labs</legend>
      {featured.map((l) => (
        <button
          key={l.slug}
          type="button"
          className="btn chip"
          aria-pressed={chosen.includes(l.slug)}
          onClick={() => toggleLab(l.slug)}
        >
          <span className="swatch" style={{ background: l.color }} /> {l.name}
        </button>
      ))}
      <input
        type="search"
        value={search}
        onChange={(e) => setSearch(e.target.value)}
        placeholder="Find a lab…"
        aria-label="Find a lab"
        size={14}
      />
      {matches.map((l) => (
        <button
          key={l.slug}
          type="button"
          className="btn chip"
          onClick={() => {
            toggleLab(l.slug);
            setSearch("");
          }}
        >
          <span className="swatch" style={{ background: l.color }} /> {l.name}
        </button>
      ))}
      {labsQuery.isError ? (
        <span role="alert" className="small">
          The labs could not be loaded.{" "}
          <button type="button" className="link-button" onClick={() => void labsQuery.refetch()}>
            Try again
          </button>
        </span>
      ) : null}
    </fieldset>
  );
}
