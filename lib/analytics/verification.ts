import type { Database } from "../db";
import { type Verification, verificationSchema } from "../domain/answers";

/** app_state row holding the last verification of the published shares (`npm run verify`). */
export const VERIFICATION_KEY = "last_verification";

/** The last verification, for the status page (null: never run, or written in another shape). */
export async function getLastVerification(db: Database): Promise<Verification | null> {
  const row = await db.prisma.appState.findUnique({ where: { key: VERIFICATION_KEY } });
  if (!row) return null;
  try {
    const parsed = verificationSchema.safeParse(JSON.parse(row.value));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
