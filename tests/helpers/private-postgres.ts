import { execFileSync } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { freePort } from "./app-server";

/**
 * A throwaway PostgreSQL server of our own (initdb + pg_ctl, run as the postgres user), so a test
 * can stop and restart the database under a running process without touching the shared server.
 */
export type PrivatePostgres = {
  url: string;
  stop: () => void;
  start: () => void;
  restart: () => void;
  destroy: () => void;
};

function binDir(): string | null {
  const root = "/usr/lib/postgresql";
  if (!existsSync(root)) return null;
  const version = readdirSync(root).sort().at(-1);
  return version ? path.join(root, version, "bin") : null;
}

/** Available where the Debian server binaries exist and we may act as the postgres user. */
export function canRunPrivatePostgres(): boolean {
  return process.getuid?.() === 0 && binDir() !== null;
}

export async function startPrivatePostgres(): Promise<PrivatePostgres> {
  const bin = binDir();
  if (!bin) throw new Error("PostgreSQL server binaries not found under /usr/lib/postgresql");
  const dir = mkdtempSync(path.join(tmpdir(), "oms-pg-"));
  chownSync(dir, 101, 104);
  const port = await freePort();
  const asPostgres = (cmd: string, args: string[]) =>
    execFileSync("runuser", ["-u", "postgres", "--", path.join(bin, cmd), ...args], { stdio: "pipe" });
  asPostgres("initdb", ["-D", path.join(dir, "data"), "-A", "trust", "-U", "postgres", "--no-sync"]);
  const ctl = (action: string, extra: string[] = []) =>
    asPostgres("pg_ctl", ["-D", path.join(dir, "data"), "-w", "-l", path.join(dir, "log"), ...extra, action]);
  const options = ["-o", `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`];
  ctl("start", options);
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    stop: () => ctl("stop", ["-m", "fast"]),
    start: () => ctl("start", options),
    restart: () => ctl("restart", ["-m", "fast", ...options]),
    destroy: () => {
      try {
        ctl("stop", ["-m", "immediate"]);
      } catch {}
    },
  };
}
