-- CreateEnum
CREATE TYPE "snapshot_source" AS ENUM ('crawl', 'hub-weekly', 'study', 'import', 'demo');

-- AlterTable
ALTER TABLE "ingest_run" ADD COLUMN     "all_time_counts" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN     "source" "snapshot_source" NOT NULL DEFAULT 'crawl';

-- AlterTable
ALTER TABLE "model_snapshot" ALTER COLUMN "downloads_all_time" DROP NOT NULL;

-- AlterTable
ALTER TABLE "share_rollup" ALTER COLUMN "downloads_all_time" DROP NOT NULL,
ALTER COLUMN "downloads_period" DROP NOT NULL;

-- Runs recorded before sources were: imports and the demo say so by their trigger, the study's
-- file by its format.
UPDATE "ingest_run" SET "source" = CASE
    WHEN "trigger" = 'demo' THEN 'demo'::"snapshot_source"
    WHEN "trigger" = 'import' AND "options"->>'format' = 'open-model-evolution' THEN 'study'::"snapshot_source"
    WHEN "trigger" = 'import' THEN 'import'::"snapshot_source"
    ELSE 'crawl'::"snapshot_source"
  END;
