-- CreateTable
-- UNLOGGED (by hand: Prisma has no word for it): every request writes a row, which needs no WAL;
-- a crash empties the table, which only hands every client a full budget.
CREATE UNLOGGED TABLE "rate_limit_bucket" (
    "key" TEXT NOT NULL,
    "tokens" DOUBLE PRECISION NOT NULL,
    "allowed" BOOLEAN NOT NULL,
    "updated_at" TIMESTAMPTZ(6) NOT NULL,

    CONSTRAINT "rate_limit_bucket_pkey" PRIMARY KEY ("key")
);
