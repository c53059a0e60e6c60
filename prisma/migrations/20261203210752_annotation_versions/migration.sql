-- AlterTable
ALTER TABLE "annotation" DROP CONSTRAINT "annotation_pkey",
ADD COLUMN     "from_version" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "row_id" SERIAL NOT NULL,
ADD COLUMN     "to_version" INTEGER,
ADD CONSTRAINT "annotation_pkey" PRIMARY KEY ("row_id");

-- CreateIndex
CREATE INDEX "annotation_id_idx" ON "annotation"("id");
