import type { LookupAddress } from "node:dns";
import { lookup as dnsLookup } from "node:dns";
import ipaddr from "ipaddr.js";

/**
 * Which receivers the deliverer may connect to: http(s) URLs whose host resolves only to public
 * unicast addresses. Private, loopback, link-local, shared (CGNAT), multicast, reserved and
 * IPv4-embedding IPv6 ranges are refused, unless WEBHOOK_ALLOW_PRIVATE=1 (tests, a receiver on the
 * same network on purpose). The check runs on the very addresses the connection uses (the HTTP
 * request's own lookup), so a name that resolves differently the second time cannot slip through.
 */
export class WebhookAddressError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "WebhookAddressError";
  }
}

export const allowPrivate = (env: Readonly<Record<string, string | undefined>> = process.env) =>
  env.WEBHOOK_ALLOW_PRIVATE === "1";

/** An http(s) URL without credentials, or why not. */
export function checkWebhookUrl(text: string): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new WebhookAddressError(`"${text.slice(0, 200)}" is not a URL.`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:")
    throw new WebhookAddressError(`Only http and https URLs receive webhooks (got ${url.protocol}).`);
  if (url.username || url.password)
    throw new WebhookAddressError("A webhook URL must not carry a user name or password.");
  if (text.length > 2000) throw new WebhookAddressError("A webhook URL is at most 2,000 characters.");
  return url;
}

/** Why an address may not receive webhooks, or null when it may. */
export function refusedAddress(address: string): string | null {
  if (!ipaddr.isValid(address)) return `${address} is not an IP address`;
  const parsed = ipaddr.process(address);
  const range = parsed.range();
  return range === "unicast" ? null : `${address} is ${range}`;
}

export type Resolver = (host: string) => Promise<LookupAddress[]>;

const systemResolver: Resolver = (host) =>
  new Promise((resolve, reject) =>
    dnsLookup(host, { all: true, verbatim: true }, (error, addresses) =>
      error ? reject(error) : resolve(addresses),
    ),
  );

/**
 * Every address a host resolves to, each allowed (WEBHOOK_ALLOW_PRIVATE=1 allows all): one refused
 * address refuses the host, since the connection could use any of them.
 */
export async function resolveAllowed(
  host: string,
  {
    resolver = systemResolver,
    env = process.env,
  }: { resolver?: Resolver; env?: Record<string, string | undefined> } = {},
): Promise<LookupAddress[]> {
  const bare = host.replace(/^\[|\]$/g, "");
  const addresses = ipaddr.isValid(bare)
    ? [{ address: bare, family: bare.includes(":") ? 6 : 4 }]
    : await resolver(bare).catch((error: Error) => {
        throw new WebhookAddressError(`${host} does not resolve: ${error.message}`);
      });
  if (addresses.length === 0) throw new WebhookAddressError(`${host} resolves to no address.`);
  if (!allowPrivate(env)) {
    const refused = addresses.map((a) => refusedAddress(a.address)).filter((r): r is string => r !== null);
    if (refused.length > 0)
      throw new WebhookAddressError(
        `${host} is refused: ${refused.join("; ")} (only public addresses receive webhooks; WEBHOOK_ALLOW_PRIVATE=1 allows others).`,
      );
  }
  return addresses;
}

/** A `lookup` for node:http that answers only with allowed addresses (the connection's own check). */
export function guardedLookup(resolver?: Resolver) {
  return (
    hostname: string,
    options: { all?: boolean } | number,
    callback: (error: Error | null, address: string | LookupAddress[], family?: number) => void,
  ) => {
    resolveAllowed(hostname, { ...(resolver ? { resolver } : {}) }).then(
      (addresses) => {
        if (typeof options === "object" && options.all) callback(null, addresses);
        else callback(null, addresses[0]?.address ?? "", addresses[0]?.family);
      },
      (error: Error) => callback(error, ""),
    );
  };
}
