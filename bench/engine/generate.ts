/**
 * Deterministic, realistic inventories of any size for the engine benchmark.
 *
 * The shape follows what small and mid-sized businesses own, repeated per site: utility power with
 * UPSs (some sites with a generator behind an active–passive group), one or two internet lines (two
 * lines share an edge router, some with failover), core and access switches, a NAS, physical
 * servers, VM hosts in clusters that applications need `atLeast` n − 1 of, SaaS shared by every
 * site, applications that need other applications (a front end needs its database), endpoints,
 * people with `knownBy`, data sets with copies, and about one business function per ten
 * components. Branch sites reach head-office applications through their own edge and a VPN, so
 * requirement chains stay 5–10 levels deep whatever the size: size grows by adding sites, not depth.
 */
import type { Component, DataSet, Inventory, Person, Requirement } from "../../lib/engine/schema.js";

/** mulberry32: small, fast, and the same sequence on every platform for a given seed. */
export function createRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Rng {
  next(): number;
  int(min: number, max: number): number;
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
  sample<T>(items: readonly T[], k: number): T[];
}

function rngOf(seed: number): Rng {
  const next = createRandom(seed);
  const rng: Rng = {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    chance: (p) => next() < p,
    pick: (items) => items[Math.floor(next() * items.length)]!,
    sample: (items, k) => {
      const pool = [...items];
      const out: typeof items[number][] = [];
      while (out.length < k && pool.length > 0) out.push(pool.splice(Math.floor(next() * pool.length), 1)[0]!);
      return out;
    },
  };
  return rng;
}

/** Rounded to 3 significant digits, as someone filling in a questionnaire would. */
function round3(x: number): number {
  return Number(x.toPrecision(3));
}

interface Site {
  readonly prefix: string;
  /** Component ids by role, used by functions and by branch sites. */
  readonly edge: string;
  readonly apps: string[];
  readonly endpoints: string[];
  readonly printers: string[];
  readonly storage: string[];
  readonly servers: string[];
}

export interface GenerateOptions {
  readonly seed?: number;
  readonly asOf?: string;
}

/**
 * An inventory with exactly `componentCount` components (at least 20).
 *
 * @example
 * generateInventory(1000).components.length //=> 1000
 */
