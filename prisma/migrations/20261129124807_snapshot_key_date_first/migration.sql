-- DropForeignKey
ALTER TABLE "model_snapshot" DROP CONSTRAINT "model_snapshot_model_id_fkey";

-- DropIndex
DROP INDEX "model_snapshot_date_idx";

-- AlterTable
ALTER TABLE "model_snapshot" DROP CONSTRAINT "model_snapshot_pkey",
ADD CONSTRAINT "model_snapshot_pkey" PRIMARY KEY ("date", "model_id");
