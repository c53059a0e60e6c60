import { taggedRepack } from "../domain/repacks";
import { type HubModel, parseBaseModelTags } from "../hf";
import type { ModelRecord } from "../store/model-record";

/** A listing entry as we store it: exact counts, parsed dates, licence and base models from tags. */
export function toModelRecord(model: HubModel): ModelRecord {
  const tags = model.tags ?? [];
  const self = model.id.toLowerCase();
  const bases = parseBaseModelTags(tags).filter((b) => b.id.toLowerCase() !== self);
  const namespace = model.id.includes("/") ? (model.id.split("/")[0] as string) : (model.author ?? model.id);
  const license = tags.find((t) => t.startsWith("license:"))?.slice("license:".length) ?? null;
  return {
    hubId: model.id,
    namespace,
    createdAt: model.createdAt ? new Date(model.createdAt) : null,
    lastModified: model.lastModified ? new Date(model.lastModified) : null,
    pipelineTag: model.pipeline_tag ?? null,
    libraryName: model.library_name ?? null,
    license,
    gated: model.gated !== undefined && model.gated !== false,
    parameters: model.safetensors?.total !== undefined ? BigInt(model.safetensors.total) : null,
    baseModels: [...new Set(bases.map((b) => b.id))],
    baseRelation: bases.find((b) => b.relation !== null)?.relation ?? null,
    repack: taggedRepack(tags),
    downloads: model.downloads,
    downloadsAllTime: model.downloadsAllTime,
    likes: model.likes,
  };
}
