-- CreateTable
CREATE TABLE "lineage_pending" (
    "model_id" INTEGER NOT NULL,

    CONSTRAINT "lineage_pending_pkey" PRIMARY KEY ("model_id")
);

-- Models whose lineage root is an id: found again when that id is crawled or its chain changes.
CREATE INDEX "model_lineage_root_lower_idx" ON "model" (lower("lineage_root"));
