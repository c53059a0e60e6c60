import { PrismaPg } from "@prisma/adapter-pg";
import type { Database } from "../db";
import { PrismaClient } from "../db/generated/client";

/**
 * The app's Postgres client (as lib/db/open.ts builds it) with Prisma's transaction timeout raised
 * from its 5-second default to an hour: refreshRollups(null) runs in one $transaction, and at
 * bench size that takes minutes, which the default turns into "Transaction API error".
 */
export function openLongTransactionDatabase(url: string): Database {
  const adapter = new PrismaPg({ connectionString: url, max: 2, connectionTimeoutMillis: 10_000 });
  const prisma = new PrismaClient({ adapter, transactionOptions: { maxWait: 10_000, timeout: 3_600_000 } });
  return { prisma, target: { kind: "postgres", url }, adapter, close: () => prisma.$disconnect() };
}
