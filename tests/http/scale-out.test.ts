/**
 * Scale-out: two server instances (scripts/serve.ts, as `npm start` runs it) (two ports, two processes) of the PostgreSQL build on one
 * PostgreSQL database. A session made on one works on the other and ends on both at sign-out;
 * editors spread over both instances keep the version rule (409s, no lost edit).
 *
 * Needs TEST_PG_URL (an admin-capable PostgreSQL URL) and BULWARK_PG_DIST_DIR (a build made while
 * the client was generated for PostgreSQL); scripts/test.sh provides both.
 */
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyMigrations } from "../../scripts/db/schema-engine";
import { pgUrlWithDatabase, withPgAdmin } from "../setup/global-db";
import { startAppServer, type AppServer } from "./support/app-server";
import { call, cookiesFrom } from "./support/client";
import { runEditors } from "./support/editors";

const adminUrl = process.env.TEST_PG_URL ?? "";
const pgDist = process.env.BULWARK_PG_DIST_DIR ?? "";
const DATABASE = "bulwark_http_scale_out";

let a: AppServer;
let b: AppServer;
let databaseUrl: string;

describe.runIf(adminUrl !== "" && pgDist !== "")("two instances on one PostgreSQL", () => {
  beforeAll(async () => {
    await withPgAdmin(adminUrl, async (c) => {
      await c.query(`DROP DATABASE IF EXISTS ${DATABASE} WITH (FORCE)`);
      await c.query(`CREATE DATABASE ${DATABASE}`);
    });
    databaseUrl = pgUrlWithDatabase(adminUrl, DATABASE);
    await applyMigrations(databaseUrl);
    [a, b] = await Promise.all([startAppServer({ databaseUrl, distDir: pgDist }), startAppServer({ databaseUrl, distDir: pgDist })]);
  });

  afterAll(async () => {
    await a?.stop();
    await b?.stop();
    await withPgAdmin(adminUrl, (c) => c.query(`DROP DATABASE IF EXISTS ${DATABASE} WITH (FORCE)`));
  });

  it("a session made on one instance works on the other, and signing out on one ends it on both", async () => {
    expect(a.port).not.toBe(b.port);
    const email = `scale-${randomUUID().slice(0, 8)}@example.test`;
    const signUp = await call(a, "POST", "/api/auth/sign-up/email", { body: { name: "Scale Out", email, password: "a long enough password 2026" } });
    expect(signUp.status, signUp.text).toBe(200);
    const cookie = cookiesFrom(signUp.headers);
    expect(cookie).not.toBe("");

    for (const server of [a, b]) {
      const session = await call(server, "GET", "/api/auth/get-session", { cookie });
      expect(session.status).toBe(200);
      expect((session.json?.user as { email?: string } | undefined)?.email).toBe(email);
      const page = await call(server, "GET", "/orgs", { cookie });
      expect(page.status, `the organisations page on :${server.port}`).toBe(200);
    }

    const signOut = await call(b, "POST", "/api/auth/sign-out", { cookie, body: {} });
    expect(signOut.status, signOut.text).toBe(200);
    for (const server of [a, b]) {
      const session = await call(server, "GET", "/api/auth/get-session", { cookie });
      expect(session.json ?? null, `session on :${server.port} after signing out on :${b.port}`).toBeNull();
      const page = await call(server, "GET", "/orgs", { cookie });
      expect(page.status).toBeGreaterThanOrEqual(300);
      expect(page.status).toBeLessThan(400);
      expect(page.headers.get("location") ?? "").toMatch(/\/sign-in/);
    }
  });

  it("editors spread over both instances keep the version rule: conflicts, no lost edit", async () => {
    const email = `editor-${randomUUID().slice(0, 8)}@example.test`;
    const signUp = await call(a, "POST", "/api/auth/sign-up/email", { body: { name: "Editor", email, password: "a long enough password 2026" } });
    expect(signUp.status, signUp.text).toBe(200);
    const cookie = cookiesFrom(signUp.headers);
    const userId = (signUp.json?.user as { id: string }).id;

    // An organisation with an assessment, written straight into the shared database.
    const orgId = `so${randomUUID().replace(/-/g, "").slice(0, 20)}`;
    const assessmentId = `sa${randomUUID().replace(/-/g, "").slice(0, 20)}`;
    await withPgAdmin(databaseUrl, async (c) => {
      await c.query(`INSERT INTO "Organization" (id, name, "updatedAt") VALUES ($1, 'Scale Co', now())`, [orgId]);
      await c.query(`INSERT INTO "Membership" (id, "userId", "organizationId", role) VALUES ($1, $2, $3, 'owner')`, [`m${orgId}`, userId, orgId]);
      await c.query(
        `INSERT INTO "Assessment" (id, "organizationId", name, "inventoryJson", "questionnaireJson", "updatedAt") VALUES ($1, $2, 'Shared', '{}', '{}', now())`,
        [assessmentId, orgId],
      );
    });
    const path = `/api/org/${orgId}/assessments/${assessmentId}/draft`;
    const clients = 10;
    const edits = 20;
    const result = await runEditors({ server: [a, b], path, cookie, clients, edits });
    console.log(`scale-out: ${result.saves} saves through two instances, ${result.conflicts} conflicts answered 409`);
    expect(result.unexpected).toEqual([]);
    expect(result.saves).toBe(clients * edits);
    expect(result.conflicts).toBeGreaterThan(0);

    for (const server of [a, b]) {
      const final = await call(server, "GET", path, { cookie });
      expect(final.json!.version).toBe(1 + clients * edits);
      const kept = (final.json!.questionnaire as { edits: Record<string, number[]> }).edits;
      for (let c = 0; c < clients; c++) expect(kept[`c${c}`]).toEqual(Array.from({ length: edits }, (_, i) => i + 1));
    }
  });
});
