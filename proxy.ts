import { type NextRequest, NextResponse } from "next/server";
import { ApiError } from "./lib/api/errors";
import { EMBED_PARAMS, embedPresentationSchema, parseSharePresentation } from "./lib/api/image-query";
import { pageCsp } from "./lib/http/csp";

/**
 * Pages get a per-request CSP nonce; an invalid embed link is answered 400 here, with a readable
 * message, before any rendering.
 */
export function proxy(request: NextRequest) {
  const { pathname, searchParams } = request.nextUrl;
  if (pathname === "/embed/share") {
    try {
      parseSharePresentation(searchParams, embedPresentationSchema, EMBED_PARAMS);
    } catch (error) {
      if (error instanceof ApiError) return invalidEmbed(error.message);
      throw error;
    }
  }
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const csp = pageCsp(nonce, pathname);
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", csp);
  return response;
}

function invalidEmbed(message: string): Response {
  const safe = message.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  const html = `<!doctype html><html lang="en"><meta charset="utf-8"><title>Invalid embed</title><body style="font-family:system-ui,sans-serif;padding:16px;color:#111827;background:#fff"><strong>This embed link is invalid</strong><p style="color:#4b5563;font-size:14px">${safe}</p><p style="font-size:13px">Open Model Share</p></body></html>`;
  return new Response(html, {
    status: 400,
    headers: {
      "Content-Type": "text/html; charset=utf-8",
      "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors *",
      "Cache-Control": "no-store",
    },
  });
}

export const config = {
  matcher: [
    {
      source: "/((?!api/|_next/static|_next/image|icon.svg|favicon.ico).*)",
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};
