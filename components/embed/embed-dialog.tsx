"use client";

import { useId, useMemo, useRef, useState } from "react";

/**
 * Embed options with a live preview, the iframe snippet (responsive with /embed.js) and a copy
 * button. The embed is the chart's own state (its path), with a title and a theme.
 */
export function EmbedDialog({ embedPath, defaultTitle }: { embedPath: string; defaultTitle: string }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const id = useId();
  const [title, setTitle] = useState(defaultTitle);
  // Typed freely, checked when used: each keystroke is not clamped (typing 500 stays 500).
  const [widthText, setWidthText] = useState("720");
  const [heightText, setHeightText] = useState("520");
  const width = clamp(widthText, 280, 1600, 720);
  const height = clamp(heightText, 200, 1600, 520);
  const [theme, setTheme] = useState<"light" | "dark">("light");
  const [copied, setCopied] = useState(false);
  const [open, setOpen] = useState(false);
  const origin = typeof window === "undefined" ? "" : window.location.origin;
  const src = useMemo(() => {
    const extra = new URLSearchParams({ title, theme });
    return `${origin}${embedPath}${embedPath.includes("?") ? "&" : "?"}${extra}`;
  }, [origin, embedPath, title, theme]);
  const attr = (s: string) => s.replace(/&/g, "&amp;").replace(/"/g, "&quot;");
  const snippet = `<iframe src="${attr(src)}" title="${attr(title)}" width="${width}" height="${height}" loading="lazy" style="width:100%;max-width:${width}px;border:0"></iframe>\n<script src="${attr(origin)}/embed.js" async></script>`;
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
          <label className="small muted" style={{ display: "grid", gap: 2 }}>
            Title
            <input
              type="text"
              value={title}
              maxLength={120}
              onChange={(e) => setTitle(e.target.value)}
              size={36}
            />
          </label>
          <label className="small muted" style={{ display: "grid", gap: 2 }}>
            Width
            <input
              type="text"
              inputMode="numeric"
              value={widthText}
              onChange={(e) => setWidthText(e.target.value)}
              onBlur={() => setWidthText(String(width))}
              size={5}
            />
          </label>
          <label className="small muted" style={{ display: "grid", gap: 2 }}>
            Height
            <input
              type="text"
              inputMode="numeric"
              value={heightText}
              onChange={(e) => setHeightText(e.target.value)}
              onBlur={() => setHeightText(String(height))}
              size={5}
            />
          </label>
          <label className="small muted" style={{ display: "grid", gap: 2 }}>
            Theme
            <select value={theme} onChange={(e) => setTheme(e.target.value === "dark" ? "dark" : "light")}>
              <option value="light">Light</option>
              <option value="dark">Dark</option>
            </select>
          </label>
        </div>
        <div style={{ overflow: "auto", border: "1px dashed var(--border)", borderRadius: 8, padding: 8 }}>
          {open ? (
            <iframe
              src={src}
              title={title}
              width={width}
              height={height}
              style={{ border: 0, maxWidth: "100%" }}
            />
          ) : null}
        </div>
        <label className="small muted" style={{ display: "grid", gap: 2, marginTop: 12 }}>
          Snippet
          <textarea
            readOnly
            value={snippet}
            rows={3}
            style={{ width: "100%", fontFamily: "monospace", fontSize: 12 }}
            onFocus={(e) => e.currentTarget.select()}
          />
        </label>
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

function clamp(raw: string, min: number, max: number, fallback: number): number {
  const n = Number.parseInt(raw, 10);
  return Number.isFinite(n) ? Math.min(max, Math.max(min, n)) : fallback;
}
