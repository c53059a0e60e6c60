import { spawn } from "node:child_process";

export type ScriptResult = { code: number | null; stdout: string; stderr: string };

/**
 * Runs a scripts/ entry point in a child process; `undefined` env values are removed. `bundled`
 * runs it as `npm run import` does (scripts/run-bundled.mjs) instead of through tsx.
 */
export function runScript(
  script: string,
  args: string[] = [],
  env: Record<string, string | undefined> = {},
  timeoutMs = 60_000,
  how: "tsx" | "bundled" = "tsx",
): Promise<ScriptResult> {
  const argv =
    how === "bundled"
      ? ["--expose-gc", "scripts/run-bundled.mjs", script, ...args]
      : ["--import", "tsx", script, ...args];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, argv, {
      env: { ...process.env, ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => {
      stdout += chunk;
    });
    child.stderr.on("data", (chunk) => {
      stderr += chunk;
    });
    const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
    child.on("error", reject);
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

/**
 * `npm run ingest -- --as-of <asOf> <args>` in a child process; by default a crawl of every listed
 * model (--min-downloads 0) given three minutes.
 */
export function runIngestScript(
  env: Record<string, string | undefined>,
  asOf: string,
  { args = ["--min-downloads", "0"], timeoutMs = 180_000 }: { args?: string[]; timeoutMs?: number } = {},
): Promise<ScriptResult> {
  return runScript("scripts/ingest.ts", ["--as-of", asOf, ...args], env, timeoutMs);
}
