import type { Database } from "../db";
import { commandLine } from "../process/command-line";
import { type DeliverSummary, deliverDue, deliverLoop } from "./deliver";
import { addSubscription, listSubscriptions, removeSubscription } from "./subscriptions";

export const WEBHOOKS_USAGE = `Usage:
  npm run webhooks -- add URL [--labs a,b] [--countries CN,US] [--kinds crossover,new-leader]
  npm run webhooks -- list
  npm run webhooks -- remove ID
  npm run webhooks -- deliver [--once]     (without --once: until stopped, looking every WEBHOOK_POLL_SECONDS, default 10)`;

export type WebhooksCommand =
  | { action: "add"; url: string; labs?: string; countries?: string; kinds?: string }
  | { action: "list" }
  | { action: "remove"; id: number }
  | { action: "deliver"; once: boolean };

export function parseWebhooksArgs(argv: readonly string[]): WebhooksCommand {
  const [action, ...rest] = argv;
  const flags = new Map<string, string>();
  const positional: string[] = [];
  let once = false;
  // Walked as it goes: a flag's value() makes the walk skip the word it takes.
  for (const w of commandLine(rest, WEBHOOKS_USAGE)) {
    if (!w.flag.startsWith("--")) positional.push(w.arg);
    else if (action === "add" && ["--labs", "--countries", "--kinds"].includes(w.flag)) {
      if (flags.has(w.flag)) throw new Error(`${w.flag} is given twice\n${WEBHOOKS_USAGE}`);
      flags.set(w.flag, w.value());
    } else if (action === "deliver" && w.flag === "--once") once = true;
    else throw new Error(`Unknown option ${w.flag}\n${WEBHOOKS_USAGE}`);
  }
  const only = (n: number) => {
    if (positional.length !== n) throw new Error(`${action} takes ${n} argument(s)\n${WEBHOOKS_USAGE}`);
  };
  switch (action) {
    case "add": {
      only(1);
      return {
        action,
        url: positional[0] as string,
        labs: flags.get("--labs"),
        countries: flags.get("--countries"),
        kinds: flags.get("--kinds"),
      };
    }
    case "list":
      only(0);
      return { action };
    case "remove": {
      only(1);
      const id = Number(positional[0]);
      if (!/^\d{1,9}$/.test(positional[0] ?? ""))
        throw new Error(`remove takes a subscription id (a number)\n${WEBHOOKS_USAGE}`);
      return { action, id };
    }
    case "deliver":
      only(0);
      return { action, once };
    default:
      throw new Error(WEBHOOKS_USAGE);
  }
}

const filtersOf = (s: { labs: string[]; countries: string[]; kinds: string[] }) =>
  [
    s.labs.length ? `labs=${s.labs.join(",")}` : "",
    s.countries.length ? `countries=${s.countries.join(",")}` : "",
    s.kinds.length ? `kinds=${s.kinds.join(",")}` : "",
  ]
    .filter(Boolean)
    .join(" ") || "every event";

/** Runs one command; its lines go to `log`. `deliver` without --once runs until `signal` aborts. */
export async function runWebhooksCommand(
  db: Database,
  command: WebhooksCommand,
  { log, signal }: { log: (line: string) => void; signal: AbortSignal },
): Promise<void> {
  if (command.action === "add") {
    const { action: _, url, ...filters } = command;
    const sub = await addSubscription(db, url, filters);
    log(`Subscription #${sub.id}: ${sub.url} (${filtersOf(sub)})`);
    log(`Secret (shown once; it signs every delivery): ${sub.secret}`);
  } else if (command.action === "list") {
    const subs = await listSubscriptions(db);
    if (subs.length === 0) log("No subscriptions.");
    for (const s of subs)
      log(
        `#${s.id} ${s.url} (${filtersOf(s)})${s.removedAt ? " removed" : ""}: ${s.delivered} delivered, ${s.pending} pending, ${s.failed} failed`,
      );
  } else if (command.action === "remove") {
    if (!(await removeSubscription(db, command.id)))
      throw new Error(`No active subscription #${command.id}.`);
    log(`Subscription #${command.id} removed; its pending deliveries are dropped.`);
  } else if (command.once) {
    const total: DeliverSummary = { attempted: 0, delivered: 0, retrying: 0, failed: 0, dropped: 0 };
    for (;;) {
      const done = await deliverDue(db);
      for (const k of Object.keys(total) as (keyof DeliverSummary)[]) total[k] += done[k];
      if (done.attempted + done.dropped === 0) break;
    }
    log(
      `Webhooks: ${total.delivered} delivered, ${total.retrying} to retry later, ${total.failed} failed, ${total.dropped} dropped.`,
    );
  } else {
    const seconds = Number(process.env.WEBHOOK_POLL_SECONDS);
    const pollMs = Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : 10_000;
    log(`Delivering webhooks until stopped (looking every ${pollMs / 1000} s).`);
    await deliverLoop(db, { signal, pollMs, log });
  }
}
