import "server-only";
/**
 * Fixed-window counters in the database (the `rateLimit` table), so that several app instances
 * share them. Each step is one conditional UPDATE (or the INSERT of a new key), atomic on SQLite
 * and PostgreSQL alike: concurrent requests cannot both take the last slot.
 *
 * `lastRequest` holds the start of the key's current window (milliseconds since 1970).
 */
import { randomUUID } from "node:crypto";
import { getDb } from "../db";

export interface RateRule {
  readonly max: number;
  readonly windowSeconds: number;
}

export type RateVerdict = { readonly allowed: true } | { readonly allowed: false; readonly retryAfterSeconds: number };

/** Take one slot of `key` under `rule`, or learn how long until the next window. */
export async function consumeRateLimit(key: string, rule: RateRule, now = Date.now()): Promise<RateVerdict> {
  const db = getDb();
  const windowMs = rule.windowSeconds * 1000;
  const windowStart = BigInt(now - windowMs);
  for (let attempt = 0; attempt < 3; attempt++) {
    const inWindow = await db.rateLimit.updateMany({
      where: { key, lastRequest: { gt: windowStart }, count: { lt: rule.max } },
      data: { count: { increment: 1 } },
    });
    if (inWindow.count === 1) return { allowed: true };
    const restarted = await db.rateLimit.updateMany({
      where: { key, lastRequest: { lte: windowStart } },
      data: { count: 1, lastRequest: BigInt(now) },
    });
    if (restarted.count === 1) return { allowed: true };
    const row = await db.rateLimit.findUnique({ where: { key }, select: { lastRequest: true } });
    if (row) {
      const retryAfterMs = Number(row.lastRequest) + windowMs - now;
      if (retryAfterMs > 0) return { allowed: false, retryAfterSeconds: Math.ceil(retryAfterMs / 1000) };
      continue;
    }
    try {
      await db.rateLimit.create({ data: { id: randomUUID(), key, count: 1, lastRequest: BigInt(now) } });
      return { allowed: true };
    } catch {
      // Another request created the key first: count against it.
    }
  }
  // Three lost races in a row: refuse rather than let a burst through.
  return { allowed: false, retryAfterSeconds: 1 };
}

/** Forget windows that ended long ago (called now and then, not on every request). */
export async function pruneRateLimits(olderThanSeconds: number, now = Date.now()): Promise<number> {
  const res = await getDb().rateLimit.deleteMany({ where: { lastRequest: { lt: BigInt(now - olderThanSeconds * 1000) } } });
  return res.count;
}
