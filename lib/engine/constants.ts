/**
 * The format's fixed vocabularies, free of zod so that browser code can import them at first
 * paint without pulling in the schema library (lib/questionnaire/steps.ts does).
 */

export const INVENTORY_FORMAT = "resilience-inventory/1";
export const ASSESSMENT_FORMAT = "resilience-assessment/1";

export const ID_PATTERN = /^[a-z0-9][a-z0-9._-]{0,63}$/;

export const COMPONENT_KINDS = [
  "site",
  "power",
  "ups",
  "generator",
  "internet",
  "network",
  "server",
  "storage",
  "cloud",
  "saas",
  "application",
  "endpoint",
  "data",
  "other",
] as const;
export type ComponentKind = (typeof COMPONENT_KINDS)[number];

/** The kinds of internet line the questionnaire offers (a component's optional `technology`). */
export const LINE_TECHNOLOGIES = ["fiber", "cable", "dsl", "mobile", "satellite", "fixed-wireless", "other"] as const;
export type LineTechnology = (typeof LINE_TECHNOLOGIES)[number];

export const COPY_LOCATIONS = ["same-device", "onsite", "offsite", "cloud"] as const;
export type CopyLocation = (typeof COPY_LOCATIONS)[number];

export const LOSS_SCENARIOS = ["device", "site", "ransomware"] as const;
export type LossScenario = (typeof LOSS_SCENARIOS)[number];
