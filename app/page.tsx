import { DatabaseSummaryCard } from "@/components/database-summary-card";
import { getDatabaseSummary } from "@/lib/analytics/database-summary";
import { getDb } from "@/lib/db";

// Reads the database on every request; `next build` must never open it.
export const dynamic = "force-dynamic";

export default async function HomePage() {
  const summary = await getDatabaseSummary(await getDb());
  return (
    <main>
      <h1>Open Model Share</h1>
      <p>Whose open models does the world download? Hugging Face Hub download shares by country and lab.</p>
      <DatabaseSummaryCard summary={summary} />
    </main>
  );
}
