import { afterEach, describe, expect, it, vi } from "vitest";
import { getModel, type HubPage, listModels, MODEL_EXPAND_FIELDS } from "../../lib/hf";
import { HubResponseError } from "../../lib/hf/errors";
import { type FakeHub, type FakeModel, makeFakeModels, startFakeHub } from "../fake-hub/server";

const hubs: FakeHub[] = [];
async function fakeHub(...args: Parameters<typeof startFakeHub>): Promise<FakeHub> {
  const hub = await startFakeHub(...args);
  hubs.push(hub);
  return hub;
}
afterEach(async () => {
  vi.unstubAllEnvs();
  await Promise.all(hubs.splice(0).map((hub) => hub.close()));
});

const noSleep = async () => {};

async function collect(pages: AsyncGenerator<HubPage>): Promise<HubPage[]> {
  const out: HubPage[] = [];
  for await (const page of pages) out.push(page);
  return out;
}

describe("listModels", () => {
  it("asks for 1,000 models by downloads with every expand field", async () => {
    const hub = await fakeHub({ models: makeFakeModels(5) });
    await collect(listModels({ endpoint: hub.url, token: null }));
    const query = new URL(hub.requests[0]?.url ?? "").searchParams;
    expect(query.get("sort")).toBe("downloads");
    // The Hub always sorts descending and ignores direction: none is sent.
    expect(query.has("direction")).toBe(false);
    expect(query.get("limit")).toBe("1000");
    expect(query.getAll("expand[]")).toEqual([...MODEL_EXPAND_FIELDS]);
    expect(query.has("cursor")).toBe(false);
  });

  it("follows the Link header across pages and stops on the last", async () => {
    const population = makeFakeModels(2500, 11);
    const hub = await fakeHub({ models: population });
    const pages = await collect(listModels({ endpoint: hub.url, token: null }));
    expect(pages.map((p) => [p.index, p.models.length])).toEqual([
      [1, 1000],
      [2, 1000],
      [3, 500],
    ]);
    expect(pages.map((p) => p.nextUrl === null)).toEqual([false, false, true]);
    expect(pages[1]?.url).toBe(pages[0]?.nextUrl);
    const ids = pages.flatMap((p) => p.models.map((m) => m.id));
    expect(ids).toEqual(Array.from({ length: 2500 }, (_, i) => population.at(i).id));
    const downloads = pages.flatMap((p) => p.models.map((m) => m.downloads ?? 0n));
    expect(downloads.every((d, i) => i === 0 || d <= (downloads[i - 1] ?? 0n))).toBe(true);
    expect(hub.requests).toHaveLength(3);
  });

  it("passes author, search and filter, with a smaller page size", async () => {
    const models: FakeModel[] = [
      {
        _id: "1",
        id: "Qwen/Qwen3-8B",
        downloads: 30,
        downloadsAllTime: 30,
        likes: 0,
        tags: ["text-generation"],
      },
      {
        _id: "2",
        id: "Qwen/Qwen3-Embedding",
        downloads: 20,
        downloadsAllTime: 20,
        likes: 0,
        tags: ["feature-extraction"],
      },
      {
        _id: "3",
        id: "qwen/Qwen3-4B",
        downloads: 10,
        downloadsAllTime: 10,
        likes: 0,
        tags: ["text-generation"],
      },
      {
        _id: "4",
        id: "deepseek-ai/DeepSeek-R1",
        downloads: 40,
        downloadsAllTime: 40,
        likes: 0,
        tags: ["text-generation"],
      },
    ];
    const hub = await fakeHub({ models });
    const pages = await collect(
      listModels({
        endpoint: hub.url,
        token: null,
        author: "Qwen",
        search: "qwen3",
        filter: ["text-generation"],
        limit: 1,
      }),
    );
    expect(pages.flatMap((p) => p.models.map((m) => m.id))).toEqual(["Qwen/Qwen3-8B", "qwen/Qwen3-4B"]);
  });

  it("fetches nothing more once the caller stops iterating", async () => {
    const hub = await fakeHub({ models: makeFakeModels(5000) });
    for await (const page of listModels({ endpoint: hub.url, token: null })) {
      expect(page.index).toBe(1);
      break;
    }
    expect(hub.requests).toHaveLength(1);
  });

  it("resumes from a stored page URL", async () => {
    const hub = await fakeHub({ models: makeFakeModels(1000, 5) });
    const full = await collect(listModels({ endpoint: hub.url, token: null, limit: 300 }));
    expect(full).toHaveLength(4);
    const cursor = full[1]?.nextUrl ?? "";
    hub.requests.length = 0;

    const resumed = await collect(
      listModels({ endpoint: hub.url, token: null, startUrl: cursor, firstIndex: 3 }),
    );
    expect(hub.requests[0]?.url).toBe(cursor);
    expect(resumed.map((p) => p.index)).toEqual([3, 4]);
    expect(resumed.flatMap((p) => p.models.map((m) => m.id))).toEqual(
      full.slice(2).flatMap((p) => p.models.map((m) => m.id)),
    );
  });

  it("serves a lazily generated 2,000,000-model population page by page", async () => {
    const population = makeFakeModels(2_000_000, 9);
    const hub = await fakeHub({ models: population });
    const pages: HubPage[] = [];
    for await (const page of listModels({ endpoint: hub.url, token: null })) {
      pages.push(page);
      if (pages.length === 3) break;
    }
    expect(pages.map((p) => p.models.length)).toEqual([1000, 1000, 1000]);
    expect(pages[2]?.models[999]?.id).toBe(population.at(2999).id);
  });

  it("keeps counts past 2^31 and 2^53 exact", async () => {
    const models: FakeModel[] = [
      { _id: "1", id: "big/past-2-53", downloads: 2_147_483_648, downloadsAllTime: 2n ** 53n + 1n, likes: 0 },
      { _id: "2", id: "big/three-billion", downloads: 5, downloadsAllTime: 3_000_000_000, likes: 0 },
      { _id: "3", id: "big/huge", downloads: 1, downloadsAllTime: 12_345_678_901_234_567_890n, likes: 0 },
    ];
    const hub = await fakeHub({ models });
    const [page] = await collect(listModels({ endpoint: hub.url, token: null }));
    expect(page?.models.map((m) => [m.id, m.downloads, m.downloadsAllTime])).toEqual([
      ["big/past-2-53", 2_147_483_648n, 9_007_199_254_740_993n],
      ["big/three-billion", 5n, 3_000_000_000n],
      ["big/huge", 1n, 12_345_678_901_234_567_890n],
    ]);
  });

  it("names page, model and field when a page stays invalid", async () => {
    const population = makeFakeModels(30, 2);
    const hub = await fakeHub({
      models: population,
      faults: [
        {
          path: /cursor=/,
          fault: { kind: "invalid-field", field: "downloads", value: "many", modelIndex: 4 },
          times: 2,
        },
      ],
    });
    const seen: number[] = [];
    const error = await (async () => {
      for await (const page of listModels({ endpoint: hub.url, token: null, limit: 10, sleep: noSleep })) {
        seen.push(page.index);
      }
    })().catch((e: unknown) => e);
    expect(seen).toEqual([1]);
    expect(error).toBeInstanceOf(HubResponseError);
    expect((error as Error).message).toMatch(
      new RegExp(
        `^Hub page 2: model "${population.at(14).id}": field "downloads": expected number, got string \\(GET http`,
      ),
    );
  });

  it("sends HF_TOKEN from the environment as Bearer to HF_ENDPOINT", async () => {
    const hub = await fakeHub({ models: makeFakeModels(3), requireToken: "hf_env_token" });
    vi.stubEnv("HF_ENDPOINT", `${hub.url}/`);
    vi.stubEnv("HF_TOKEN", "hf_env_token");
    const pages = await collect(listModels());
    expect(pages[0]?.models).toHaveLength(3);
    expect(hub.requests[0]?.authorization).toBe("Bearer hf_env_token");
  });

  it("does not send the token when the next link leaves the endpoint's origin", async () => {
    const hub = await fakeHub({ models: makeFakeModels(3), linkOrigin: "http://mirror.test" });
    const mirror = await fakeHub({ models: makeFakeModels(3) });
    // mirror.test is routed to a second fake server: a different origin from the endpoint.
    const route: typeof fetch = (url, init) =>
      fetch(String(url).replace("http://mirror.test", mirror.url), init);
    const pages = await collect(listModels({ endpoint: hub.url, token: "hf_abc", limit: 2, fetch: route }));
    expect(pages.map((p) => p.models.length)).toEqual([2, 1]);
    expect(hub.requests[0]?.authorization).toBe("Bearer hf_abc");
    expect(mirror.requests[0]?.authorization).toBeNull();
  });

  it("refuses a Link that points back at the same page", async () => {
    const url = "http://hub.test/api/models?limit=1";
    const fetchLoop: typeof fetch = async () =>
      new Response('[{"id":"a/b","downloads":1,"downloadsAllTime":1,"likes":0}]', {
        status: 200,
        headers: { Link: `<${url}>; rel="next"` },
      });
    const pages = listModels({ endpoint: "http://hub.test", token: null, startUrl: url, fetch: fetchLoop });
    await expect(collect(pages)).rejects.toThrow(/next link points back at this page/);
  });

  it("rejects a resume URL that is not http(s)", async () => {
    await expect(collect(listModels({ token: null, startUrl: "file:///etc/passwd" }))).rejects.toThrow(
      RangeError,
    );
    await expect(listModels({ token: null, limit: 5000 }).next()).rejects.toThrow(/limit must be an integer/);
  });
});

describe("getModel", () => {
  it("returns one model, or null when the Hub has none", async () => {
    const population = makeFakeModels(20, 4);
    const hub = await fakeHub({ models: population });
    const id = population.at(7).id;
    const model = await getModel(id, { endpoint: hub.url, token: null });
    expect(model).toMatchObject({ id, downloads: BigInt(population.at(7).downloads ?? 0) });
    expect(hub.requests[0]?.path).toMatch(new RegExp(`^/api/models/${id}\\?expand%5B%5D=author`));
    expect(await getModel("nobody/nothing", { endpoint: hub.url, token: null })).toBeNull();
  });
});
