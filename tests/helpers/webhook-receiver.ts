import { createHmac, timingSafeEqual } from "node:crypto";
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";

export type Received = {
  key: string;
  attempt: number;
  body: string;
  /** The signature checked here, independently of lib/webhooks: HMAC-SHA256 of `${timestamp}.${body}` */
  signed: boolean;
  status: number;
};

/**
 * A webhook receiver on 127.0.0.1, as strict as a careful one: POST with a JSON body only, the
 * three headers present, the signature checked with the subscription's secret (set once known).
 * `answer` picks the status of each request (default 200); `hold` never answers (a slow receiver).
 */
export async function startReceiver(
  options: { answer?: (r: Omit<Received, "status">) => number | "hold" } = {},
) {
  const received: Received[] = [];
  let secret = "";
  const held: IncomingMessage[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const body = Buffer.concat(chunks).toString("utf8");
      const key = String(req.headers["oms-webhook-id"] ?? "");
      const timestamp = String(req.headers["oms-webhook-timestamp"] ?? "");
      const signature = String(req.headers["oms-webhook-signature"] ?? "");
      const expected = `sha256=${createHmac("sha256", secret).update(`${timestamp}.${body}`).digest("hex")}`;
      const signed =
        secret !== "" &&
        /^\d+$/.test(timestamp) &&
        signature.length === expected.length &&
        timingSafeEqual(Buffer.from(signature), Buffer.from(expected));
      let json = true;
      try {
        JSON.parse(body);
      } catch {
        json = false;
      }
      const wellFormed =
        req.method === "POST" && req.headers["content-type"] === "application/json" && json && key !== "";
      const entry = { key, attempt: Number(req.headers["oms-webhook-attempt"] ?? 0), body, signed };
      const answer = wellFormed && signed ? (options.answer?.(entry) ?? 200) : 400;
      if (answer === "hold") {
        held.push(req);
        return;
      }
      received.push({ ...entry, status: answer });
      res.writeHead(answer, { "Content-Type": "text/plain" }).end(answer < 300 ? "ok" : "no");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hook`,
    received,
    held,
    setSecret: (s: string) => {
      secret = s;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
export type Receiver = Awaited<ReturnType<typeof startReceiver>>;
