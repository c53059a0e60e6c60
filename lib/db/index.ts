export { closeDb, getDb, useDatabase } from "./client";
export { type DatabaseTarget, describeTarget, resolveDatabaseTarget } from "./config";
export { Prisma, type PrismaClient } from "./generated/client";
export { connectionError, type Database, openDatabase } from "./open";
export { DatabaseLockedError } from "./pglite-lock";
