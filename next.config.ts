import type { NextConfig } from "next";
import { securityHeaders } from "./lib/http/security-headers";

const nextConfig: NextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // proxy.ts redirects pages' trailing slashes itself and answers API paths in the API's shape.
  skipTrailingSlashRedirect: true,
  // PGlite and the Prisma adapters load their own Wasm/native files at run time: keep them out of
  // the server bundle.
  serverExternalPackages: [
    "@electric-sql/pglite",
    "pglite-prisma-adapter",
    "@prisma/adapter-pg",
    "@prisma/schema-engine-wasm",
    "pg",
  ],
  async headers() {
    return securityHeaders();
  },
};

export default nextConfig;
