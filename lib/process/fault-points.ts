/**
 * Named step boundaries of the write and publish paths, where the fault tests stop a process dead
 * (kill -9) or make a step fail, to show that a stop at any of them leaves the published numbers
 * whole and that the next command completes the work. `FAULT_POINT` names the point (or several,
 * comma-separated) and `FAULT_ACTION` what happens there: `kill` (SIGKILL to the process itself,
 * as a power cut would) or `throw`. Unset, as everywhere but in those tests, a point does nothing.
 */
export function faultPoint(name: FaultPointName): void {
  if (!process.env.FAULT_POINT?.split(",").includes(name)) return;
  if (process.env.FAULT_ACTION === "throw") throw new FaultInjected(name);
  process.kill(process.pid, "SIGKILL");
}

export class FaultInjected extends Error {
  constructor(readonly point: string) {
    super(`fault injected at ${point}`);
    this.name = "FaultInjected";
  }
}

export type FaultPointName = (typeof FAULT_POINTS)[number] | (typeof DELIVERY_FAULT_POINTS)[number];

/** Every point the paths name, for the tests that stop at each. */
export const FAULT_POINTS = [
  "crawl:stored",
  "publish:taken",
  "publish:lineage",
  "publish:rollups",
  "publish:commit",
  "registry:synced",
  "registry:reattributed",
  "registry:commit",
  "backfill:file-stored",
] as const;

/** The webhook deliverer's points (lib/webhooks/deliver.ts): a claim made, a 2xx answer before it is recorded, after. */
export const DELIVERY_FAULT_POINTS = ["webhooks:claimed", "webhooks:answered", "webhooks:recorded"] as const;
