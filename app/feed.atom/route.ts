import { feedResponse } from "@/lib/api/feed-response";
import { operationById } from "@/lib/api/operations";
import { route } from "@/lib/api/respond";

export const dynamic = "force-dynamic";

export const GET = route(operationById("getFeedAtom"), (request: Request) => feedResponse(request, "atom"));
