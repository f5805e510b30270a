/**
 * Keeps one small object of each of the engine's classes alive, so that V8 keeps the code it
 * optimised for them.
 *
 * Why: V8 holds the hidden classes ("maps") of objects, and the optimised code that depends on
 * them, only weakly. Every object an assessment makes is garbage once it returns, so a full
 * collection (which an idle server's memory reducer runs within seconds) collects those hidden
 * classes, throws away every function optimised for them, and the next assessment runs largely
 * interpreted while V8 compiles it all again. Measured on a 200-component assessment with plan,
 * each run after a forced full collection: 155–198 ms without this, 76–81 ms with it (bundled),
 * against 46–49 ms back to back. Keeping one object of each class that one small assessment made
 * (about 0.6 MB) keeps the hidden classes, and so the code (docs/decisions/008).
 *
 * It changes no result: the kept objects are never read.
 */
import type { Inventory } from "./schema.js";

let collecting = false;
/** One object per class: enough to hold its hidden classes. */
const kept = new Map<unknown, object>();
let keeper: (() => unknown) | undefined;
let keeperRan = false;

/**
 * What to run once to keep the shapes: index.ts registers small assessments of SHAPES_INVENTORY
 * (the module that can call every entry point; assess.ts cannot import it).
 */
export function setShapeKeeper(run: () => unknown): void {
  keeper = run;
}

/** Before the engine's first scoring (assess.ts scoreInventory): run the keeper once. */
export function keepShapesOnce(): void {
  if (keeperRan || !keeper) return;
  keeperRan = true;
  collecting = true;
  try {
    keeper();
  } finally {
    collecting = false;
  }
}

/** Called by the constructor of every engine class: kept when it is the first of its class the keeper makes. */
export function keepShape(instance: object): void {
  if (collecting && !kept.has(instance.constructor)) kept.set(instance.constructor, instance);
}

/** The class names of the objects kept (for the test that every engine class is). */
export function keptShapeClasses(): ReadonlySet<string> {
  return new Set([...kept.values()].map((o) => o.constructor.name));
}

/**
 * A small inventory whose assessment makes an object of every class the assessment and its plan
 * use: shared UPS with ride-through, two internet lines behind a switch-over group, a k-of-n
 * cluster, a server, storage, cloud and SaaS services, people with bus factors, and data sets
 * with and without tested copies (so that every kind of mitigation is a candidate).
 */
export const SHAPES_INVENTORY: Inventory = {
  format: "resilience-inventory/1",
  asOf: "2026-01-01",
  organization: { name: "Shapes", currency: "USD", operatingHoursPerWeek: 50 },
  people: [
    { id: "owner", name: "Owner" },
    { id: "it", name: "IT contractor", availability: 0.5 },
  ],
  components: [
    { id: "grid", name: "Grid", kind: "power" },
    { id: "ups", name: "UPS", kind: "ups", requires: "grid", runtimeMinutes: 15, monitored: false },
    { id: "isp-a", name: "Fibre", kind: "internet", requires: "ups" },
    { id: "isp-b", name: "LTE", kind: "internet", requires: "ups", monitored: false },
    { id: "firewall", name: "Firewall", kind: "network", requires: { any: ["isp-a", "isp-b"], id: "uplinks", failoverMinutes: 5 }, knownBy: ["it"] },
    { id: "switch", name: "Switch", kind: "network", requires: "ups", knownBy: [] },
    { id: "host-1", name: "Host 1", kind: "server", requires: { all: ["switch", "ups"] }, knownBy: ["it"] },
    { id: "host-2", name: "Host 2", kind: "server", requires: { all: ["switch", "ups"] }, knownBy: ["it"] },
    { id: "host-3", name: "Host 3", kind: "server", requires: { all: ["switch", "ups"] }, knownBy: ["it"] },
    { id: "database", name: "Database", kind: "application", requires: { atLeast: 2, of: ["host-1", "host-2", "host-3"] }, knownBy: ["owner"] },
    { id: "server", name: "File server", kind: "server", requires: "switch", knownBy: ["owner"], supportResponseHours: 48 },
    { id: "nas", name: "NAS", kind: "storage", requires: "switch" },
    { id: "mail", name: "Mail", kind: "saas" },
    { id: "crm", name: "CRM", kind: "cloud", requires: "firewall" },
    { id: "laptop", name: "Laptop", kind: "endpoint", requires: { all: ["switch", "grid"] }, knownBy: ["owner", "it"] },
  ],
  functions: [
    { id: "sales", name: "Sales", downtimeCostPerHour: 400, hours: "business", rtoHours: 2, requires: { all: ["database", "crm", "laptop"] } },
    { id: "files", name: "Files", downtimeCostPerHour: 150, hours: "always", rtoHours: 8, requires: { all: ["server", "nas", "mail"] } },
  ],
  dataSets: [
    {
      id: "orders",
      name: "Orders",
      primary: "database",
      dataLossCostPerHour: 50,
      totalLossCost: 40000,
      rpoHours: 4,
      copies: [{ id: "nightly", location: "onsite", medium: "nas", intervalHours: 24, lastRestoreTest: "2025-10-01" }],
    },
    { id: "documents", name: "Documents", primary: "nas", dataLossCostPerHour: 10, totalLossCost: 20000, copies: [] },
  ],
};
