import { operationById } from "@/lib/api/operations";
import { route } from "@/lib/api/respond";
import { shareImageResponse } from "@/lib/api/share-image";
import { getDb } from "@/lib/db";

export const dynamic = "force-dynamic";

export const GET = route(operationById("getSharePng"), async (request: Request) =>
  shareImageResponse(await getDb(), request, "png"),
);
