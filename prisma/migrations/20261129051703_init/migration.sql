-- CreateEnum
CREATE TYPE "org_kind" AS ENUM ('lab', 'company', 'university', 'community', 'individual', 're-publisher');

-- CreateEnum
CREATE TYPE "base_relation" AS ENUM ('finetune', 'adapter', 'quantized', 'merge');

-- CreateEnum
CREATE TYPE "ingest_status" AS ENUM ('running', 'succeeded', 'failed', 'interrupted');

-- CreateTable
CREATE TABLE "lab" (
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "parent" TEXT,
    "country" CHAR(2) NOT NULL,
    "color" TEXT NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "lab_pkey" PRIMARY KEY ("slug")
);

-- CreateTable
CREATE TABLE "organization" (
    "namespace" TEXT NOT NULL,
    "lab_slug" TEXT,
    "country" CHAR(2),
    "international" BOOLEAN NOT NULL DEFAULT false,
    "kind" "org_kind",
    "source" TEXT,
    "note" TEXT,
    "in_registry" BOOLEAN NOT NULL DEFAULT false,
    "first_seen_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "organization_pkey" PRIMARY KEY ("namespace")
);

-- CreateTable
CREATE TABLE "model" (
    "id" SERIAL NOT NULL,
    "hub_id" TEXT NOT NULL,
    "namespace" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3),
    "last_modified" TIMESTAMPTZ(3),
    "pipeline_tag" TEXT,
    "library_name" TEXT,
    "license" TEXT,
    "gated" BOOLEAN NOT NULL DEFAULT false,
    "parameters" BIGINT,
    "base_models" TEXT[],
    "base_relation" "base_relation",
    "lineage_root" TEXT,
    "lineage_namespace" TEXT,
    "demo" BOOLEAN NOT NULL DEFAULT false,
    "first_seen_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "model_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "model_snapshot" (
    "model_id" INTEGER NOT NULL,
    "date" DATE NOT NULL,
    "downloads" BIGINT NOT NULL,
    "downloads_all_time" BIGINT NOT NULL,
    "likes" INTEGER NOT NULL DEFAULT 0,
    "run_id" INTEGER,

    CONSTRAINT "model_snapshot_pkey" PRIMARY KEY ("model_id","date")
);

-- CreateTable
CREATE TABLE "ingest_run" (
    "id" SERIAL NOT NULL,
    "status" "ingest_status" NOT NULL DEFAULT 'running',
    "as_of" DATE NOT NULL,
    "started_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finished_at" TIMESTAMPTZ(3),
    "heartbeat_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "pages" INTEGER NOT NULL DEFAULT 0,
    "models_seen" INTEGER NOT NULL DEFAULT 0,
    "snapshots_written" INTEGER NOT NULL DEFAULT 0,
    "population" INTEGER,
    "errors" JSONB NOT NULL DEFAULT '[]',
    "cursor" JSONB,
    "options" JSONB NOT NULL DEFAULT '{}',
    "trigger" TEXT NOT NULL DEFAULT 'cli',
    "resumed_from_id" INTEGER,

    CONSTRAINT "ingest_run_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "share_rollup" (
    "date" DATE NOT NULL,
    "cohort" TEXT NOT NULL,
    "attribution" TEXT NOT NULL,
    "derivative" BOOLEAN NOT NULL,
    "group_type" TEXT NOT NULL,
    "group_key" TEXT NOT NULL,
    "models" INTEGER NOT NULL,
    "downloads_30d" BIGINT NOT NULL,
    "downloads_all_time" BIGINT NOT NULL,
    "downloads_period" BIGINT NOT NULL,

    CONSTRAINT "share_rollup_pkey" PRIMARY KEY ("group_type","cohort","attribution","derivative","date","group_key")
);

-- CreateTable
CREATE TABLE "app_state" (
    "key" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "app_state_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE INDEX "organization_lab_slug_idx" ON "organization"("lab_slug");

-- CreateIndex
CREATE UNIQUE INDEX "model_hub_id_key" ON "model"("hub_id");

-- CreateIndex
CREATE INDEX "model_namespace_idx" ON "model"("namespace");

-- CreateIndex
CREATE INDEX "model_lineage_namespace_idx" ON "model"("lineage_namespace");

-- CreateIndex
CREATE INDEX "model_pipeline_tag_idx" ON "model"("pipeline_tag");

-- CreateIndex
CREATE INDEX "model_created_at_idx" ON "model"("created_at");

-- CreateIndex
CREATE INDEX "model_snapshot_date_idx" ON "model_snapshot"("date");

-- CreateIndex
CREATE INDEX "ingest_run_status_as_of_idx" ON "ingest_run"("status", "as_of");

-- AddForeignKey
ALTER TABLE "organization" ADD CONSTRAINT "organization_lab_slug_fkey" FOREIGN KEY ("lab_slug") REFERENCES "lab"("slug") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "model" ADD CONSTRAINT "model_namespace_fkey" FOREIGN KEY ("namespace") REFERENCES "organization"("namespace") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "model_snapshot" ADD CONSTRAINT "model_snapshot_model_id_fkey" FOREIGN KEY ("model_id") REFERENCES "model"("id") ON DELETE CASCADE ON UPDATE CASCADE;
