import { route } from "@/lib/api/respond";
import { shareImageResponse } from "@/lib/api/share-image";
import { getDb } from "@/lib/db";

export const dynamic = "force-dynamic";

export const GET = route(async (request: Request) => shareImageResponse(await getDb(), request, "svg"));
