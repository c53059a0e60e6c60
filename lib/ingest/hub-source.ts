import { createHubPacer, type ListModelsOptions, listModels, readHubConfig } from "../hf";
import type { HubSource } from "./crawl";
import { toModelRecord } from "./normalize";

/**
 * The real Hub (or any server speaking its listing API at HF_ENDPOINT) as a HubSource. One pacer
 * is shared by every listing of the run, so all of them count against the same rate limit.
 */
export function hubSource(options: Omit<ListModelsOptions, "author" | "startUrl"> = {}): HubSource {
  const config = readHubConfig();
  const pacer = options.pacer ?? createHubPacer((options.token ?? config.token) !== null);
  return {
    async *pages({ author, startUrl }) {
      for await (const page of listModels({ ...options, pacer, author, startUrl })) {
        const visible = page.models.filter((m) => m.private !== true);
        yield {
          url: page.url,
          models: visible.map(toModelRecord),
          nextUrl: page.nextUrl,
          privateSkipped: page.models.length - visible.length,
        };
      }
    },
  };
}
