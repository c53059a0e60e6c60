"use client";

import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { NuqsAdapter } from "nuqs/adapters/next/app";
import { type ReactNode, useState } from "react";

/**
 * The URL is the chart's state (nuqs); what the browser fetches for it from the public API is
 * cached by TanStack Query, keyed by that state. Answers stay fresh for a minute (the API's
 * max-age), then revalidate with their ETag (components/data/api-fetch.ts): an unchanged answer
 * costs a 304.
 */
export function Providers({ children }: { children: ReactNode }) {
  const [client] = useState(
    () =>
      new QueryClient({
        defaultOptions: { queries: { staleTime: 60_000, gcTime: 10 * 60_000, retry: 1 } },
      }),
  );
  return (
    <QueryClientProvider client={client}>
      <NuqsAdapter>{children}</NuqsAdapter>
    </QueryClientProvider>
  );
}
