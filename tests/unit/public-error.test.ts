import { describe, expect, it } from "vitest";
import { publicErrorText } from "@/lib/format/public-error";

describe("publicErrorText", () => {
  it.each([
    [
      "Hub page 3: HTTP 503 Service Unavailable (GET http://hub.internal:8080/api/models?sort=downloads&cursor=abc, 6 attempts)",
      "Hub page 3: HTTP 503 Service Unavailable (6 attempts)",
    ],
    [
      "Hub page 1: network error waiting for the response: fetch failed: ECONNREFUSED connect ECONNREFUSED 10.1.2.3:443 (GET https://huggingface.co/api/models, 1 attempt)",
      "Hub page 1: network error waiting for the response: fetch failed: ECONNREFUSED connect ECONNREFUSED [host] (1 attempt)",
    ],
    [
      "Cannot use Postgres at db.internal.example:5432/oms: password authentication failed",
      "Cannot use Postgres at [host]/oms: password authentication failed",
    ],
    [
      "ENOENT: no such file or directory, open '/srv/app/.data/x.parquet'",
      "ENOENT: no such file or directory, open '[path]'",
    ],
    ["boom\n    at Object.<anonymous> (/srv/app/lib/x.ts:1:1)\n    at node:internal", "boom"],
    [
      'model "org/x": field "downloads": expected number, got string',
      'model "org/x": field "downloads": expected number, got string',
    ],
    ["run started 12:30:45 and failed", "run started 12:30:45 and failed"],
  ])("%s", (raw, expected) => {
    expect(publicErrorText(new Error(raw))).toBe(expected);
  });
});
