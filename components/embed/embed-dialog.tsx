"use client";

import { useEffect, useId, useMemo, useRef, useState } from "react";
import type { ChartData } from "@/components/charts/cite-chart";
import { type Choice, Field, InputField, SelectField } from "@/components/forms/field";
import { isLocale, LOCALES, type Locale } from "@/lib/domain/locales";
import { PINNED_VERSION_DAYS } from "@/lib/domain/pinned-versions";

const THEMES: Choice<"light" | "dark">[] = [
  { id: "light", label: "Light" },
  { id: "dark", label: "Dark" },
];

/** Each language named in itself, as its readers look for it. */
const LANGUAGES: Choice<Locale>[] = LOCALES.map((l) => ({ id: l.id, label: l.name }));

type Data = "live" | "pinned";

/**
 * Embed options with a live preview, the iframe snippet (responsive with /embed.js) and a copy
 * button. The embed is the chart's own state (its path), with a title, a theme and a language (a
 * title left as suggested is not written into the link, so the embed titles itself in its
 * language); live, it follows every publish, pinned, it keeps the numbers of the data version on
 * screen.
 */
export function EmbedDialog({
  embedPath,
  pinnedPath,
  data,
  defaultTitle,
  startOpen = false,
}: {
  embedPath: string;
  /** The same chart pinned to the data version it shows (null: no data to pin) */
  pinnedPath: string | null;
  data: ChartData | null;
  defaultTitle: string;
  /** Open as soon as it is shown (it was loaded by a click on Embed) */
  startOpen?: boolean;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const id = useId();
  const [title, setTitle] = useState(defaultTitle);
  const width = useSize(720, 280);
  const height = useSize(520, 200);
  const [theme, setTheme] = useState<"light" | "dark">("light");
  const [locale, setLocale] = useState<Locale>(() => {
    const asked = new URLSearchParams(embedPath.split("?")[1] ?? "").get("locale") ?? "";
    return isLocale(asked) ? asked : "en";
  });
  const [which, setWhich] = useState<Data>("live");
  const [copied, setCopied] = useState(false);
  const [open, setOpen] = useState(false);
  const origin = typeof window === "undefined" ? "" : window.location.origin;
  useEffect(() => {
    if (!startOpen) return;
    setOpen(true);
    dialog.current?.showModal();
  }, [startOpen]);
  const path = which === "pinned" && pinnedPath ? pinnedPath : embedPath;
  const src = useMemo(() => {
    const [base, query = ""] = path.split("?");
    const params = new URLSearchParams(query);
    const set = (key: string, value: string, unless: string) =>
      value === unless ? params.delete(key) : params.set(key, value);
    set("title", title, defaultTitle);
    set("theme", theme, "light");
    set("locale", locale, "en");
    const text = params.toString().replace(/%2C/g, ",");
    return `${origin}${base}${text ? `?${text}` : ""}`;
  }, [origin, path, title, defaultTitle, theme, locale]);
  const dataChoices: Choice<Data>[] = [
    { id: "live", label: "Live: updates with each publish" },
    ...(data && pinnedPath
      ? [
          {
            id: "pinned" as const,
            label: `Pinned: data version ${data.dataVersion}${data.dataAsOf ? ` (as of ${data.dataAsOf})` : ""}`,
          },
        ]
      : []),
  ];
  const attr = (s: string) => s.replace(/&/g, "&amp;").replace(/"/g, "&quot;");
  const snippet = `<iframe src="${attr(src)}" title="${attr(title)}" width="${width.value}" height="${height.value}" loading="lazy" style="width:100%;max-width:${width.value}px;border:0"></iframe>\n<script src="${attr(origin)}/embed.js" async></script>`;
  const copy = async () => {
    await navigator.clipboard?.writeText(snippet).catch(() => {});
    setCopied(true);
    setTimeout(() => setCopied(false), 1500);
  };
  return (
    <>
      <button
        type="button"
        className="btn"
        onClick={() => {
          setOpen(true);
          dialog.current?.showModal();
        }}
      >
        Embed
      </button>
      <dialog
        ref={dialog}
        aria-labelledby={`${id}-title`}
        onClose={() => setOpen(false)}
        style={{
          maxWidth: "min(960px, 96vw)",
          width: "100%",
          border: "1px solid var(--border)",
          borderRadius: 12,
          background: "var(--bg)",
          color: "var(--fg)",
        }}
      >
        <div style={{ display: "flex", justifyContent: "space-between", alignItems: "center" }}>
          <h2 id={`${id}-title`} style={{ margin: 0 }}>
            Embed this chart
          </h2>
          <button type="button" className="btn" onClick={() => dialog.current?.close()} aria-label="Close">
            ✕
          </button>
        </div>
        <div style={{ display: "flex", flexWrap: "wrap", gap: 12, margin: "12px 0" }}>
          <InputField label="Title" type="text" value={title} maxLength={120} onChange={setTitle} size={36} />
          <SizeField label="Width" pixels={width} />
          <SizeField label="Height" pixels={height} />
          <SelectField label="Theme" value={theme} choices={THEMES} onChange={setTheme} />
          <SelectField label="Language" value={locale} choices={LANGUAGES} onChange={setLocale} />
          <SelectField label="Data" value={which} choices={dataChoices} onChange={setWhich} />
        </div>
        {which === "pinned" ? (
          <p className="muted small" style={{ margin: "0 0 12px" }}>
            A pinned chart shows the numbers of data version {data?.dataVersion} for {PINNED_VERSION_DAYS}{" "}
            days after a newer version is published; live charts never expire.
          </p>
        ) : null}
        <div style={{ overflow: "auto", border: "1px dashed var(--border)", borderRadius: 8, padding: 8 }}>
          {open ? (
            <iframe
              src={src}
              title={title}
              width={width.value}
              height={height.value}
              style={{ border: 0, maxWidth: "100%" }}
            />
          ) : null}
        </div>
        <Field label="Snippet" style={{ marginTop: 12 }}>
          <textarea
            readOnly
            value={snippet}
            rows={3}
            style={{ width: "100%", fontFamily: "monospace", fontSize: 12 }}
            onFocus={(e) => e.currentTarget.select()}
          />
        </Field>
        <div style={{ marginTop: 8, display: "flex", gap: 8 }}>
          <button type="button" className="btn" onClick={copy}>
            {copied ? "Copied" : "Copy snippet"}
          </button>
          <a className="btn" href={src} target="_blank" rel="noopener">
            Open embed
          </a>
        </div>
      </dialog>
    </>
  );
}

type Size = { text: string; setText: (text: string) => void; value: number };

/**
 * A size in pixels, typed freely and checked when used: each keystroke is not clamped (typing 500
 * stays 500); the value in use is the text clamped to [min, 1600], or the initial size.
 */
function useSize(initial: number, min: number): Size {
  const [text, setText] = useState(String(initial));
  return { text, setText, value: clamp(text, min, 1600, initial) };
}

/** A size's input: the text as typed, the value in use once the input is left. */
function SizeField({ label, pixels }: { label: string; pixels: Size }) {
  return (
    <InputField
      label={label}
      type="text"
      inputMode="numeric"
      value={pixels.text}
      onChange={pixels.setText}
      onBlur={() => pixels.setText(String(pixels.value))}
      size={5}
    />
  );
}

function clamp(raw: string, min: number, max: number, fallback: number): number {
  const n = Number.parseInt(raw, 10);
  return Number.isFinite(n) ? Math.min(max, Math.max(min, n)) : fallback;
}
