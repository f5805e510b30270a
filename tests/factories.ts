/**
 * Test data factories, shared by the server tests and prisma/seed.ts. They write through the real
 * database client (and better-auth's own password hashing), never through mocks.
 */
import { randomBytes, randomUUID } from "node:crypto";
import { getAuth } from "../lib/server/auth";
import { getDb } from "../lib/server/db";
import type { Role } from "../lib/roles";

export interface CreatedUser {
  readonly id: string;
  readonly email: string;
  readonly name: string;
  readonly password: string | null;
}

export function uniqueEmail(prefix = "user"): string {
  return `${prefix}-${randomBytes(6).toString("hex")}@example.test`;
}

/** A user row; with `password`, also the credential account better-auth signs in with. */
export async function createUser(opts: { email?: string; name?: string; password?: string } = {}): Promise<CreatedUser> {
  const db = getDb();
  const email = (opts.email ?? uniqueEmail()).toLowerCase();
  const name = opts.name ?? "Test User";
  const id = randomUUID();
  await db.user.create({ data: { id, email, name, emailVerified: false } });
  if (opts.password) {
    const ctx = await getAuth().$context;
    const hash = await ctx.password.hash(opts.password);
    await db.account.create({
      data: { id: randomUUID(), accountId: id, providerId: "credential", userId: id, password: hash },
    });
  }
  return { id, email, name, password: opts.password ?? null };
}

export async function addMember(userId: string, organizationId: string, role: Role): Promise<void> {
  await getDb().membership.create({ data: { userId, organizationId, role } });
}
