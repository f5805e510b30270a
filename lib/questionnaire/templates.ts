/**
 * Starting points offered by the questionnaire: common small-business functions and the usual
 * things in each step. Shares and recovery times are suggestions the owner changes; they are not
 * researched figures and the UI says so.
 */
import type { ComponentKind } from "@/lib/engine/schema";
import type { LineTechnology } from "./steps";
import type { DowntimeCostShares } from "./business";

export interface FunctionTemplate extends DowntimeCostShares {
  readonly id: string;
  readonly name: string;
  readonly hint: string;
  readonly hours: "always" | "business";
  /** Suggested answer to "how long can this be down before it really hurts?", in hours. */
  readonly rtoHours: number;
}

export const FUNCTION_TEMPLATES: readonly FunctionTemplate[] = [
  { id: "payments", name: "Taking card payments", hint: "Card terminals, tills, the payment service", hours: "business", rtoHours: 1, revenueShare: 0.8, staffShare: 0.3 },
  { id: "scheduling", name: "Appointments and scheduling", hint: "Booking, calendar, patient or client schedule", hours: "business", rtoHours: 4, revenueShare: 0.5, staffShare: 0.5 },
  { id: "email", name: "Email", hint: "Sending and receiving mail", hours: "business", rtoHours: 8, revenueShare: 0.05, staffShare: 0.2 },
  { id: "invoicing", name: "Invoicing and accounting", hint: "Sending invoices, bookkeeping", hours: "business", rtoHours: 24, revenueShare: 0.05, staffShare: 0.2 },
  { id: "online-orders", name: "Online orders", hint: "Web shop or ordering site", hours: "always", rtoHours: 2, revenueShare: 0.3, staffShare: 0.1 },
  { id: "phones", name: "Phone calls", hint: "Taking and making calls", hours: "business", rtoHours: 2, revenueShare: 0.2, staffShare: 0.3 },
  { id: "files", name: "Access to shared files", hint: "Documents, drawings, client folders", hours: "business", rtoHours: 4, revenueShare: 0.2, staffShare: 0.6 },
  { id: "records", name: "Customer or patient records", hint: "The system you look people up in", hours: "business", rtoHours: 4, revenueShare: 0.4, staffShare: 0.6 },
  { id: "payroll", name: "Payroll", hint: "Paying staff on time", hours: "business", rtoHours: 48, revenueShare: 0, staffShare: 0.05 },
  { id: "shipping", name: "Picking and shipping", hint: "Warehouse, labels, dispatch", hours: "business", rtoHours: 4, revenueShare: 0.5, staffShare: 0.5 },
];

/** Shares used for a function the owner adds by hand, until they change them. */
export const CUSTOM_FUNCTION_SHARES: DowntimeCostShares = { revenueShare: 0.2, staffShare: 0.2 };

export function functionTemplate(templateId: string | undefined): FunctionTemplate | undefined {
  return FUNCTION_TEMPLATES.find((t) => t.id === templateId);
}

/** The answer choices for "how long can this be down before it really hurts?" */
export const RTO_CHOICES: ReadonlyArray<{ hours: number; label: string }> = [
  { hours: 1, label: "About an hour" },
  { hours: 4, label: "Half a day (4 hours)" },
  { hours: 8, label: "A working day (8 hours)" },
  { hours: 48, label: "Two days" },
  { hours: 168, label: "A week" },
];

/** The answer choices for "how much recent work could you afford to type in again?" */
export const RPO_CHOICES: ReadonlyArray<{ hours: number; label: string }> = [
  { hours: 1, label: "An hour of work" },
  { hours: 4, label: "Half a day" },
  { hours: 24, label: "A day" },
  { hours: 168, label: "A week" },
];

export const INTERVAL_CHOICES: ReadonlyArray<{ hours: number; label: string }> = [
  { hours: 1, label: "Every hour (or continuously)" },
  { hours: 24, label: "Every day" },
  { hours: 168, label: "Every week" },
  { hours: 720, label: "Every month" },
];

