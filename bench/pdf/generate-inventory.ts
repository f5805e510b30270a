/**
 * Inventories of a chosen size for the PDF benchmark: a business with `branches` branch offices,
 * each with its own power, network, server, applications, people, business functions and data,
 * so the report grows by whole sections (findings, plan rows, checklist, appendix rows).
 * Deterministic: the same size gives the same inventory.
 */
export function generateInventory(branches: number): Record<string, unknown> {
  const components: Array<Record<string, unknown>> = [];
  const functions: Array<Record<string, unknown>> = [];
  const dataSets: Array<Record<string, unknown>> = [];
  const people: Array<Record<string, unknown>> = [];
  const cities = ["Aberdeen", "Bergen", "Calais", "Dresden", "Esbjerg", "Faro", "Graz", "Hamar", "Izmir", "Jena", "Kiel", "Lyon", "Malmö", "Nantes", "Oulu"];
  for (let b = 0; b < branches; b += 1) {
    const city = `${cities[b % cities.length]}${b >= cities.length ? ` ${Math.floor(b / cities.length) + 1}` : ""}`;
    const p = (id: string) => `b${b}-${id}`;
    people.push({ id: p("lead"), name: `${city} office lead`, availability: 0.9 });
    people.push({ id: p("tech"), name: `${city} technician`, availability: 0.85 });
    components.push(
      { id: p("grid"), name: `${city} utility power`, kind: "power" },
      { id: p("ups"), name: `${city} UPS`, kind: "ups", runtimeMinutes: 15, requires: p("grid"), monitored: false, knownBy: [p("tech")] },
      { id: p("fiber"), name: `${city} fiber line`, kind: "internet", requires: p("ups") },
      { id: p("lte"), name: `${city} 4G backup`, kind: "internet", requires: p("ups"), monitored: b % 2 === 0 },
      { id: p("router"), name: `${city} router`, kind: "network", requires: { any: [p("fiber"), p("lte")], id: p("uplinks"), failoverMinutes: 5 }, knownBy: [p("tech")] },
      { id: p("switch"), name: `${city} switch`, kind: "network", requires: p("ups"), knownBy: [p("tech")] },
      { id: p("server"), name: `${city} file and ERP server`, kind: "server", requires: { all: [p("ups"), p("switch")] }, knownBy: [p("tech"), p("lead")] },
      { id: p("nas"), name: `${city} backup NAS`, kind: "storage", requires: p("ups"), knownBy: [p("tech")] },
      { id: p("erp"), name: `${city} ERP`, kind: "application", requires: p("server"), knownBy: [p("lead")] },
      { id: p("pos"), name: `${city} till`, kind: "endpoint", requires: { all: [p("switch"), p("router")] } },
      { id: p("printer"), name: `${city} label printer`, kind: "endpoint", requires: p("switch"), knownBy: [] },
      { id: p("mail"), name: `${city} mail (SaaS)`, kind: "saas" },
    );
    functions.push(
      { id: p("sales"), name: `${city}: counter sales`, downtimeCostPerHour: 300 + 40 * (b % 7), hours: "business", rtoHours: 2, requires: { all: [p("pos"), p("erp")] } },
      { id: p("ship"), name: `${city}: picking and shipping`, downtimeCostPerHour: 200 + 30 * (b % 5), hours: "business", rtoHours: 4, requires: { all: [p("erp"), p("printer"), p("router")] } },
      { id: p("mailfn"), name: `${city}: customer e-mail`, downtimeCostPerHour: 60, hours: "always", requires: { all: [p("mail"), p("router")] } },
    );
    dataSets.push({
      id: p("db"),
      name: `${city} ERP database`,
      primary: p("server"),
      dataLossCostPerHour: 150,
      totalLossCost: 60_000,
      rpoHours: 8,
      copies: [
        { id: p("nightly"), location: "onsite", medium: "nas", intervalHours: 24, online: true, ...(b % 3 === 0 ? { lastRestoreTest: "2026-05-01" } : {}) },
        ...(b % 2 === 0 ? [{ id: p("cloud"), location: "cloud", medium: "object-storage", intervalHours: 24, immutable: true }] : []),
      ],
    });
  }
  return {
    format: "resilience-inventory/1",
    asOf: "2026-11-21",
    organization: { name: `Generated Trading (${branches} branches)`, currency: "EUR", operatingHoursPerWeek: 55 },
    people,
    components,
    functions,
    dataSets,
  };
}
