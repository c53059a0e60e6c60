"use client";

import { type ComponentType, useCallback, useEffect, useState } from "react";

/**
 * A chart module that the first paint does without (recharts and what draws with it): loaded once
 * per page, when a reader shows intent (points at, touches or focuses a chart, or asks for another
 * view), so the first load and the first paint carry none of it.
 */
export function useLiveModule<P>(
  load: () => Promise<{ default: ComponentType<P> }>,
  cache: { current: ComponentType<P> | null },
): [ComponentType<P> | null, () => void] {
  const [component, setComponent] = useState<ComponentType<P> | null>(() => cache.current);
  const [wanted, setWanted] = useState(false);
  useEffect(() => {
    if (!wanted || component) return;
    let live = true;
    void load().then((m) => {
      cache.current = m.default;
      if (live) setComponent(() => m.default);
    });
    return () => {
      live = false;
    };
  }, [wanted, component, load, cache]);
  const want = useCallback(() => setWanted(true), []);
  return [component, want];
}

/** The size of an element's content box, as it changes (null until measured). */
export function useBoxSize(element: HTMLElement | null): { width: number; height: number } | null {
  const [size, setSize] = useState<{ width: number; height: number } | null>(null);
  useEffect(() => {
    if (!element) return;
    const observer = new ResizeObserver(([entry]) => {
      if (!entry) return;
      const width = Math.round(entry.contentRect.width);
      const height = Math.round(entry.contentRect.height);
      setSize((s) => (s && s.width === width && s.height === height ? s : { width, height }));
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [element]);
  return size;
}