/** What each kind of component is called in the questionnaire and the results. */
export const KIND_LABELS: Readonly<Record<ComponentKind, string>> = {
  site: "The premises",
  power: "Power supply",
  ups: "UPS battery",
  generator: "Generator",
  internet: "Internet line or provider network",
  network: "Network device (router, switch, Wi-Fi)",
  server: "Server",
  storage: "Storage (NAS, disk array)",
  cloud: "Cloud server or storage",
  saas: "Online service (SaaS)",
  application: "Software you run yourselves",
  endpoint: "Computer, till, terminal or printer",
  data: "Data",
  other: "Something else",
};

export interface ComponentTemplate {
  readonly id: string;
  readonly name: string;
  readonly kind: ComponentKind;
  readonly hint?: string;
}

export const POWER_TEMPLATES: readonly ComponentTemplate[] = [
  { id: "utility", name: "Utility power", kind: "power", hint: "The electricity supply to the building" },
  { id: "ups", name: "UPS battery", kind: "ups", hint: "A battery box that keeps equipment running for a few minutes" },
  { id: "generator", name: "Generator", kind: "generator", hint: "Runs when the utility power is off" },
  { id: "premises", name: "The premises", kind: "site", hint: "The building itself: fire, flood, break-in" },
];

export const NETWORK_TEMPLATES: readonly ComponentTemplate[] = [
  { id: "router", name: "Router", kind: "network", hint: "Connects the office to the internet line" },
  { id: "firewall", name: "Firewall", kind: "network" },
  { id: "switch", name: "Network switch", kind: "network", hint: "The box the cables plug into" },
  { id: "wifi", name: "Wi-Fi access point", kind: "network" },
  { id: "modem", name: "Modem", kind: "network", hint: "The provider's box where the line comes in" },
];

export const SYSTEM_TEMPLATES: readonly ComponentTemplate[] = [
  { id: "server", name: "Server", kind: "server", hint: "A computer in the office that others use" },
  { id: "nas", name: "File storage (NAS)", kind: "storage" },
  { id: "application", name: "Business software", kind: "application", hint: "A program installed on your own computers" },
  { id: "saas", name: "Online service", kind: "saas", hint: "Email, bookings, accounting or payments run by a provider" },
  { id: "cloud", name: "Cloud server or storage", kind: "cloud" },
  { id: "endpoint", name: "Computer, till or printer", kind: "endpoint" },
  { id: "other", name: "Something else", kind: "other" },
];

export const LINE_TECHNOLOGY_LABELS: Readonly<Record<LineTechnology, string>> = {
  fiber: "Fiber",
  cable: "Cable",
  dsl: "DSL (phone line)",
  mobile: "Mobile (4G/5G)",
  satellite: "Satellite",
  "fixed-wireless": "Fixed wireless",
  other: "Other",
};

/** A line's name from what the owner said about it: "Fiber line (CityNet)". */
export function lineName(technology: LineTechnology | undefined, provider: string | undefined): string {
  const tech = technology === undefined || technology === "other" ? "Internet" : LINE_TECHNOLOGY_LABELS[technology].replace(/ \(.*\)$/, "");
  const p = provider?.trim();
  return p ? `${tech} line (${p})` : `${tech} line`;
}

/** Best guess of technology and provider from a line's name, for lines loaded from an inventory. */
export function parseLineName(name: string | undefined): { technology?: LineTechnology; provider?: string } {
  if (!name) return {};
  const lower = name.toLowerCase();
  const technology: LineTechnology | undefined = /fib(er|re)|ftt/.test(lower)
    ? "fiber"
    : /cable|coax|docsis/.test(lower)
      ? "cable"
      : /dsl/.test(lower)
        ? "dsl"
        : /\b(4g|5g|lte|mobile|cellular)\b/.test(lower)
          ? "mobile"
          : /satellite|starlink/.test(lower)
            ? "satellite"
            : /wireless/.test(lower)
              ? "fixed-wireless"
              : undefined;
  const provider = /\(([^()]+)\)\s*$/.exec(name)?.[1];
  return { ...(technology ? { technology } : {}), ...(provider ? { provider } : {}) };
}

export const COPY_MEDIA: ReadonlyArray<{ value: string; label: string }> = [
  { value: "disk", label: "A disk in a computer or server" },
  { value: "nas", label: "A network storage box (NAS)" },
  { value: "usb", label: "A USB drive" },
  { value: "tape", label: "Tape" },
  { value: "object-storage", label: "Cloud storage" },
  { value: "snapshot", label: "A snapshot on the same system" },
  { value: "other", label: "Something else" },
];
