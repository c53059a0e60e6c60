-- CreateTable
CREATE TABLE "annotation" (
    "id" TEXT NOT NULL,
    "date" DATE NOT NULL,
    "kind" TEXT NOT NULL,
    "lab_slug" TEXT,
    "model_id" TEXT,
    "label" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "source" TEXT NOT NULL,

    CONSTRAINT "annotation_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "annotation_date_idx" ON "annotation"("date");

-- AddForeignKey
ALTER TABLE "annotation" ADD CONSTRAINT "annotation_lab_slug_fkey" FOREIGN KEY ("lab_slug") REFERENCES "lab"("slug") ON DELETE CASCADE ON UPDATE CASCADE;
