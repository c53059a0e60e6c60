-- AlterTable
ALTER TABLE "ingest_run" ADD COLUMN     "private_skipped" INTEGER NOT NULL DEFAULT 0;

-- Base ids in tags may differ in case from the model's own id (the Hub resolves ids
-- case-insensitively): lineage joins on lower(hub_id).
CREATE INDEX "model_hub_id_lower_idx" ON "model" (lower("hub_id"));
CREATE INDEX "organization_namespace_lower_idx" ON "organization" (lower("namespace"));
