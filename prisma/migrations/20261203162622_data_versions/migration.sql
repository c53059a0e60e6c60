-- CreateTable
CREATE TABLE "rollup_date_since" (
    "date" DATE NOT NULL,
    "since" INTEGER NOT NULL,

    CONSTRAINT "rollup_date_since_pkey" PRIMARY KEY ("date")
);

-- CreateTable
CREATE TABLE "scope_group_since" (
    "date" DATE NOT NULL,
    "org" TEXT NOT NULL,
    "since" INTEGER NOT NULL,

    CONSTRAINT "scope_group_since_pkey" PRIMARY KEY ("date","org")
);

-- CreateTable
CREATE TABLE "share_rollup_history" (
    "date" DATE NOT NULL,
    "cohort" TEXT NOT NULL,
    "attribution" TEXT NOT NULL,
    "derivative" BOOLEAN NOT NULL,
    "repack" BOOLEAN NOT NULL,
    "group_type" TEXT NOT NULL,
    "group_key" TEXT NOT NULL,
    "models" INTEGER NOT NULL,
    "downloads_30d" BIGINT NOT NULL,
    "downloads_all_time" BIGINT,
    "downloads_period" BIGINT,
    "valid_from" INTEGER NOT NULL,
    "valid_to" INTEGER NOT NULL,

    CONSTRAINT "share_rollup_history_pkey" PRIMARY KEY ("valid_to","group_type","cohort","attribution","derivative","repack","date","group_key")
);

-- CreateTable
CREATE TABLE "share_scope_history" (
    "date" DATE NOT NULL,
    "attribution" TEXT NOT NULL,
    "derivative" BOOLEAN NOT NULL,
    "repack" BOOLEAN NOT NULL,
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
    "valid_from" INTEGER NOT NULL,
    "valid_to" INTEGER NOT NULL,

    CONSTRAINT "share_scope_history_pkey" PRIMARY KEY ("valid_to","task","library","date","attribution","derivative","repack","year_cohort","young","org")
);

-- CreateTable
CREATE TABLE "data_version" (
    "id" INTEGER NOT NULL,
    "published_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "data_as_of" DATE,

    CONSTRAINT "data_version_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "share_rollup_history_group_type_cohort_attribution_date_idx" ON "share_rollup_history"("group_type", "cohort", "attribution", "date");

-- CreateIndex
CREATE INDEX "share_scope_history_date_idx" ON "share_scope_history"("date");

-- What was published before versions were numbered becomes version 1: its rows carry no "since"
-- and so are version 1's.
INSERT INTO "data_version" ("id", "published_at", "data_as_of")
SELECT 1, COALESCE("updated_at", now()), (SELECT max("as_of") FROM "ingest_run" WHERE "status" = 'succeeded' AND NOT "partial")
FROM "app_state" WHERE "key" = 'data_version';
UPDATE "app_state" SET "value" = '1' WHERE "key" = 'data_version';
