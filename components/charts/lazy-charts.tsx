"use client";

import dynamic from "next/dynamic";

/*
 * recharts (with its redux store, immer and decimal.js) is ≈ 120 kB gzip, about half of a page's
 * JavaScript. Pages import the charts from here so that code arrives as its own chunk after the
 * page is interactive: the server still renders the chart into the HTML, and the filters, tables
 * and links work before the chart hydrates.
 */

const placeholder = (height: number) => (
  <div className="skeleton" style={{ height }} role="status" aria-label="Loading chart" />
);

export const ShareChart = dynamic(() => import("./share-chart").then((m) => m.ShareChart), {
  loading: () => placeholder(360),
});

export const HistoryChart = dynamic(() => import("./history-chart").then((m) => m.HistoryChart), {
  loading: () => placeholder(260),
});
