-- AlterTable
ALTER TABLE "share_scope" DROP CONSTRAINT "share_scope_pkey",
ADD CONSTRAINT "share_scope_pkey" PRIMARY KEY ("task", "library", "date", "attribution", "derivative", "year_cohort", "young", "org");

-- Room on each page for a registry edit's in-place relabel to stay on the page (a HOT update:
-- no new index entries). Pages written from now on keep it, and a full rebuild rewrites them all.
-- (No semicolon in comments: the Postgres adapter splits a migration at every one.)
ALTER TABLE "share_scope" SET (fillfactor = 90);
