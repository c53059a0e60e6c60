import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import {
  bindMigrationAwareSqlAdapterFactory,
  type SqlMigrationAwareDriverAdapterFactory,
} from "@prisma/driver-adapter-utils";
import type { SchemaEngine } from "@prisma/schema-engine-wasm";

type Glue = typeof import("@prisma/schema-engine-wasm/schema_engine_bg");

const require = createRequire(import.meta.url);
let gluePromise: Promise<Glue> | undefined;

/**
 * Prisma's schema engine compiled to Wasm. Node 20 cannot `import` a .wasm file, so the module is
 * instantiated by hand with the wasm-bindgen glue as its import object.
 */
function loadGlue(): Promise<Glue> {
  gluePromise ??= (async () => {
    const glue: Glue = await import("@prisma/schema-engine-wasm/schema_engine_bg");
    const wasmPath = path.join(
      path.dirname(require.resolve("@prisma/schema-engine-wasm/schema_engine_bg")),
      "schema_engine_bg.wasm",
    );
    const { instance } = await WebAssembly.instantiate(await readFile(wasmPath), {
      "./schema_engine_bg.js": glue as unknown as WebAssembly.ModuleImports,
    });
    glue.__wbg_set_wasm(instance.exports);
    (instance.exports.__wbindgen_start as () => void)();
    return glue;
  })();
  return gluePromise;
}

export type EngineHandle = {
  engine: SchemaEngine;
  /** Turns the engine's "External error id#N" into the driver's own error message. */
  explain: (error: unknown) => Error;
};

export async function openSchemaEngine(
  factory: SqlMigrationAwareDriverAdapterFactory,
): Promise<EngineHandle> {
  const glue = await loadGlue();
  const bound = bindMigrationAwareSqlAdapterFactory(factory);
  const engine = await glue.SchemaEngine.new({ datamodels: undefined }, () => {}, bound);
  const explain = (error: unknown): Error => {
    const message = error instanceof Error ? error.message : String(error);
    const match = /External error id#(\d+)/.exec(message);
    if (match) {
      const record = bound.errorRegistry.consumeError(Number(match[1]));
      const cause = record?.error;
      const detail =
        cause instanceof Error
          ? cause.message
          : typeof cause === "object" && cause !== null
            ? JSON.stringify(cause)
            : String(cause);
      return new Error(`${message.replace(/External error id#\d+/, detail)}`, { cause });
    }
    return error instanceof Error ? error : new Error(message);
  };
  return { engine, explain };
}
