import { createServer } from "node:http";
import next from "next";
import { earlyErrorParts } from "../lib/api/errors";
import { rawTargetError } from "../lib/api/raw-query";
import { markServerEntry, stampPeer } from "../lib/http/client";

/**
 * `npm start`'s server: the production build served by Next in this process, behind a plain Node
 * HTTP server that sees each request before Next does. It writes down the socket's address for
 * the request budget, whatever X-Forwarded-For the client sends (lib/http/client.ts), and answers
 * an API request target that Next would redirect or rewrite (dot segments, `//`, a `__proto__`
 * parameter) with a 400 in the API's error shape (lib/api/raw-query.ts).
 */
const port = Number(process.env.PORT || 3000);

markServerEntry();
const app = next({ dev: false, dir: process.cwd(), port, hostname: "localhost" });
await app.prepare();
const handle = app.getRequestHandler();

const server = createServer((request, response) => {
  stampPeer(request);
  const target = (request.url ?? "/").replace(/^[a-z][a-z0-9+.-]*:\/\/[^/]*/i, "");
  const refused = /^[/\\]+api[/\\]/.test(target) ? rawTargetError(target) : null;
  if (refused) {
    const { status, headers, body } = earlyErrorParts(refused, { "Access-Control-Allow-Origin": "*" });
    response.writeHead(status, headers).end(body);
    return;
  }
  handle(request, response).catch((error: unknown) => {
    console.error("Unhandled request error:", error);
    if (!response.headersSent) response.writeHead(500, { "Content-Type": "text/plain; charset=utf-8" });
    response.end("Internal Server Error");
  });
});
// Every interface, as `next start` listens.
server.listen(port, () => console.log(`Open Model Share on http://localhost:${port}`));
