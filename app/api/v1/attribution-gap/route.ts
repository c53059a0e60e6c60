import { getAttributionGapAnswer } from "@/lib/analytics/answers";
import { formatOnlyAnswer } from "@/lib/api/answer-response";
import { operationById } from "@/lib/api/operations";
import { route } from "@/lib/api/respond";

export const dynamic = "force-dynamic";

export const GET = route(operationById("getAttributionGap"), async (request: Request) =>
  formatOnlyAnswer(request, getAttributionGapAnswer, {
    key: "gap",
    filename: (gap) => `attribution-gap-${gap.date ?? "none"}`,
    title: "Unattributed namespaces ranked by downloads",
    definitions:
      "One row per Hub namespace the origin registry does not attribute (no country, not international), the 100 with the most trailing-30-day downloads at the latest published date: models = its models with a snapshot that day; downloads_30d = the Hub's trailing-30-day downloads summed over them; share = downloads_30d / the trailing-30-day downloads of every tracked model that day (0–1).",
    table: (gap) => ({
      columns: [
        { name: "namespace", type: "string" },
        { name: "models", type: "int32" },
        { name: "downloads_30d", type: "int64" },
        { name: "share", type: "double" },
      ],
      rows: gap.namespaces.map((n) => [n.namespace, n.models, n.downloads30d, n.share]),
    }),
  }),
);
