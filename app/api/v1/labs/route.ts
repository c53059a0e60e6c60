import { getLabsAnswer } from "@/lib/analytics/answers";
import { formatOnlyAnswer } from "@/lib/api/answer-response";
import { operationById } from "@/lib/api/operations";
import { route } from "@/lib/api/respond";

export const dynamic = "force-dynamic";

export const GET = route(operationById("listLabs"), async (request: Request) =>
  formatOnlyAnswer(request, getLabsAnswer, {
    key: "labs",
    filename: (labs) => `labs-${labs.date ?? "none"}`,
    title: "Every lab with its latest share",
    definitions:
      "One row per lab of the origin registry at the latest published date: namespaces = its Hub namespaces (space-separated); models = models of those namespaces with a snapshot that day; downloads_30d = the Hub's trailing-30-day downloads summed over them (developer attribution, every model); share = downloads_30d / the trailing-30-day downloads of every tracked model that day (0–1); country is ISO 3166-1 alpha-2, region its bucket (CN, US, OTHER, INTL, UNKNOWN).",
    table: (labs) => ({
      columns: [
        { name: "slug", type: "string" },
        { name: "name", type: "string" },
        { name: "parent", type: "string" },
        { name: "country", type: "string" },
        { name: "region", type: "string" },
        { name: "namespaces", type: "string" },
        { name: "models", type: "int32" },
        { name: "downloads_30d", type: "int64" },
        { name: "share", type: "double" },
      ],
      rows: labs.labs.map((l) => [
        l.slug,
        l.name,
        l.parent,
        l.country,
        l.region,
        l.namespaces.join(" "),
        l.models,
        l.downloads30d,
        l.share,
      ]),
    }),
  }),
);
