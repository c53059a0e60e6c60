// What may import what (docs/ARCHITECTURE.md): each folder of lib/ imports only the folders listed
// for it, so no two folders can import each other, and module cycles are refused too.
// Run by `npm test` (npm run lint:layers).
const allowed = {
  domain: [],
  format: [],
  http: [],
  process: [],
  site: ["domain", "http"],
  db: [],
  hf: ["domain"],
  store: ["db", "domain"],
  origins: ["db", "domain"],
  analytics: ["db", "domain", "format", "origins"],
  publish: ["analytics", "db", "domain", "origins", "process", "store"],
  ingest: ["db", "domain", "format", "hf", "process", "publish", "store"],
  import: ["db", "domain", "format", "hf", "origins", "process", "publish", "store"],
  demo: ["db", "domain", "publish", "store"],
  i18n: ["domain", "format"],
  charts: ["domain", "format", "i18n"],
  api: ["analytics", "charts", "db", "domain", "format", "http", "i18n", "ingest", "site"],
  cli: ["db", "publish"],
};

const folders = Object.keys(allowed);
const folderOf = (name) => (name === "site" ? "lib/site\\.ts" : `lib/${name}/`);

module.exports = {
  forbidden: [
    {
      name: "no-circular",
      severity: "error",
      comment: "A module cycle: pull the shared piece down into the lower module.",
      from: {},
      to: { circular: true },
    },
    ...folders.map((name) => ({
      name: `layers-${name}`,
      severity: "error",
      comment: `lib/${name} may import only ${allowed[name].map((n) => `lib/${n}`).join(", ") || "nothing of lib/"} (docs/ARCHITECTURE.md).`,
      from: { path: `^${folderOf(name)}` },
      to: {
        path: "^lib/",
        pathNot: [`^${folderOf(name)}`, ...allowed[name].map((n) => `^${folderOf(n)}`)],
      },
    })),
    {
      name: "components-client-side",
      severity: "error",
      comment:
        "React components run in the browser too: they use the domain, charts, formatting and the API client, never the database or the server's analytics (types excepted).",
      from: { path: "^components/" },
      to: {
        path: "^lib/(db|store|publish|ingest|import|demo|origins|hf|bench)/",
      },
    },
    {
      name: "lib-not-above",
      severity: "error",
      comment: "lib/ is below app/, components/, scripts/, tools/, bench/ and tests/.",
      from: { path: "^lib/" },
      to: { path: "^(app|components|scripts|bench|tests|tools)/" },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    exclude: { path: "^(lib/db/generated|node_modules|\\.next)" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: {
      exportsFields: ["exports"],
      conditionNames: ["import", "require", "node", "default"],
    },
  },
};
