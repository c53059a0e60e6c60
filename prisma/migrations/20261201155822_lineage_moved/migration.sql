-- CreateTable
CREATE TABLE "lineage_moved" (
    "model_id" INTEGER NOT NULL,
    "was" TEXT NOT NULL,

    CONSTRAINT "lineage_moved_pkey" PRIMARY KEY ("model_id")
);
