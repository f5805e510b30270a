// Not marked server-only: instrumentation.ts imports it at boot, outside the React server build.
import { z } from "zod";
import { DEFAULT_DATABASE_URL, providerOf } from "./database-url";

// Only for development and tests: production refuses to start without a real secret
// (scripts/start.sh creates one in data/auth-secret on first start).
const DEVELOPMENT_SECRET = "bulwark-development-secret-not-for-production-use-0001";

const EnvSchema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    DATABASE_URL: z
      .string()
      .default(DEFAULT_DATABASE_URL)
      .refine(
        (url) => {
          try {
            providerOf(url);
            return true;
          } catch {
            return false;
          }
        },
        { message: "must start with file: (SQLite) or postgres:// (PostgreSQL)" },
      ),
    BETTER_AUTH_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
    APP_URL: z.url().default("http://localhost:3000"),
    BULWARK_DEMO: z.enum(["on", "off"]).default("on"),
    // Sign-in and sign-up attempts per client address per minute (security/auth-guards.ts).
    AUTH_ATTEMPTS_PER_MINUTE: z.coerce
      .number({ message: "must be a whole number of attempts, e.g. 10" })
      .int("must be a whole number of attempts, e.g. 10")
      .min(1, "must be at least 1")
      .max(10_000, "must be at most 10000")
      .default(10),
  })
  .transform((env, ctx) => {
    if (env.NODE_ENV === "production" && !env.BETTER_AUTH_SECRET) {
      ctx.addIssue({
        code: "custom",
        path: ["BETTER_AUTH_SECRET"],
        message: "is required in production (at least 32 random characters; scripts/start.sh makes one)",
      });
      return z.NEVER;
    }
    return { ...env, BETTER_AUTH_SECRET: env.BETTER_AUTH_SECRET ?? DEVELOPMENT_SECRET };
  });

export type Env = z.infer<typeof EnvSchema>;

let cached: Env | undefined;

/** The validated environment. Throws one message naming every bad variable. */
export function getEnv(): Env {
  if (cached) return cached;
  const parsed = EnvSchema.safeParse(process.env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".") || "(environment)"}: ${i.message}`);
    throw new Error(`Bulwark cannot start: invalid environment variables\n${lines.join("\n")}`);
  }
  cached = parsed.data;
  return cached;
}

/** For tests that change process.env between cases. */
export function resetEnvForTests(): void {
  cached = undefined;
}
