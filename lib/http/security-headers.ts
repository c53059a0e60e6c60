type HeaderRule = { source: string; headers: { key: string; value: string }[] };

const common = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
];

/** Paths that journalists' pages may frame or hot-link; every other page refuses framing. */
export const FRAMEABLE_SOURCES = ["/embed/:path*", "/api/v1/share.png", "/api/v1/share.svg"];

/**
 * Framing policy per path, in the Next `headers()` shape. `missing` cannot express "not these
 * paths", so the deny rule uses a negative lookahead over the frameable prefixes.
 */
export function securityHeaders(): HeaderRule[] {
  return [
    {
      source: "/((?!embed/|api/v1/share\\.png|api/v1/share\\.svg).*)",
      headers: [
        ...common,
        { key: "X-Frame-Options", value: "DENY" },
        { key: "Content-Security-Policy", value: "frame-ancestors 'none'" },
      ],
    },
    ...FRAMEABLE_SOURCES.map((source) => ({
      source,
      headers: [...common, { key: "Content-Security-Policy", value: "frame-ancestors *" }],
    })),
  ];
}
