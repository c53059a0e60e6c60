/** One model of a Hub listing page, normalised for storage. */
export type ModelRecord = {
  hubId: string;
  namespace: string;
  createdAt: Date | null;
  lastModified: Date | null;
  pipelineTag: string | null;
  libraryName: string | null;
  license: string | null;
  gated: boolean;
  parameters: bigint | null;
  baseModels: string[];
  baseRelation: "finetune" | "adapter" | "quantized" | "merge" | null;
  /** The Hub's trailing-30-day count */
  downloads: bigint;
  downloadsAllTime: bigint;
  likes: number;
};
