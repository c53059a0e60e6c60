import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { markServerEntry, stampPeer } from "@/lib/http/client";

type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;

/**
 * One route of the app behind a Node HTTP server that does what the server entry
 * (scripts/serve.ts) does before Next: it marks the process and stamps each request with the
 * socket's address. For tests of the request budget over real connections without a build.
 */
export async function serveRoute(handler: Handler): Promise<{ url: string; close: () => Promise<void> }> {
  markServerEntry();
  const server: Server = createServer((incoming, outgoing) => {
    stampPeer(incoming);
    const headers = new Headers();
    for (const [name, value] of Object.entries(incoming.headers))
      if (typeof value === "string") headers.set(name, value);
    const request = new Request(`http://127.0.0.1${incoming.url ?? "/"}`, { headers });
    handler(request, { params: Promise.resolve({}) })
      .then(async (response) => {
        outgoing.writeHead(response.status, Object.fromEntries(response.headers));
        outgoing.end(Buffer.from(await response.arrayBuffer()));
      })
      .catch((error: unknown) => {
        outgoing.writeHead(500).end(String(error));
      });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
