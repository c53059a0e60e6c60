import type { HubListing, HubSource } from "@/lib/ingest/crawl";
import type { ModelRecord } from "@/lib/store/model-record";

/**
 * An in-memory HubSource: pages of `pageSize`, next URLs "mem://<author|*>/<offset>", global
 * listing sorted by downloads. `failAt` throws when that page index (0-based, across all listings
 * this source serves) is requested, once.
 */
export function memoryHub(models: ModelRecord[], pageSize = 3, failAt?: number) {
  let served = 0;
  let failed = false;
  const requested: string[] = [];
  const source: HubSource = {
    async *pages({ author, startUrl }) {
      const key = author ?? "*";
      const pool = (author ? models.filter((m) => m.namespace === author) : models)
        .slice()
        .sort((a, b) =>
          a.downloads === b.downloads ? a.hubId.localeCompare(b.hubId) : a.downloads > b.downloads ? -1 : 1,
        );
      let offset = startUrl ? Number(startUrl.split("/").pop()) : 0;
      for (;;) {
        const url = `mem://${key}/${offset}`;
        requested.push(url);
        if (failAt !== undefined && served === failAt && !failed) {
          failed = true;
          throw new Error(`Hub answered 503 for ${url}`);
        }
        served++;
        const slice = pool.slice(offset, offset + pageSize);
        const nextUrl = offset + pageSize < pool.length ? `mem://${key}/${offset + pageSize}` : null;
        const page: HubListing = { url, models: slice, nextUrl };
        yield page;
        if (!nextUrl) return;
        offset += pageSize;
      }
    },
  };
  return { source, requested };
}
