/**
 * Defaults for what an inventory leaves out, each citing a row of shared/docs/reference-data.md.
 * Status: V read in the cited source, S read only in a secondary summary, U not verified (the app
 * says "assumed; no published figure" for these).
 */
import type { ComponentKind } from "./schema.js";

export type SourceStatus = "V" | "S" | "U";

export interface Source {
  /** The reference-data.md row this figure comes from. */
  readonly row: string;
  readonly citation: string;
  readonly status: SourceStatus;
  /** How the figure was derived from the source, when it is not read off directly. */
  readonly note?: string;
}

export interface ComponentRateDefault {
  readonly failuresPerYear: number;
  readonly repairHours: number;
  readonly source: Source;
}

const UNVERIFIED = "assumed; no published figure";

export const COMPONENT_DEFAULTS: Readonly<Record<ComponentKind, ComponentRateDefault>> = {
  site: {
    failuresPerYear: 0.005,
    repairHours: 336,
    source: {
      row: "none (premises unusable: fire, flood, break-in)",
      citation: UNVERIFIED,
      status: "U",
      note: "rate set equal to the default site-loss scenario; two weeks to get back into a usable space",
    },
  },
  power: {
    failuresPerYear: 1.4,
    repairHours: 6 / 1.4,
    source: {
      row: "Grid power, normal events + Grid power, major events",
      citation:
        "EIA: about 2 h/yr outside major events (eia.gov/todayinenergy/detail.php?id=66744) and about 4 h/yr in major events (eia.gov/electricity/annual/table.php?t=epa_11_03.html)",
      status: "V",
      note: "f = 1.0 + 0.4 per year; mean duration (1.0 × 2 h + 0.4 × 10 h) / 1.4 ≈ 4.29 h, about 6 h a year",
    },
  },
  ups: {
    failuresPerYear: 0.25,
    repairHours: 48,
    source: {
      row: "UPS (VRLA) battery life",
      citation: "APC/Schneider FAQ FA158934: batteries last three to five years",
      status: "U",
      note: "one battery failure per 4-year life; two days to get a replacement; the rate itself is assumed",
    },
  },
  generator: {
    failuresPerYear: 0.5,
    repairHours: 48,
    source: { row: "none (standby generator failure to start or run)", citation: UNVERIFIED, status: "U" },
  },
  internet: {
    failuresPerYear: 1,
    repairHours: 8,
    source: {
      row: "Business broadband outage",
      citation: "Uswitch/Opinium 2025 consumer survey (uswitch.com/media-centre/2025/11/); ispreview.co.uk 2020/08",
      status: "S",
      note: "about 8 hours a year, 99.9 % available",
    },
  },
  network: {
    failuresPerYear: 0.2,
    repairHours: 24,
    source: { row: "none (switch, router or firewall failure)", citation: UNVERIFIED, status: "U" },
  },
  server: {
    failuresPerYear: 0.15,
    repairHours: 72,
    source: {
      row: "Server hardware failure (non-disk: board, PSU, RAM)",
      citation: "suggested default 0.15 a year, 72 h without a support contract; the cited study's numbers were not read",
      status: "U",
    },
  },
  storage: {
    failuresPerYear: 0.13,
    repairHours: 72,
    source: {
      row: "NAS appliance (enclosure) failure + HDD annualised failure rate",
      citation: "enclosure 0.1 a year (no published figure); disks 1.5 % each (Backblaze Drive Stats 2024)",
      status: "U",
      // The rows give no repair time: 72 h is the server row's, without next-day support.
      note: "enclosure 0.1 + two disks × 1.5 %; repair 72 h as a server without next-day support (Server hardware failure row)",
    },
  },
  cloud: {
    failuresPerYear: 4.38,
    repairHours: 2,
    source: {
      row: "AWS S3 SLA",
      citation: "AWS S3 SLA 99.9 % monthly (aws.amazon.com/s3/sla/historical/)",
      status: "V",
      note: "an SLA is a bound, not a measurement: 8.76 h a year taken as 4.38 outages of 2 h",
    },
  },
  saas: {
    failuresPerYear: 4.38,
    repairHours: 2,
    source: {
      row: "Microsoft 365 SLA",
      citation: "Microsoft 365 SLA 99.9 % monthly, financially backed (Microsoft Learn)",
      status: "V",
      note: "an SLA is a bound, not a measurement: 8.76 h a year taken as 4.38 outages of 2 h",
    },
  },
  application: {
    failuresPerYear: 1,
    repairHours: 4,
    source: { row: "none (software fault, bad update)", citation: UNVERIFIED, status: "U" },
  },
  endpoint: {
    failuresPerYear: 0.5,
    repairHours: 8,
    source: { row: "none (desktop, till, label printer)", citation: UNVERIFIED, status: "U" },
  },
  data: {
    failuresPerYear: 0.03,
    repairHours: 24,
    source: {
      row: "HDD field vs datasheet",
      citation: "Schroeder & Gibson, FAST '07: field replacement 2–4 % a year",
      status: "V",
      note: "3 % a year; a day to restore",
    },
  },
  other: {
    failuresPerYear: 0.5,
    repairHours: 24,
    source: { row: "none", citation: UNVERIFIED, status: "U" },
  },
};

