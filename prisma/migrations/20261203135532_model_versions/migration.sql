-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "ingest_status" ADD VALUE 'stored';
ALTER TYPE "ingest_status" ADD VALUE 'superseded';

-- AlterTable
ALTER TABLE "ingest_run" ADD COLUMN     "partial" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "model" ADD COLUMN     "base_varies" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "latest_date" DATE,
ADD COLUMN     "lineage_base" TEXT,
ADD COLUMN     "version_id" INTEGER;

-- AlterTable
ALTER TABLE "model_snapshot" ADD COLUMN     "version_id" INTEGER;

-- DropTable
DROP TABLE "lineage_moved";

-- CreateTable
CREATE TABLE "model_version" (
    "id" SERIAL NOT NULL,
    "model_id" INTEGER NOT NULL,
    "digest" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3),
    "pipeline_tag" TEXT,
    "library_name" TEXT,
    "gated" BOOLEAN,
    "base_models" TEXT[],
    "base_relation" "base_relation",
    "repack" BOOLEAN NOT NULL DEFAULT false,
    "base_namespace" TEXT,
    "lineage_root" TEXT,
    "lineage_namespace" TEXT,
    "lineage_varies" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "model_version_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "model_version_model_id_digest_key" ON "model_version"("model_id", "digest");

-- Chains of bases are walked downwards too (which versions name this model first?), ignoring case
-- as the Hub resolves ids.
CREATE INDEX "model_version_first_base_lower_idx" ON "model_version" (lower("base_models"[1]));

-- What was stored before versions existed: each model's one known set of attributes becomes its
-- version, every snapshot points at it, and the model's latest date is its newest snapshot's.
-- (The digest is lib/store's, computed the same way.)
INSERT INTO "model_version" ("model_id", "digest", "created_at", "pipeline_tag", "library_name", "gated",
  "base_models", "base_relation", "repack", "lineage_root", "lineage_namespace")
SELECT m."id",
  md5(ROW((extract(epoch FROM m."created_at") * 1000)::bigint, m."pipeline_tag", m."library_name", m."gated",
    COALESCE(m."base_models", '{}'), m."base_relation"::text, false)::text)::uuid,
  m."created_at", m."pipeline_tag", m."library_name", m."gated", COALESCE(m."base_models", '{}'),
  m."base_relation",
  COALESCE(m."base_relation"::text = 'quantized', false) OR COALESCE(lower(m."library_name") IN ('gguf', 'mlx'), false),
  m."lineage_root", m."lineage_namespace"
FROM "model" m;

UPDATE "model" m SET "version_id" = v."id" FROM "model_version" v WHERE v."model_id" = m."id";
UPDATE "model_snapshot" s SET "version_id" = v."id" FROM "model_version" v WHERE v."model_id" = s."model_id";
UPDATE "model" m SET "latest_date" = x."date"
FROM (SELECT "model_id", max("date") AS "date" FROM "model_snapshot" GROUP BY 1) x WHERE x."model_id" = m."id";
UPDATE "model" SET "lineage_base" = lower("base_models"[1]);

-- A model's row takes the date of its latest listing every day it is listed: room on its page lets
-- that update stay on the page, its indexes untouched (latest_date is in none of them).
ALTER TABLE "model" SET (fillfactor = 80);

-- Repacks are a dimension of the rollups (rebuilt at the next command: their layout changed).
ALTER TABLE "share_rollup" DROP CONSTRAINT "share_rollup_pkey",
ADD COLUMN     "repack" BOOLEAN NOT NULL DEFAULT false,
ADD CONSTRAINT "share_rollup_pkey" PRIMARY KEY ("group_type", "cohort", "attribution", "derivative", "repack", "date", "group_key");

ALTER TABLE "share_scope" DROP CONSTRAINT "share_scope_pkey",
ADD COLUMN     "repack" BOOLEAN NOT NULL DEFAULT false,
ADD CONSTRAINT "share_scope_pkey" PRIMARY KEY ("task", "library", "date", "attribution", "derivative", "repack", "year_cohort", "young", "org");
