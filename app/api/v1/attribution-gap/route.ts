import { getAttributionGapAnswer } from "@/lib/analytics/answers";
import { formatOnlyAnswer } from "@/lib/api/answer-response";
import { operationById } from "@/lib/api/operations";
import { route } from "@/lib/api/respond";

export const dynamic = "force-dynamic";

export const GET = route(operationById("getAttributionGap"), async (request: Request) =>
  formatOnlyAnswer(request, getAttributionGapAnswer, {
    key: "gap",
    filename: (gap) => `attribution-gap-${gap.date ?? "none"}.csv`,
    table: (gap) => ({
      header: ["namespace", "models", "downloads_30d", "share"],
      rows: gap.namespaces.map((n) => [n.namespace, n.models, n.downloads30d.toString(), n.share]),
    }),
  }),
);
