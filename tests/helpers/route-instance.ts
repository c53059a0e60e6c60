import { GET } from "@/app/api/v1/labs/route";
import { serveRoute } from "./route-server";

/**
 * A separate instance of the app's labs route (a child process: its own memory, its own
 * database pool), as tests/integration/client-address.test.ts runs two on one Postgres. Prints
 * its URL on the first line.
 */
const { url } = await serveRoute(GET);
console.log(url);
