import { type ChildProcess, spawn } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";

/** Runs a TypeScript file in its own Node process (`node --import tsx`), stderr passed through. */
export function spawnTs(file: string, args: string[], env: Record<string, string> = {}): ChildProcess {
  return spawn(process.execPath, ["--import", "tsx", file, ...args], {
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "inherit"],
  });
}

/** A TypeScript entry point bundled and run as `npm run ingest` runs it (scripts/run-bundled.mjs). */
export function spawnBundled(file: string, args: string[], env: Record<string, string> = {}): ChildProcess {
  return spawn(process.execPath, ["--expose-gc", "scripts/run-bundled.mjs", file, ...args], {
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "inherit"],
  });
}

/** The first stdout line of `child` that parses as JSON; rejects if it exits first. */
export function firstJsonLine<T>(child: ChildProcess, what: string): Promise<T> {
  return new Promise((resolve, reject) => {
    let buffer = "";
    const onData = (chunk: Buffer) => {
      buffer += chunk.toString();
      for (let nl = buffer.indexOf("\n"); nl !== -1; nl = buffer.indexOf("\n")) {
        const line = buffer.slice(0, nl).trim();
        buffer = buffer.slice(nl + 1);
        if (!line.startsWith("{")) continue;
        child.stdout?.off("data", onData);
        child.off("exit", onExit);
        resolve(JSON.parse(line) as T);
        return;
      }
    };
    const onExit = (code: number | null) => reject(new Error(`${what} exited (${code}) before reporting`));
    child.stdout?.on("data", onData);
    child.once("exit", onExit);
  });
}

export function stopChild(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once("exit", () => resolve());
    child.kill("SIGTERM");
  });
}

/** Resident memory of a process and all its descendants, in bytes (Linux /proc). */
export function treeRss(pid: number): number {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
    } catch {
      // the process ended meanwhile
    }
  }
  let total = 0;
  const stack = [pid];
  while (stack.length > 0) {
    const current = stack.pop() as number;
    try {
      const status = readFileSync(`/proc/${current}/status`, "utf8");
      total += Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) * 1024;
    } catch {
      // gone
    }
    stack.push(...(children.get(current) ?? []));
  }
  return total;
}

/** A Node process of its own (`argv` after node), its output kept and its peak RSS (VmHWM) followed. */
export function runMeasured(argv: string[], env: Record<string, string>) {
  return new Promise<{
    code: number | null;
    ms: number;
    peak: number;
    output: string;
    /** [ms since start, VmRSS bytes] every 100 ms */
    samples: [number, number][];
    /** [ms since start, text] of each output chunk as it came */
    chunks: [number, string][];
  }>((resolve) => {
    const started = performance.now();
    const child = spawn(process.execPath, argv, {
      env: { ...process.env, ...env, CI: "true" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    const chunks: [number, string][] = [];
    const take = (c: Buffer) => {
      output += c.toString();
      chunks.push([performance.now() - started, c.toString()]);
    };
    child.stdout?.on("data", take);
    child.stderr?.on("data", take);
    let peak = 0;
    const samples: [number, number][] = [];
    const timer = setInterval(() => {
      try {
        const status = readFileSync(`/proc/${child.pid}/status`, "utf8");
        peak = Math.max(peak, Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0) * 1024);
        samples.push([performance.now() - started, Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) * 1024]);
      } catch {
        // exited
      }
    }, 100);
    child.once("exit", (code) => {
      clearInterval(timer);
      resolve({ code, ms: performance.now() - started, peak, output, samples, chunks });
    });
  });
}
