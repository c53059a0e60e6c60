"use client";

import { useRouter } from "next/navigation";
import { useEffect, useId, useState } from "react";
import { useApiQuery } from "@/components/data/queries";
import { formatCount } from "@/lib/format/numbers";

type ModelsJson = { models: { hubId: string; pipelineTag: string | null; downloads30d: string }[] };

const MIN_CHARS = 2;
const DEBOUNCE_MS = 180;
const SHOWN = 8;

/**
 * The models search box: a plain input of the filter form (it works without a script), which
 * suggests models as one types (GET /api/v1/models?q=…, the most downloaded first). Arrow keys
 * walk the suggestions, Enter opens one, Escape closes them (the ARIA combobox pattern).
 */
export function ModelSearch({ defaultValue }: { defaultValue: string }) {
  const id = useId();
  const router = useRouter();
  const [text, setText] = useState(defaultValue);
  const [term, setTerm] = useState("");
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  useEffect(() => {
    const timer = setTimeout(() => setTerm(text.trim()), DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [text]);
  const url = `/api/v1/models?${new URLSearchParams({ q: term, limit: String(SHOWN) })}`;
  const found = useApiQuery<ModelsJson>(["model-search", term], url, {
    enabled: open && term.length >= MIN_CHARS,
    keepPrevious: true,
  });
  const models = term.length >= MIN_CHARS ? (found.data?.data.models ?? []) : [];
  const shown = open && models.length > 0;
  const optionId = (i: number) => `${id}-option-${i}`;
  const go = (hubId: string) => router.push(`/models/${hubId}`);
  return (
    <div className="model-search">
      <label className="small muted" style={{ display: "grid", gap: 2 }}>
        Search
        <input
          type="search"
          name="q"
          value={text}
          maxLength={100}
          placeholder="e.g. DeepSeek-R1"
          autoComplete="off"
          role="combobox"
          aria-expanded={shown}
          aria-controls={`${id}-list`}
          aria-autocomplete="list"
          aria-activedescendant={shown && active >= 0 ? optionId(active) : undefined}
          onChange={(e) => {
            setText(e.target.value);
            setOpen(true);
            setActive(-1);
          }}
          onFocus={() => setOpen(true)}
          onBlur={() => setTimeout(() => setOpen(false), 150)}
          onKeyDown={(e) => {
            if (e.key === "ArrowDown" && models.length) {
              e.preventDefault();
              setOpen(true);
              setActive((a) => (a + 1) % models.length);
            } else if (e.key === "ArrowUp" && models.length) {
              e.preventDefault();
              setActive((a) => (a <= 0 ? models.length - 1 : a - 1));
            } else if (e.key === "Escape") setOpen(false);
            else if (e.key === "Enter" && shown && active >= 0) {
              e.preventDefault();
              const model = models[active];
              if (model) go(model.hubId);
            }
          }}
        />
      </label>
      <div
        id={`${id}-list`}
        role="listbox"
        aria-label="Suggested models"
        className="suggestions"
        hidden={!shown}
      >
        {models.map((m, i) => (
          <div
            key={m.hubId}
            id={optionId(i)}
            role="option"
            tabIndex={-1}
            aria-selected={i === active}
            onMouseDown={(e) => {
              e.preventDefault();
              go(m.hubId);
            }}
            onMouseEnter={() => setActive(i)}
          >
            <span className="suggestion-id">{m.hubId}</span>
            <span className="muted small">
              {m.pipelineTag ?? "no task"} · {formatCount(m.downloads30d)} in 30 d
            </span>
          </div>
        ))}
      </div>
      <span className="visually-hidden" role="status" aria-live="polite">
        {shown ? `${models.length} suggestions` : ""}
      </span>
    </div>
  );
}
