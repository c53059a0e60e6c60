/** API answers are data: they load nothing and are framed nowhere. */
export const API_CSP = "default-src 'none'; frame-ancestors 'none'";

type HeaderRule = { source: string; headers: { key: string; value: string }[] };

const common = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
];

/**
 * Static headers per path, in the Next `headers()` shape. Pages get their CSP (with a nonce)
 * from proxy.ts; here: nothing but embeds and images may be framed, API answers carry a CSP
 * that allows nothing, images may be hot-linked from anywhere.
 */
export function securityHeaders(): HeaderRule[] {
  return [
    { source: "/:path*", headers: common },
    {
      source: "/((?!embed(?:/|$)|api/v1/share\\.png|api/v1/share\\.svg).*)",
      headers: [{ key: "X-Frame-Options", value: "DENY" }],
    },
    {
      source: "/api/:path((?!v1/share\\.png|v1/share\\.svg).*)",
      headers: [{ key: "Content-Security-Policy", value: API_CSP }],
    },
    ...["/api/v1/share.png", "/api/v1/share.svg"].map((source) => ({
      source,
      headers: [
        {
          key: "Content-Security-Policy",
          value: "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors *",
        },
        { key: "Cross-Origin-Resource-Policy", value: "cross-origin" },
      ],
    })),
  ];
}
