/** The DuckDB session the page shows, with this site's exact URLs. */
export function duckdbExample(origin: string): string {
  const share = `${origin}/api/v1/share?groupBy=region&interval=month&format=parquet`;
  return [
    "INSTALL httpfs; LOAD httpfs;",
    "",
    "-- China's and the US's monthly share of downloads",
    "SELECT bucket_start, series, share, downloads",
    `FROM read_parquet('${share}')`,
    "WHERE series IN ('CN', 'US') ORDER BY bucket_start, series;",
    "",
    "-- What the numbers mean, their data version, and how to cite them",
    "SELECT decode(key) AS key, decode(value) AS value",
    `FROM parquet_kv_metadata('${share}');`,
    "",
    "-- The labs, their 30-day downloads exact",
    `SELECT slug, downloads_30d, share FROM read_parquet('${origin}/api/v1/labs?format=parquet') ORDER BY downloads_30d DESC;`,
  ].join("\n");
}
