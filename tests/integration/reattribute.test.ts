import { beforeAll, describe, expect, it } from "vitest";
import { refreshRollups } from "@/lib/analytics/rollups";
import { dataVersion } from "@/lib/db/data-version";
import { refreshLineage } from "@/lib/origins/lineage";
import type { Registry } from "@/lib/origins/registry-schema";
import { syncRegistry } from "@/lib/origins/sync";
import { reattribute } from "@/lib/publish/reattribute";
import { organization, seedPublishedPopulation, testRegistry } from "../factories/population";
import { suiteDatabase } from "../helpers/suite";
import { testBackends } from "../helpers/test-db";

const PREFIX = "re";

/** Registry edits re-attributed in place give exactly the tables a full rebuild gives. */
describe.each(testBackends())("re-attribution after a registry edit on %s", (backend) => {
  const db = suiteDatabase(backend);
  beforeAll(async () => {
    await seedPublishedPopulation(db, 11, PREFIX);
  });

  const tables = async () => {
    const [row] = await db.prisma.$queryRaw<{ scope: string; rollup: string; rows: number }[]>`
      SELECT (SELECT md5(string_agg(t::text, ',' ORDER BY t::text)) FROM share_scope t) AS scope,
        (SELECT md5(string_agg(t::text, ',' ORDER BY t::text)) FROM share_rollup t) AS rollup,
        (SELECT count(*)::int FROM share_rollup) AS rows`;
    return row;
  };

  /** Applies the edit in place, then checks against a rebuild of everything from the snapshots. */
  const editAndCompare = async (registry: Registry) => {
    const result = await reattribute(db, async () => {
      await syncRegistry(db, registry);
    });
    const inPlace = await tables();
    await refreshLineage(db, "all");
    await refreshRollups(db, null);
    expect(inPlace).toEqual(await tables());
    return result;
  };

  const edited = (edit: (r: Registry) => void) => {
    const registry = structuredClone(testRegistry(PREFIX));
    edit(registry);
    return registry;
  };

  /** Sets fields of the registry organization `suffix` (the namespace `${PREFIX}-${suffix}`). */
  const setOrganization = (
    r: Registry,
    suffix: string,
    fields: Partial<Registry["organizations"][number]>,
  ) => {
    const org = r.organizations.find((o) => o.namespace === `${PREFIX}-${suffix}`);
    if (!org) throw new Error(`no ${suffix}`);
    Object.assign(org, fields);
  };

  it("a namespace moved to another lab and country", async () => {
    const result = await editAndCompare(
      edited((r) => {
        setOrganization(r, "cn2", { lab: `${PREFIX}-me`, country: "US" });
      }),
    );
    expect(result.namespaces).toBe(1);
    expect(result.models).toBeGreaterThan(0);
  });

  it("a namespace added to the registry, another removed, one made international", async () => {
    const result = await editAndCompare(
      edited((r) => {
        r.organizations.push(organization(`${PREFIX}-u1`, { lab: `${PREFIX}-mi`, country: "DE" }));
        r.organizations = r.organizations.filter((o) => o.namespace !== `${PREFIX}-kr1`);
        setOrganization(r, "fr1", { country: null, international: true });
      }),
    );
    expect(result.namespaces).toBe(4);
  });

  it("namespaces added, a re-publisher removed and a lab's namespace moved, all in one edit", async () => {
    // Moved rows of registry namespaces and re-read snapshots of newly registered ones meet in the
    // same scope rows (derivatives of one counted for the other): the sums must still match.
    const result = await editAndCompare(
      edited((r) => {
        r.organizations.push(
          organization(`${PREFIX}-u2`, { lab: `${PREFIX}-qw`, country: "CN" }),
          organization(`${PREFIX}-u3`, { country: null }),
        );
        r.organizations = r.organizations.filter((o) => o.namespace !== `${PREFIX}-repub`);
        setOrganization(r, "us1", { lab: `${PREFIX}-mi`, country: "FR" });
      }),
    );
    expect(result.namespaces).toBeGreaterThanOrEqual(4);
    expect(result.models).toBeGreaterThan(0);
  });

  it("an edit that changes no attribution leaves the tables and still renews the data version", async () => {
    const registry = edited((r) => {
      const lab = r.labs.find((l) => l.slug === `${PREFIX}-qw`);
      if (lab) lab.name = "Qw (renamed)";
    });
    await reattribute(db, async () => {
      await syncRegistry(db, registry);
    });
    const before = await tables();
    const version = await dataVersion(db);
    await new Promise((r) => setTimeout(r, 5));
    const result = await reattribute(db, async () => {
      await syncRegistry(db, registry);
    });
    expect(result).toMatchObject({ namespaces: 0, models: 0, rollupsRebuilt: false });
    expect(await tables()).toEqual(before);
    expect(await dataVersion(db)).not.toBe(version);
  });

  it("country and lab follow from org: a namespace outside the registry is unattributed whatever it carries", async () => {
    // share_scope's key leaves country and lab out (a relabel then moves no key): only the
    // registry attributes, so a stray country on an unregistered organization changes nothing.
    const before = await tables();
    await db.prisma.organization.update({ where: { namespace: `${PREFIX}-u1` }, data: { country: "FR" } });
    try {
      await refreshRollups(db, null);
      expect(await tables()).toEqual(before);
      const [stray] = await db.prisma.$queryRaw<{ n: number }[]>`
        SELECT count(*)::int AS n FROM share_scope WHERE org = '' AND (country <> '' OR lab <> '' OR international)`;
      expect(stray?.n).toBe(0);
    } finally {
      await db.prisma.organization.update({ where: { namespace: `${PREFIX}-u1` }, data: { country: null } });
    }
  });
});
