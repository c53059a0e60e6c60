-- CreateTable
CREATE TABLE "share_scope" (
    "date" DATE NOT NULL,
    "attribution" TEXT NOT NULL,
    "derivative" BOOLEAN NOT NULL,
    "year_cohort" TEXT NOT NULL,
    "young" BOOLEAN NOT NULL,
    "task" TEXT NOT NULL,
    "library" TEXT NOT NULL,
    "country" TEXT NOT NULL,
    "international" BOOLEAN NOT NULL,
    "lab" TEXT NOT NULL,
    "org" TEXT NOT NULL,
    "models" INTEGER NOT NULL,
    "downloads_30d" BIGINT NOT NULL,
    "downloads_all_time" BIGINT,
    "downloads_period" BIGINT,

    CONSTRAINT "share_scope_pkey" PRIMARY KEY ("task","library","date","attribution","derivative","year_cohort","young","country","international","lab","org")
);

-- CreateIndex
CREATE INDEX "share_scope_library_date_idx" ON "share_scope"("library", "date");

-- CreateIndex
CREATE INDEX "share_scope_date_idx" ON "share_scope"("date");

-- CreateIndex
CREATE INDEX "share_scope_org_idx" ON "share_scope"("org");