export function generateInventory(componentCount: number, options: GenerateOptions = {}): Inventory {
  if (!Number.isInteger(componentCount) || componentCount < 20) throw new Error("componentCount must be an integer ≥ 20");
  const rng = rngOf(options.seed ?? 20261121 + componentCount);
  const components: Component[] = [];
  const people: Person[] = [];
  const dataSets: DataSet[] = [];
  const functions: NonNullable<Inventory["functions"]> = [];
  let groupSerial = 0;

  const add = (c: Component): string => {
    components.push(c);
    return c.id;
  };
  const groupId = (prefix: string, what: string) => `${prefix}${what}-${++groupSerial}`;

  // SaaS is shared by every site: about one service per hundred components.
  const saasCount = Math.max(2, Math.round(componentCount / 100));
  const saas: string[] = [];
  const saasNames = ["mail", "crm", "accounting", "payroll", "storefront", "files", "chat", "booking", "erp-cloud", "helpdesk"];
  for (let i = 0; i < saasCount; i++) {
    saas.push(
      add({
        id: `saas-${saasNames[i % saasNames.length]}-${i}`,
        kind: "saas",
        failuresPerYear: round3(0.5 + rng.next() * 2.5),
        repairHours: round3(1 + rng.next() * 5),
        knownBy: [],
      }),
    );
  }

  const siteBudget = 150;
  const siteCount = Math.max(1, Math.round((componentCount - saasCount) / siteBudget));
  const sites: Site[] = [];
  for (let s = 0; s < siteCount; s++) {
    const remainingSites = siteCount - s;
    const budget = Math.floor((componentCount - components.length) / remainingSites);
    sites.push(buildSite(s, budget));
  }
  if (components.length !== componentCount) {
    throw new Error(`generator bug: ${components.length} components instead of ${componentCount}`);
  }

  return {
    format: "resilience-inventory/1",
    asOf: options.asOf ?? "2026-11-21",
    organization: {
      name: `Generated ${componentCount}`,
      currency: "EUR",
      operatingHoursPerWeek: 50,
      absenceWaitHours: 72,
      vendorResponseHours: 24,
      staffCostPerHour: 45,
    },
    people,
    components,
    functions,
    dataSets,
  };

  function buildSite(s: number, budget: number): Site {
    const p = `s${s}-`;
    const start = components.length;
    const used = () => components.length - start;
    const staff: string[] = [];
    const staffCount = Math.max(1, Math.round(budget / 40));
    for (let i = 0; i < staffCount; i++) {
      const id = `${p}person-${i}`;
      people.push({ id, name: `Person ${s}.${i}`, availability: round3(0.85 + rng.next() * 0.1) });
      staff.push(id);
    }
    // A third of components are not assessed for people (absent), some are vendor-only ([]).
    const knownBy = (): string[] | undefined => {
      const r = rng.next();
      if (r < 0.3) return undefined;
      if (r < 0.4) return [];
      return rng.sample(staff, rng.chance(0.6) ? 1 : 2);
    };
    const withKnownBy = (c: Component): Component => {
      const k = knownBy();
      return k === undefined ? c : { ...c, knownBy: k };
    };

    const grid = add({ id: `${p}grid`, kind: "power", failuresPerYear: round3(1 + rng.next()), repairHours: round3(2 + rng.next() * 4) });
    const hasGenerator = rng.chance(0.4);
    const generator = hasGenerator
      ? add({ id: `${p}generator`, kind: "generator", failuresPerYear: 0.5, repairHours: 48, monitored: rng.chance(0.5) })
      : undefined;
    const upsCount = 1 + Math.floor(budget / 120);
    const upses: string[] = [];
    for (let i = 0; i < upsCount; i++) {
      const power: Requirement = generator
        ? { any: [grid, generator], id: groupId(p, "power"), failoverMinutes: round3(0.5 + rng.next() * 1.5) }
        : grid;
      upses.push(
        add(
          withKnownBy({
            id: `${p}ups-${i}`,
            kind: "ups",
            runtimeMinutes: rng.int(10, 45),
            requires: power,
            monitored: rng.chance(0.7),
          }),
        ),
      );
    }
    const ups0 = upses[0]!;
    const lineCount = budget >= 60 || rng.chance(0.5) ? 2 : 1;
    const lines: string[] = [];
    for (let i = 0; i < lineCount; i++) {
      lines.push(
        add({
          id: `${p}isp-${i}`,
          kind: "internet",
          failuresPerYear: round3(0.8 + rng.next() * 2),
          repairHours: round3(4 + rng.next() * 10),
          requires: ups0,
          monitored: i === 0 || rng.chance(0.5),
        }),
      );
    }
    const uplinks: Requirement =
      lines.length === 1
        ? lines[0]!
        : rng.chance(0.5)
          ? { any: lines, id: groupId(p, "uplinks"), failoverMinutes: rng.pick([5, 15, 30]) }
          : { any: lines };
    const edge = add(withKnownBy({ id: `${p}edge`, kind: "network", requires: { all: [uplinks, ups0] } }));

    const coreCount = budget >= 250 ? 2 : 1;
    const cores: string[] = [];
    for (let i = 0; i < coreCount; i++) {
      cores.push(add(withKnownBy({ id: `${p}core-${i}`, kind: "network", requires: upses[i % upses.length]! })));
    }
    const coreReq: Requirement = cores.length === 1 ? cores[0]! : { any: cores };
    const storage = [add(withKnownBy({ id: `${p}nas`, kind: "storage", requires: { all: [ups0, coreReq] } }))];

    // Compute: per ~60 components a VM cluster of 3–4 hosts, plus a couple of physical servers.
    const clusters: string[][] = [];
    const clusterCount = Math.max(1, Math.round(budget / 60));
    for (let c = 0; c < clusterCount; c++) {
      const hosts: string[] = [];
      const hostCount = rng.int(3, 4);
      for (let h = 0; h < hostCount; h++) {
        hosts.push(
          add(
            withKnownBy({
              id: `${p}vmhost-${c}-${h}`,
              kind: "server",
              requires: { all: [upses[h % upses.length]!, storage[0]!, coreReq] },
            }),
          ),
        );
      }
      clusters.push(hosts);
    }
    const servers: string[] = [];
    const serverCount = Math.max(1, Math.round(budget / 50));
    for (let i = 0; i < serverCount; i++) {
      servers.push(add(withKnownBy({ id: `${p}server-${i}`, kind: "server", requires: { all: [rng.pick(upses), coreReq] } })));
    }
    const accessCount = Math.max(1, Math.round(budget / 30));
    const access: string[] = [];
    for (let i = 0; i < accessCount; i++) {
      access.push(add(withKnownBy({ id: `${p}switch-${i}`, kind: "network", requires: { all: [coreReq, rng.pick(upses)] } })));
    }

    // Applications: databases on clusters, front ends on databases, cloud apps on SaaS and the edge.
    const apps: string[] = [];
    const appCount = Math.max(2, Math.round(budget / 12));
    const databases: string[] = [];
    for (let i = 0; i < appCount; i++) {
      const r = rng.next();
      let requires: Requirement;
      if (r < 0.3 || databases.length === 0) {
        const hosts = rng.pick(clusters);
        requires = { atLeast: hosts.length - 1, of: hosts };
      } else if (r < 0.6) {
        requires = { all: [rng.pick(databases), rng.pick(servers)] };
      } else if (r < 0.85) {
        requires = { all: [rng.pick(saas), edge] };
      } else {
        requires = { all: [rng.pick(servers), rng.pick(storage)] };
      }
      const id = add(withKnownBy({ id: `${p}app-${i}`, kind: "application", requires }));
      apps.push(id);
      if (r < 0.3) databases.push(id);
    }
    // Branch sites run part of their work on head-office applications, through both edges.
    if (s > 0 && sites[0]) {
      const vpn = add(withKnownBy({ id: `${p}vpn`, kind: "network", requires: { all: [edge, sites[0].edge] } }));
      const remote = rng.sample(sites[0].apps, 2);
      for (let i = 0; i < remote.length; i++) {
        apps.push(add({ id: `${p}remote-app-${i}`, kind: "application", failuresPerYear: 0.1, repairHours: 2, requires: { all: [remote[i]!, vpn] } }));
      }
    }

    // Everything left is endpoints and printers, plugged into access switches.
    const endpoints: string[] = [];
    const printers: string[] = [];
    let e = 0;
    while (used() < budget) {
      const sw = access[e % access.length]!;
      if (e % 12 === 11) {
        printers.push(add({ id: `${p}printer-${e}`, kind: "endpoint", failuresPerYear: 1, repairHours: 8, requires: { all: [sw, grid] } }));
      } else {
        endpoints.push(add({ id: `${p}pc-${e}`, kind: "endpoint", requires: { all: [sw, grid] }, monitored: rng.chance(0.8) }));
      }
      e++;
    }

    // Data sets: about one per 20 components, on storage, servers and clustered databases.
    const dataCount = Math.max(1, Math.round(budget / 20));
    for (let i = 0; i < dataCount; i++) {
      const primary = rng.pick([...storage, ...servers, ...databases]);
      const copies: NonNullable<DataSet["copies"]> = [];
      const copyCount = rng.int(0, 3);
      const locations = ["same-device", "onsite", "offsite", "cloud"] as const;
      for (let c = 0; c < copyCount; c++) {
        const location = rng.pick(locations);
        copies.push({
          id: `copy-${c}`,
          location,
          medium: location === "cloud" ? "object-storage" : rng.pick(["disk", "nas", "tape", "usb"]),
          intervalHours: rng.pick([1, 4, 24, 168]),
          online: rng.chance(0.7),
          ...(rng.chance(0.2) ? { immutable: true } : {}),
          ...(rng.chance(0.4) ? { lastRestoreTest: rng.pick(["2026-09-01", "2025-03-15", "2026-05-20"]) } : {}),
        });
      }
      dataSets.push({
        id: `${p}data-${i}`,
        primary,
        medium: "disk",
        dataLossCostPerHour: rng.int(1, 20) * 25,
        totalLossCost: rng.int(1, 50) * 10000,
        ...(rng.chance(0.5) ? { rpoHours: rng.pick([4, 24]) } : {}),
        copies,
      });
    }

    // Functions: about one per ten components, each needing an application, people's machines
    // (any of a few, or at least some of a pool) and sometimes a printer or the edge.
    const functionCount = Math.max(1, Math.round(budget / 10));
    for (let i = 0; i < functionCount; i++) {
      const members: Requirement[] = [rng.pick(apps)];
      if (endpoints.length > 0) {
        const desks = rng.sample(endpoints, Math.min(endpoints.length, rng.int(1, 5)));
        if (desks.length === 1) members.push(desks[0]!);
        else if (rng.chance(0.3)) members.push({ atLeast: Math.max(1, desks.length - 2), of: desks });
        else members.push({ any: desks });
      }
      if (printers.length > 0 && rng.chance(0.3)) members.push(rng.pick(printers));
      const second = rng.pick(apps);
      if (rng.chance(0.3) && second !== members[0]) members.push(second);
      if (rng.chance(0.2)) members.push(edge);
      functions.push({
        id: `${p}fn-${i}`,
        downtimeCostPerHour: rng.int(2, 80) * 25,
        hours: rng.chance(0.3) ? "always" : "business",
        ...(rng.chance(0.6) ? { rtoHours: rng.pick([2, 4, 8, 24]) } : {}),
        requires: members.length === 1 ? members[0]! : { all: members },
      });
    }

    return { prefix: p, edge, apps, endpoints, printers, storage, servers };
  }
}
