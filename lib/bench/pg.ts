import pg from "pg";

/** The URL of database `name` on the server of `adminUrl`. */
export function databaseUrl(adminUrl: string, name: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function withClient<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

const safeName = (name: string) => {
  if (!/^oms_bench_\w+$/.test(name)) throw new Error(`refusing to touch database "${name}"`);
  return name;
};

export const createDatabase = (adminUrl: string, name: string) =>
  withClient(adminUrl, (c) => c.query(`CREATE DATABASE "${safeName(name)}"`));

export const dropDatabase = (adminUrl: string, name: string) =>
  withClient(adminUrl, (c) => c.query(`DROP DATABASE IF EXISTS "${safeName(name)}" WITH (FORCE)`));

export async function serverVersion(adminUrl: string): Promise<string> {
  const rows = await withClient(adminUrl, (c) =>
    c.query<{ v: string; sb: string; wm: string }>(
      "SELECT current_setting('server_version') AS v, current_setting('shared_buffers') AS sb, current_setting('work_mem') AS wm",
    ),
  );
  const row = rows.rows[0];
  return row ? `PostgreSQL ${row.v} (shared_buffers ${row.sb}, work_mem ${row.wm})` : "unknown";
}
