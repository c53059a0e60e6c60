import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { openApiDocument } from "../lib/api/openapi";

/** Writes the API's OpenAPI document (as /api/v1/openapi.json serves it) for `redocly lint`. */
const out = process.argv[2] ?? ".cache/openapi.json";
mkdirSync(path.dirname(out), { recursive: true });
writeFileSync(out, `${JSON.stringify(openApiDocument("https://openmodelshare.org"), null, 2)}\n`);
console.log(`Wrote ${out}`);
