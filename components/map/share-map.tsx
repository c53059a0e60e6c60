"use client";

import { useEffect, useState } from "react";
import type { WorldMap } from "@/lib/charts/world-map";

type Props = {
  map: WorldMap;
  buckets: { date: string; label: string }[];
  /** Share (0–1) per country code per bucket; null where the bucket has no value */
  shares: Record<string, (number | null)[]>;
  /** The boxes beside the map: international communities and the unattributed gap */
  boxes: { key: string; label: string; color: string; values: (number | null)[] }[];
  title: string;
};

/** Steps of the sequential scale (light to dark), colour-blind safe (ColorBrewer PuBu). */
const STEPS = ["#ece7f2", "#c8d3e7", "#a6bddb", "#74a9cf", "#3690c0", "#0570b0", "#034e7b"];

/**
 * The share of downloads by developer country on a world map, one SVG path per country (drawn
 * on the server), coloured for the chosen period; a slider and a play button walk through the
 * range. Countries without a registry organisation are "no data", not zero.
 */
export function ShareMap({ map, buckets, shares, boxes, title }: Props) {
  const last = buckets.length - 1;
  const [index, setIndex] = useState(last);
  const [playing, setPlaying] = useState(false);
  useEffect(() => {
    if (!playing) return;
    const timer = setInterval(() => {
      setIndex((i) => {
        if (i >= last) {
          setPlaying(false);
          return last;
        }
        return i + 1;
      });
    }, 700);
    return () => clearInterval(timer);
  }, [playing, last]);
  const max = Math.max(
    1e-9,
    ...Object.values(shares).flatMap((v) => v.filter((x): x is number => x !== null)),
  );
  const colour = (share: number | null | undefined) =>
    share === null || share === undefined
      ? "var(--grid)"
      : (STEPS[Math.min(STEPS.length - 1, Math.floor((share / max) * STEPS.length))] ?? STEPS[0]);
  const pct = (v: number | null | undefined) =>
    v === null || v === undefined ? "no data" : `${(v * 100).toFixed(1)} %`;
  const bucket = buckets[index];
  return (
    <figure style={{ margin: 0 }} data-testid="share-map">
      <div className="map-layout">
        <svg
          viewBox={`0 0 ${map.width} ${map.height}`}
          role="img"
          aria-label={`${title}, ${bucket?.label ?? ""}`}
          style={{ width: "100%", height: "auto", display: "block" }}
        >
          <title>{title}</title>
          {map.countries.map((c) => {
            const share = c.code ? shares[c.code]?.[index] : null;
            return (
              <path
                key={`${c.code}-${c.name}`}
                d={c.d}
                fill={colour(share)}
                stroke="var(--bg)"
                strokeWidth={0.5}
              >
                <title>{`${c.name}: ${pct(share)}`}</title>
              </path>
            );
          })}
        </svg>
        <div className="map-boxes">
          {boxes.map((b) => (
            <div key={b.key} className="map-box" style={{ borderColor: b.color }}>
              <span className="small muted">{b.label}</span>
              <strong>{pct(b.values[index])}</strong>
            </div>
          ))}
          <div className="map-scale small muted" aria-hidden="true">
            {STEPS.map((s) => (
              <span key={s} style={{ background: s }} />
            ))}
            <div style={{ display: "flex", justifyContent: "space-between" }}>
              <span>0 %</span>
              <span>{(max * 100).toFixed(0)} %</span>
            </div>
            <div>
              <span className="swatch" style={{ background: "var(--grid)" }} /> no registry data
            </div>
          </div>
        </div>
      </div>
      <div className="map-player">
        <button
          type="button"
          className="btn"
          onClick={() => {
            if (index >= last) setIndex(0);
            setPlaying((p) => !p);
          }}
          aria-label={playing ? "Pause" : "Play through the range"}
        >
          {playing ? "❚❚ Pause" : "▶ Play"}
        </button>
        <input
          type="range"
          min={0}
          max={last}
          value={index}
          onChange={(e) => {
            setPlaying(false);
            setIndex(Number(e.target.value));
          }}
          aria-label="Period"
          aria-valuetext={bucket?.label}
          style={{ flex: 1 }}
        />
        <strong style={{ minWidth: 90, textAlign: "right" }}>{bucket?.label}</strong>
      </div>
    </figure>
  );
}