export interface ValueDefault {
  readonly value: number;
  readonly source: Source;
}

export const ORGANIZATION_DEFAULTS = {
  absenceWaitHours: {
    value: 72,
    source: { row: "model.md §2", citation: "the model's default: three days until someone able to fix it is back", status: "U" },
  },
  vendorResponseHours: {
    value: 24,
    source: {
      row: "Server hardware failure (non-disk: board, PSU, RAM)",
      citation: "next-day support: 24 h",
      status: "U",
    },
  },
  unmonitoredDetectionHours: {
    value: 168,
    source: { row: "model.md §2", citation: "the model's default: a silent failure is noticed within a week", status: "U" },
  },
  untestedRestoreFailure: {
    value: 0.2,
    source: { row: "model.md §5", citation: "the model's default: one untested restore in five fails", status: "U" },
  },
  staffCostPerHour: {
    value: 50,
    source: { row: "Cross-training / runbook", citation: "loaded wage of a staff hour; judgment", status: "U" },
  },
} as const satisfies Record<string, ValueDefault>;

export const LOSS_SCENARIO_DEFAULTS = {
  device: {
    value: 0.03,
    source: {
      row: "HDD field vs datasheet",
      citation: "Schroeder & Gibson, FAST '07: field replacement 2–4 % a year (usenix.org/legacy/event/fast07/tech/schroeder/)",
      status: "V",
    },
  },
  site: {
    value: 0.005,
    source: { row: "none (fire, flood, theft at the premises)", citation: UNVERIFIED, status: "U" },
  },
  ransomware: {
    value: 0.01,
    source: {
      row: "Ransomware ARO (small business)",
      citation: "UK Cyber Security Breaches Survey 2025: 1 % of businesses hit",
      status: "S",
    },
  },
} as const satisfies Record<string, ValueDefault>;

export const PERSON_AVAILABILITY_DEFAULT: ValueDefault = {
  value: 0.9,
  source: { row: "model.md §2", citation: "the model's default: holidays, sickness, leaving", status: "U" },
};

/** Restore tests count for this many days before `asOf` (model.md §5). */
export const RESTORE_TEST_VALID_DAYS = 365;
export const HOURS_PER_YEAR = 8760;
export const HOURS_PER_WEEK = 168;
export const DEFAULT_MAX_ORDER = 3;
/** Bulwark's extension to model.md §2: with a runbook, the absence wait is halved (judgment, U). */
export const RUNBOOK_WAIT_FACTOR = 0.5;
export const MAX_ORDER_LIMIT = 6;
