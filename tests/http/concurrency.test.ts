/**
 * Optimistic concurrency over HTTP against the server `npm start` runs (scripts/serve.ts): 20 clients each make 50 edits to the same
 * assessment through the draft route (read, apply their own edit, save with the version read, and
 * on 409 read again and retry). Not one edit may be lost. The same clients against a server whose
 * version check is switched off (NODE_ENV=test + BULWARK_UNSAFE_DISABLE_VERSION_CHECK=1, see
 * lib/server/security/test-flags.ts) must lose edits: that proves the test can fail.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createOrganization, listAssessments } from "../../lib/server/access";
import { startAppServer, type AppServer } from "./support/app-server";
import { call, createPrincipal, useDatabaseOf } from "./support/client";
import { runEditors } from "./support/editors";

const CLIENTS = 20;
const EDITS = 50;

let safe: AppServer;
let unsafe: AppServer;

beforeAll(async () => {
  safe = await startAppServer();
  // The same build and the same database; only the test switch differs.
  unsafe = await startAppServer({ databaseUrl: safe.databaseUrl, env: { NODE_ENV: "test", BULWARK_UNSAFE_DISABLE_VERSION_CHECK: "1" } });
});

afterAll(async () => {
  await unsafe?.stop();
  await safe?.stop();
});

async function assessmentOn(server: AppServer) {
  await useDatabaseOf(server);
  const owner = await createPrincipal("Concurrency Owner");
  const org = await createOrganization({ userId: owner.id }, { name: "Concurrent Co" });
  const [assessment] = await listAssessments({ userId: owner.id }, { organizationId: org.id });
  return { owner, path: `/api/org/${org.id}/assessments/${assessment!.id}/draft` };
}

describe("20 clients × 50 edits to one assessment", () => {
  it("lose no edit: stale saves get 409 with the current version and are retried", { timeout: 900_000 }, async () => {
    const { owner, path } = await assessmentOn(safe);
    const started = Date.now();
    const result = await runEditors({ server: safe, path, cookie: owner.cookie, clients: CLIENTS, edits: EDITS });
    console.log(
      `concurrency (version check on): ${result.saves} saves, ${result.conflicts} conflicts answered 409, ${Date.now() - started} ms`,
    );
    expect(result.unexpected).toEqual([]);
    expect(result.saves).toBe(CLIENTS * EDITS);
    expect(result.conflicts).toBeGreaterThan(0);

    const final = await call(safe, "GET", path, { cookie: owner.cookie });
    expect(final.status).toBe(200);
    const edits = (final.json!.questionnaire as { edits: Record<string, number[]> }).edits;
    for (let c = 0; c < CLIENTS; c++) {
      expect(edits[`c${c}`], `client ${c}'s edits`).toEqual(Array.from({ length: EDITS }, (_, i) => i + 1));
    }
    // Every successful save bumped the version exactly once.
    expect(final.json!.version).toBe(1 + CLIENTS * EDITS);
  });

  it("without the version check, the same clients lose edits (the test above can fail)", async () => {
    const { owner, path } = await assessmentOn(unsafe);
    const result = await runEditors({ server: unsafe, path, cookie: owner.cookie, clients: CLIENTS, edits: EDITS });
    expect(result.unexpected).toEqual([]);
    expect(result.conflicts).toBe(0);
    const final = await call(unsafe, "GET", path, { cookie: owner.cookie });
    const edits = (final.json!.questionnaire as { edits?: Record<string, number[]> }).edits ?? {};
    let lost = 0;
    for (let c = 0; c < CLIENTS; c++) {
      const kept = new Set(edits[`c${c}`] ?? []);
      for (let n = 1; n <= EDITS; n++) if (!kept.has(n)) lost++;
    }
    console.log(`concurrency (version check off): ${lost} of ${CLIENTS * EDITS} edits lost`);
    expect(lost).toBeGreaterThan(0);
  });
});
