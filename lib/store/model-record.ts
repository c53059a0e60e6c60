import type { BaseRelation } from "../db/generated/enums";

/**
 * One model at one snapshot date, normalised for storage. A field that is null is one the source
 * does not give; with `keepKnown` (history files) it leaves what the database knows as it is.
 */
export type ModelRecord = {
  hubId: string;
  namespace: string;
  createdAt: Date | null;
  lastModified: Date | null;
  pipelineTag: string | null;
  libraryName: string | null;
  license: string | null;
  gated: boolean | null;
  parameters: bigint | null;
  /** Every base in the Hub's order */
  baseModels: string[];
  baseRelation: BaseRelation | null;
  /**
   * The listing's tags mark it a repack (`gguf`, `mlx`): where a source gives no tags, the base
   * relation and the library alone say so (lib/domain/repacks.ts).
   */
  repack?: boolean;
  /** The Hub's trailing-30-day count */
  downloads: bigint;
  /** Null where the source has none (weekly Hub snapshots before 2025-02-26) */
  downloadsAllTime: bigint | null;
  likes: number;
};
