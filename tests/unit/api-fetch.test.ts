import { createServer, type Server } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ApiRequestError, fetchJson } from "@/components/data/api-fetch";

/** A server that answers as our API does: JSON with an ETag, 304 to a current If-None-Match. */
let server: Server;
let base: string;
const seen: (string | undefined)[] = [];
let version = 1;

beforeAll(async () => {
  server = createServer((req, res) => {
    seen.push(req.headers["if-none-match"]);
    if (req.url?.startsWith("/broken")) {
      res.writeHead(400, { "Content-Type": "application/json" });
      res.end(
        JSON.stringify({ error: { code: "bad_request", message: "metric: Invalid option", issues: [] } }),
      );
      return;
    }
    const etag = `"v${version}"`;
    if (req.headers["if-none-match"] === etag) {
      res.writeHead(304, { ETag: etag });
      res.end();
      return;
    }
    res.writeHead(200, { "Content-Type": "application/json", ETag: etag });
    res.end(JSON.stringify({ version }));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  base = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe("fetching the API's answers with their ETags", () => {
  it("asks with If-None-Match once it holds an answer; a 304 keeps that very answer, a change replaces it", async () => {
    const first = await fetchJson<{ version: number }>(`${base}/share`, undefined);
    expect(first).toEqual({ data: { version: 1 }, etag: '"v1"' });
    const again = await fetchJson(`${base}/share`, first);
    expect(again).toBe(first);
    version = 2;
    const changed = await fetchJson<{ version: number }>(`${base}/share`, first);
    expect(changed).toEqual({ data: { version: 2 }, etag: '"v2"' });
    expect(seen).toEqual([undefined, '"v1"', '"v1"']);
  });

  it("an error answer is thrown with the API's own words and its status", async () => {
    const error = await fetchJson(`${base}/broken`, undefined).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiRequestError);
    expect((error as ApiRequestError).message).toBe("metric: Invalid option");
    expect((error as ApiRequestError).status).toBe(400);
  });
});
