import type { Metadata } from "next";
import { LabsCompare } from "@/components/tables/labs-compare";
import { getLabsAnswer } from "@/lib/analytics/answers";
import { getDb } from "@/lib/db";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Labs" };

export default async function LabsPage() {
  const {
    value: { date, labs },
  } = await getLabsAnswer(await getDb());
  return (
    <main>
      <h1>Labs</h1>
      <p className="lede">
        Every lab in the origin registry, with its share of all trailing-30-day downloads at {date ?? "–"}{" "}
        (developer attribution) and its monthly trend. A lab can publish under several Hub namespaces.
      </p>
      <section className="card">
        {labs.length === 0 ? (
          <p className="muted">
            No labs yet: run <code>npm run db:migrate</code> to load the origin registry.
          </p>
        ) : (
          <LabsCompare labs={labs.map((l) => ({ ...l, downloads30d: l.downloads30d.toString() }))} />
        )}
      </section>
    </main>
  );
}
