import { beforeAll, describe, expect, it } from "vitest";
import { getModelAttribution } from "@/lib/origins/attribution";
import { refreshLineage } from "@/lib/origins/lineage";
import type { Registry } from "@/lib/origins/registry-schema";
import { syncRegistry } from "@/lib/origins/sync";
import { writeSnapshots } from "@/lib/store/write-snapshots";
import { modelRecord, uniqueNamespace } from "../factories/model-record";
import { organization } from "../factories/population";
import { suiteDatabase } from "../helpers/suite";
import { testBackends } from "../helpers/test-db";

function registryWith(cnNamespace: string, usNamespace: string, country = "CN"): Registry {
  return {
    labs: [
      { slug: "qwen", name: "Qwen", parent: "Alibaba Group", country: "CN", color: "#6f42c1" },
      { slug: "meta", name: "Meta", parent: null, country: "US", color: "#0072b2" },
    ],
    organizations: [
      organization(cnNamespace, { lab: "qwen", country, source: "https://qwen.ai/" }),
      organization(usNamespace, { lab: "meta", country: "US", source: "https://ai.meta.com/" }),
    ],
  };
}

describe.each(testBackends())("origins on %s", (backend) => {
  const db = suiteDatabase(backend);
  const qwen = uniqueNamespace("qwen");
  const meta = uniqueNamespace("meta");
  const user = uniqueNamespace("user");
  const quant = uniqueNamespace("quant");

  beforeAll(async () => {
    await syncRegistry(db, registryWith(qwen, meta));
    await writeSnapshots(
      db,
      [
        modelRecord({ hubId: `${qwen}/Base-7B` }),
        modelRecord({ hubId: `${user}/ft`, baseModels: [`${qwen}/Base-7B`], baseRelation: "finetune" }),
        modelRecord({ hubId: `${quant}/ft-GGUF`, baseModels: [`${user}/ft`], baseRelation: "quantized" }),
        // base not crawled: the chain ends at it and its namespace decides
        modelRecord({
          hubId: `${user}/llama-ft`,
          baseModels: [`${meta}/Llama-9-8B`],
          baseRelation: "finetune",
        }),
        // a cycle a -> b -> a
        modelRecord({ hubId: `${user}/cyc-a`, baseModels: [`${user}/cyc-b`] }),
        modelRecord({ hubId: `${user}/cyc-b`, baseModels: [`${user}/cyc-a`] }),
        modelRecord({ hubId: `${user}/self`, baseModels: [`${user}/self`] }),
        modelRecord({ hubId: `${user}/plain` }),
        // the Hub resolves ids ignoring case: tags may spell a base differently from its id
        modelRecord({ hubId: `${user}/cased`, baseModels: [`${qwen.toUpperCase()}/base-7b`] }),
        modelRecord({ hubId: `${user}/cased-untracked`, baseModels: [`${meta.toUpperCase()}/Llama-X`] }),
        // merges follow their first base in the Hub's order
        modelRecord({
          hubId: `${user}/merge-meta-first`,
          baseModels: [`${meta}/Llama-9-8B`, `${qwen}/Base-7B`],
          baseRelation: "merge",
        }),
        modelRecord({
          hubId: `${user}/merge-qwen-first`,
          baseModels: [`${qwen}/Base-7B`, `${meta}/Llama-9-8B`],
          baseRelation: "merge",
        }),
      ],
      "2025-08-01",
      { runId: null },
    );
    await refreshLineage(db);
  });

  const lineage = async (hubId: string) =>
    db.prisma.model.findUniqueOrThrow({
      where: { hubId },
      select: { lineageRoot: true, lineageNamespace: true },
    });

  it.each([
    ["a fine-tune resolves to its base", () => `${user}/ft`, () => `${qwen}/Base-7B`],
    ["a quantized fine-tune resolves through the chain", () => `${quant}/ft-GGUF`, () => `${qwen}/Base-7B`],
    ["a base we never crawled ends the chain", () => `${user}/llama-ft`, () => `${meta}/Llama-9-8B`],
  ])("%s", async (_, model, root) => {
    expect(await lineage(model())).toEqual({ lineageRoot: root(), lineageNamespace: root().split("/")[0] });
  });

  it("a model without bases keeps no lineage: it is its own root", async () => {
    expect(await lineage(`${qwen}/Base-7B`)).toEqual({ lineageRoot: null, lineageNamespace: null });
    expect(await lineage(`${user}/plain`)).toEqual({ lineageRoot: null, lineageNamespace: null });
    expect((await getModelAttribution(db, `${user}/plain`))?.lineageRoot).toBe(`${user}/plain`);
  });

  it("resolves only what may have moved: a newly crawled base re-roots the chains that ended at it", async () => {
    await writeSnapshots(
      db,
      [modelRecord({ hubId: `${meta}/Llama-9-8B`, baseModels: [`${meta}/Llama-9-Base`] })],
      "2025-08-02",
      { runId: null },
    );
    expect(await db.prisma.lineagePending.count()).toBe(1);
    const result = await refreshLineage(db);
    expect(await db.prisma.lineagePending.count()).toBe(0);
    expect(await lineage(`${user}/llama-ft`)).toEqual({
      lineageRoot: `${meta}/Llama-9-Base`,
      lineageNamespace: meta,
    });
    expect(result.updated).toBeGreaterThanOrEqual(2);
    // Nothing queued: nothing to do.
    expect(await refreshLineage(db)).toEqual({ updated: 0, earliestAffected: null });
  });

  it("names the earliest snapshot of the models whose attribution moved", async () => {
    const late = uniqueNamespace("late");
    const fillers = Array.from({ length: 300 }, (_, i) => modelRecord({ hubId: `${late}/filler-${i}` }));
    await writeSnapshots(db, [modelRecord({ hubId: `${late}/old` }), ...fillers], "2025-07-01", {
      runId: null,
    });
    await writeSnapshots(db, fillers, "2025-07-10", { runId: null });
    await writeSnapshots(
      db,
      [...fillers, modelRecord({ hubId: `${late}/new-ft`, baseModels: [`${qwen}/Base-7B`] })],
      "2025-07-20",
      { runId: null },
    );
    // The fillers and the old model keep counting for their own namespace: only the new
    // fine-tune moved, and it was first listed on the 20th.
    expect((await refreshLineage(db)).earliestAffected).toEqual(new Date("2025-07-20T00:00:00Z"));
    // The old model names a base from the 25th on: its earlier listings keep counting for its own
    // namespace (their attributes as of their dates), so the 25th is the earliest that moved.
    await writeSnapshots(
      db,
      [modelRecord({ hubId: `${late}/old`, baseModels: [`${meta}/Llama-9-8B`] })],
      "2025-07-25",
      { runId: null },
    );
    expect((await refreshLineage(db)).earliestAffected).toEqual(new Date("2025-07-25T00:00:00Z"));
    // A model whose base other dates list through it: its older listing (no base) moving to a
    // base changes where chains through it end on dates it is not listed.
    await writeSnapshots(
      db,
      [modelRecord({ hubId: `${late}/quant`, baseModels: [`${late}/filler-0`] })],
      "2025-07-10",
      { runId: null },
    );
    expect((await refreshLineage(db)).earliestAffected).toEqual(new Date("2025-07-10T00:00:00Z"));
    await writeSnapshots(
      db,
      [modelRecord({ hubId: `${late}/filler-0`, baseModels: [`${qwen}/Base-7B`] })],
      "2025-07-30",
      { runId: null },
    );
    // filler-0 named no base until the 30th: its listings now disagree, so the quant's chain is
    // resolved date by date (on the 10th filler-0 was listed without a base: it ends there).
    expect((await refreshLineage(db)).earliestAffected).toEqual(new Date("2025-07-10T00:00:00Z"));
    const quant = await db.prisma.model.findUniqueOrThrow({ where: { hubId: `${late}/quant` } });
    const versions = await db.prisma.modelVersion.findMany({ where: { modelId: quant.id } });
    expect(versions.map((v) => v.lineageVaries)).toEqual([true]);
  });

  it("matches base ids ignoring case, as the Hub resolves them", async () => {
    expect(await lineage(`${user}/cased`)).toEqual({
      lineageRoot: `${qwen}/Base-7B`,
      lineageNamespace: qwen,
    });
    // An uncrawled root takes the registry's spelling of its namespace, so it is attributed.
    expect(await lineage(`${user}/cased-untracked`)).toEqual({
      lineageRoot: `${meta.toUpperCase()}/Llama-X`,
      lineageNamespace: meta,
    });
    expect((await getModelAttribution(db, `${user}/cased-untracked`))?.lineage.region).toBe("US");
  });

  it("a merge keeps every base and follows the first in the Hub's order", async () => {
    expect((await lineage(`${user}/merge-meta-first`)).lineageNamespace).toBe(meta);
    expect((await lineage(`${user}/merge-qwen-first`)).lineageNamespace).toBe(qwen);
    const stored = await db.prisma.model.findUniqueOrThrow({ where: { hubId: `${user}/merge-meta-first` } });
    expect(stored.baseModels).toEqual([`${meta}/Llama-9-8B`, `${qwen}/Base-7B`]);
    expect(stored.baseRelation).toBe("merge");
  });

  it("cycles terminate", async () => {
    const a = await lineage(`${user}/cyc-a`);
    const b = await lineage(`${user}/cyc-b`);
    expect([`${user}/cyc-a`, `${user}/cyc-b`]).toContain(a.lineageRoot);
    expect([`${user}/cyc-a`, `${user}/cyc-b`]).toContain(b.lineageRoot);
    expect((await lineage(`${user}/self`)).lineageRoot).toBe(`${user}/self`);
  });

  it("a Qwen fine-tune by an unknown user is UNKNOWN by developer and CN by lineage", async () => {
    const attribution = await getModelAttribution(db, `${quant}/ft-GGUF`);
    expect(attribution?.developer).toMatchObject({ namespace: quant, region: "UNKNOWN", country: null });
    expect(attribution?.lineage).toMatchObject({ namespace: qwen, region: "CN", country: "CN", lab: "qwen" });
    const llama = await getModelAttribution(db, `${user}/llama-ft`);
    expect(llama?.lineage).toMatchObject({ namespace: meta, region: "US" });
  });

  it("editing a registry entry and re-syncing re-attributes that namespace's models", async () => {
    await syncRegistry(db, registryWith(qwen, meta, "SG"));
    expect((await getModelAttribution(db, `${qwen}/Base-7B`))?.developer).toMatchObject({
      country: "SG",
      region: "OTHER",
    });
    expect((await getModelAttribution(db, `${user}/ft`))?.lineage).toMatchObject({
      country: "SG",
      region: "OTHER",
    });
    await syncRegistry(db, registryWith(qwen, meta));
    expect((await getModelAttribution(db, `${user}/ft`))?.lineage.region).toBe("CN");
  });

  it("a namespace removed from the registry becomes unattributed, its lab is dropped", async () => {
    const reg = registryWith(qwen, meta);
    const summary = await syncRegistry(db, {
      labs: reg.labs.slice(0, 1),
      organizations: reg.organizations.slice(0, 1),
    });
    expect(summary.detached).toBe(1);
    const org = await db.prisma.organization.findUniqueOrThrow({ where: { namespace: meta } });
    expect(org).toMatchObject({ inRegistry: false, country: null, labSlug: null });
    expect(await db.prisma.lab.findUnique({ where: { slug: "meta" } })).toBeNull();
    await syncRegistry(db, reg);
  });
});
