import path from "node:path";
import { defineConfig } from "prisma/config";

// Offline, the CLI would download a native schema engine and fail. A non-executable stub makes
// `prisma generate` work and any native migrate command fail loudly (EACCES); migrations run
// through the Wasm engine instead (lib/db/migrate).
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= path.join(
  import.meta.dirname,
  "prisma/engine/schema-engine-stub",
);

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
});
