import { type NextRequest, NextResponse } from "next/server";
import { ApiError, earlyErrorParts } from "./lib/api/errors";
import { parseEmbedQuery } from "./lib/api/image-query";
import { operationsAt } from "./lib/api/operations";
import { badPathSegment, checkRawQuery } from "./lib/api/raw-query";
import { originVary } from "./lib/http/client";
import { pageCsp } from "./lib/http/csp";

/**
 * Before any route runs: API paths that do not decode, do not exist or do not take the method
 * are answered here in the API's error shape (Next would answer bare text or an HTML page), CORS
 * preflights of the public API are answered, an invalid embed link gets a readable 400, and every
 * page gets a per-request CSP nonce (prefetches included).
 */
export function proxy(request: NextRequest) {
  const { pathname, searchParams } = request.nextUrl;
  if (pathname.startsWith("/api/")) return api(request, pathname);
  // Next's own trailing-slash redirect is off (next.config.ts) so that an API path ending in "/"
  // (or in a dot segment, which Next has removed by now) is a 404 in the API's shape, not a 308;
  // pages keep it.
  if (pathname.length > 1 && pathname.endsWith("/")) {
    // Never "//…", which a browser would read as another host. Next sends a redirect to its own
    // origin as a relative location.
    const location = `/${pathname.replace(/^\/+|\/+$/g, "")}${request.nextUrl.search}`;
    return NextResponse.redirect(new URL(location, request.url), 308);
  }
  if (pathname === "/embed/share") {
    try {
      parseEmbedQuery(searchParams);
    } catch (error) {
      if (error instanceof ApiError) return invalidEmbed(error.message);
      throw error;
    }
    // The embed sets its own fixed policy (lib/http/csp.ts): no nonce, so it can be cached.
    return NextResponse.next();
  }
  // robots.txt and the sitemap name our origin and are sent public: a shared cache must keep one
  // per origin the client could have used. (Pages name it too, but Next sends them private,
  // no-store, with a Vary of its own in place of this one.)
  const vary = originVary();
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const csp = pageCsp(nonce, pathname);
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", csp);
  if (vary) response.headers.set("Vary", vary);
  return response;
}

function api(request: NextRequest, pathname: string): Response {
  const bad = badPathSegment(
    request.nextUrl.href.split("?")[0]?.replace(/^[a-z]+:\/\/[^/]+/i, "") ?? pathname,
  );
  if (bad !== null)
    return apiError(
      new ApiError(
        "bad_request",
        `The path segment "${bad.slice(0, 60)}" does not decode (malformed percent-encoding or NUL).`,
        [{ path: "(path)", message: "is not valid UTF-8" }],
      ),
    );
  try {
    // Checked here: by the time a route runs, Next has re-encoded malformed bytes as U+FFFD.
    checkRawQuery(request.url);
  } catch (error) {
    if (error instanceof ApiError) return apiError(error, { "Access-Control-Allow-Origin": "*" });
    throw error;
  }
  const operations = operationsAt(pathname);
  if (operations.length === 0)
    return apiError(
      new ApiError(
        "not_found",
        `No API route ${pathname.slice(0, 100)}${pathname.length > 1 && pathname.endsWith("/") ? " (API paths never end in /)" : ""}. The routes are listed in /api/v1/openapi.json.`,
      ),
    );
  const methods = operations.map((o) => o.method);
  const allow = [...new Set([...methods, ...(methods.includes("GET") ? ["HEAD"] : []), "OPTIONS"])].join(
    ", ",
  );
  const method = request.method.toUpperCase();
  if (method === "OPTIONS") {
    const publicRoute = operations.some((o) => !o.bearer);
    return new Response(null, {
      status: 204,
      headers: {
        Allow: allow,
        ...(publicRoute
          ? {
              "Access-Control-Allow-Origin": "*",
              "Access-Control-Allow-Methods": "GET, HEAD, OPTIONS",
              "Access-Control-Allow-Headers": "If-None-Match",
              "Access-Control-Max-Age": "86400",
            }
          : {}),
      },
    });
  }
  if (!methods.includes(method as "GET") && !(method === "HEAD" && methods.includes("GET")))
    return apiError(new ApiError("method_not_allowed", `${method} is not allowed here; use ${allow}.`), {
      Allow: allow,
    });
  return NextResponse.next();
}

function apiError(error: ApiError, headers: Record<string, string> = {}): Response {
  const parts = earlyErrorParts(error, headers);
  return new Response(parts.body, { status: parts.status, headers: parts.headers });
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
  matcher: ["/((?!_next/static|_next/image|icon.svg|favicon.ico).*)"],
};
