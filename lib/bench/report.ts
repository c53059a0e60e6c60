import { mkdir, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";

/** One measured figure; `budget` is the budget's "must" (pass/fail, bench/README.md), `aim` the target. */
export type Figure = {
  key: string;
  label: string;
  value: number | null;
  unit: string;
  budget?: { op: ">=" | "<="; value: number };
  aim?: { op: ">=" | "<="; value: number };
  note?: string;
};

export type Machine = {
  cpus: number;
  cpuModel: string;
  memoryGiB: number;
  node: string;
  postgres: string;
  os: string;
  loadAverage: number[];
};

export function machineInfo(postgres: string): Machine {
  return {
    cpus: os.availableParallelism(),
    cpuModel: os.cpus()[0]?.model ?? "unknown",
    memoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    postgres,
    os: `${os.type()} ${os.release()}`,
    loadAverage: os.loadavg().map((n) => Math.round(n * 100) / 100),
  };
}

const meets = (value: number, rule: { op: ">=" | "<="; value: number }) =>
  rule.op === ">=" ? value >= rule.value : value <= rule.value;

export function verdict(f: Figure): "pass" | "FAIL" | "—" {
  if (!f.budget) return "—";
  if (f.value === null || Number.isNaN(f.value)) return "FAIL";
  return meets(f.value, f.budget) ? "pass" : "FAIL";
}

const fmt = (n: number | null) =>
  n === null || Number.isNaN(n)
    ? "n/a"
    : Math.abs(n) >= 100
      ? Math.round(n).toLocaleString("en-US")
      : String(Math.round(n * 100) / 100);

const rule = (r: Figure["budget"], unit: string) =>
  r ? `${r.op === ">=" ? "≥" : "≤"} ${fmt(r.value)} ${unit}` : "";

export function renderTable(figures: Figure[]): string {
  const rows = figures.map((f) => [
    f.label,
    `${fmt(f.value)} ${f.unit}`,
    rule(f.budget, f.unit),
    rule(f.aim, f.unit),
    verdict(f),
    f.note ?? "",
  ]);
  const head = ["figure", "value", "budget", "aim", "", "note"];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? "").length)));
  const line = (cells: string[]) =>
    `| ${cells.map((c, i) => (i === 1 ? c.padStart(widths[i] ?? 0) : c.padEnd(widths[i] ?? 0))).join(" | ")} |`;
  return [line(head), `|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`, ...rows.map(line)].join("\n");
}

/** Writes bench/results/<ISO timestamp>.json and bench/results/latest.json; returns the first path. */
export async function writeResults(dir: string, startedAt: Date, data: unknown): Promise<string> {
  await mkdir(dir, { recursive: true });
  const text = `${JSON.stringify(data, (_k, v: unknown) => (typeof v === "bigint" ? v.toString() : v), 2)}\n`;
  const file = path.join(dir, `${startedAt.toISOString().replace(/:/g, "-")}.json`);
  await writeFile(file, text);
  await writeFile(path.join(dir, "latest.json"), text);
  return file;
}

/** What each measurement returns: figures for the table, details for the JSON file. */
export type StepResult = { figures: Figure[]; details: Record<string, unknown> };
