import { randomBytes } from "node:crypto";
import type { ModelRecord } from "@/lib/store/model-record";

/** A unique namespace per call, so tests never share rows. */
export const uniqueNamespace = (prefix = "ns"): string => `${prefix}-${randomBytes(4).toString("hex")}`;

export function modelRecord(overrides: Partial<ModelRecord> & { hubId: string }): ModelRecord {
  const namespace = overrides.hubId.split("/")[0] ?? overrides.hubId;
  return {
    namespace,
    createdAt: new Date("2025-01-15T10:00:00Z"),
    lastModified: new Date("2025-02-01T10:00:00Z"),
    pipelineTag: "text-generation",
    libraryName: "transformers",
    license: "apache-2.0",
    gated: false,
    parameters: null,
    baseModels: [],
    baseRelation: null,
    downloads: 100n,
    downloadsAllTime: 1000n,
    likes: 1,
    ...overrides,
  };
}
