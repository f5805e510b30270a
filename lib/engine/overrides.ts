/**
 * Overriding the catalogue's defaults (model.md §6: "default costs and effects with published
 * sources, all overridable"): a mitigation's cost (upfront, monthly, lifeYears) and the figures of
 * its effect (mitigations.ts EffectParameter), checked like the inventory: every problem with its
 * path and a sentence. The same rules serve the library's options (`costOverrides`,
 * `effectOverrides`) and the CLI's `--overrides` file (`costs`, `effects`).
 */
import { z } from "zod";
import { EFFECT_PARAMETERS, MITIGATIONS, type EffectOverrides, type EffectParameter, type MitigationCost } from "./mitigations.js";
import { problemsFromZod, type Problem } from "./problems.js";
import { MAX_MONEY } from "./schema.js";

const money = z.number().finite().min(0).max(MAX_MONEY);

const CostOverrideSchema = z.strictObject({
  upfront: money.optional(),
  monthly: money.optional(),
  lifeYears: z.number().finite().gt(0).max(100).optional(),
});

function parameterSchema(p: EffectParameter) {
  const n = z.number().finite();
  return (p.minExclusive ? n.gt(p.min) : n.min(p.min)).max(p.max).optional();
}

const CostsSchema = z.strictObject(Object.fromEntries(MITIGATIONS.map((m) => [m.id, CostOverrideSchema.optional()])));

const EffectsSchema = z.strictObject(
  Object.fromEntries(
    Object.entries(EFFECT_PARAMETERS)
      .filter(([, parameters]) => Object.keys(parameters).length > 0)
      .map(([id, parameters]) => [
        id,
        z.strictObject(Object.fromEntries(Object.entries(parameters).map(([name, p]) => [name, parameterSchema(p)]))).optional(),
      ]),
  ),
);

/** The CLI's overrides file: `{ "costs": { "<mitigation>": {...} }, "effects": { "<mitigation>": {...} } }`. */
export const PlanOverridesSchema = z.strictObject({ costs: CostsSchema.optional(), effects: EffectsSchema.optional() });
/** An overrides file that passed `planOverridesProblems`, in the plan options' types. */
export interface PlanOverrides {
  readonly costs?: Readonly<Record<string, Partial<MitigationCost>>>;
  readonly effects?: EffectOverrides;
}

/** The same rules as the library's plan options (other option fields are checked elsewhere). */
const OptionOverridesSchema = z.object({ costOverrides: CostsSchema.optional(), effectOverrides: EffectsSchema.optional() });

/** The fields an object of these schemas may have, at a path inside the checked value. */
function allowedKeysIn(schema: z.ZodType): (path: readonly PropertyKey[]) => string[] {
  return (path) => {
    let s: z.ZodType | undefined = schema;
    for (const seg of path) {
      while (s instanceof z.ZodOptional) s = s.unwrap() as z.ZodType;
      if (!(s instanceof z.ZodObject) || typeof seg !== "string") return [];
      s = (s.shape as Record<string, z.ZodType>)[seg];
    }
    while (s instanceof z.ZodOptional) s = s.unwrap() as z.ZodType;
    return s instanceof z.ZodObject ? Object.keys(s.shape) : [];
  };
}

/** Problems of an overrides file (paths like `effects.ups.runtimeMinutes`). */
export function planOverridesProblems(value: unknown): Problem[] {
  const r = PlanOverridesSchema.safeParse(value);
  return r.success ? [] : problemsFromZod(r.error.issues, value, [], allowedKeysIn(PlanOverridesSchema));
}

/** Problems of the library's `costOverrides` and `effectOverrides` options (paths under `options.`). */
export function optionOverridesProblems(options: { readonly costOverrides?: unknown; readonly effectOverrides?: unknown }): Problem[] {
  const value = { costOverrides: options.costOverrides, effectOverrides: options.effectOverrides };
  const r = OptionOverridesSchema.safeParse(value);
  return r.success ? [] : problemsFromZod(r.error.issues, value, ["options"], allowedKeysIn(OptionOverridesSchema));
}
