/**
 * The fake Hub in a process of its own, so the crawl's memory is measured without it:
 * `tsx bench/fake-hub-child.ts <models>` prints {"url": …} once listening, serves until killed.
 */
import { makeFakeModels, startFakeHub } from "../tests/fake-hub/server";

const size = Number(process.argv[2] ?? 0);
if (!Number.isInteger(size) || size < 1) throw new Error("usage: fake-hub-child.ts <models>");
const hub = await startFakeHub({ models: makeFakeModels(size, 7) });
process.stdout.write(`${JSON.stringify({ url: hub.url })}\n`);
const stop = () => void hub.close().finally(() => process.exit(0));
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
