import { getLabsAnswer } from "@/lib/analytics/answers";
import { formatOnlyAnswer } from "@/lib/api/answer-response";
import { operationById } from "@/lib/api/operations";
import { route } from "@/lib/api/respond";

export const dynamic = "force-dynamic";

export const GET = route(operationById("listLabs"), async (request: Request) =>
  formatOnlyAnswer(request, getLabsAnswer, {
    key: "labs",
    filename: (labs) => `labs-${labs.date ?? "none"}.csv`,
    table: (labs) => ({
      header: [
        "slug",
        "name",
        "parent",
        "country",
        "region",
        "namespaces",
        "models",
        "downloads_30d",
        "share",
      ],
      rows: labs.labs.map((l) => [
        l.slug,
        l.name,
        l.parent,
        l.country,
        l.region,
        l.namespaces.join(" "),
        l.models,
        l.downloads30d.toString(),
        l.share,
      ]),
    }),
  }),
);
