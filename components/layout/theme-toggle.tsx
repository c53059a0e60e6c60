"use client";

import { useEffect, useState } from "react";

type Theme = "light" | "dark" | "system";
const NEXT: Record<Theme, Theme> = { system: "light", light: "dark", dark: "system" };
const LABEL: Record<Theme, string> = { system: "Theme: system", light: "Theme: light", dark: "Theme: dark" };

/** Stores the choice in a cookie so the server renders the right theme on the next request. */
export function ThemeToggle({ initial }: { initial: Theme }) {
  const [theme, setTheme] = useState<Theme>(initial);
  useEffect(() => {
    const root = document.documentElement;
    if (theme === "system") root.removeAttribute("data-theme");
    else root.setAttribute("data-theme", theme);
    // biome-ignore lint/suspicious/noDocumentCookie: a plain preference cookie, read by the server layout
    document.cookie = `theme=${theme}; path=/; max-age=31536000; samesite=lax`;
  }, [theme]);
  return (
    <button
      type="button"
      className="btn"
      onClick={() => setTheme(NEXT[theme])}
      aria-label={`${LABEL[theme]} (change)`}
    >
      {theme === "dark" ? "☾" : theme === "light" ? "☀" : "◐"} <span className="small">{theme}</span>
    </button>
  );
}
