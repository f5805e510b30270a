/**
 * The demo: a shared demo account and a demo organisation whose assessment is the Harbor Dental
 * example, completed, so "Try the demo" shows a full result at once. The account is a viewer of
 * that organisation and may create nothing (lib/server/access.ts refuseSharedDemo). Idempotent:
 * when the demo account exists it only makes sure of its viewer role. Run with `npm run db:seed` (scripts/start.sh runs it on first start).
 *
 * The example is read from ../shared/examples when that folder exists (the project's contract
 * documents), else from the copy in fixtures/examples, so a clean clone seeds too.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { completeAssessment, insertOrganization, listAssessments, saveAssessmentDraft } from "../lib/server/access";
import { disconnectDb, getDb } from "../lib/server/db";
import { DEMO_EMAIL, DEMO_NAME, DEMO_ORGANIZATION, DEMO_PASSWORD } from "../lib/server/demo";
import { createUser } from "../tests/factories";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

export function demoInventoryPath(): string {
  const shared = path.resolve(ROOT, "../shared/examples/harbor-dental.json");
  return existsSync(shared) ? shared : path.join(ROOT, "fixtures/examples/harbor-dental.json");
}

export async function seedDemo(): Promise<{ created: boolean }> {
  const db = getDb();
  const existing = await db.user.findUnique({ where: { email: DEMO_EMAIL }, select: { id: true } });
  if (existing) {
    // Databases seeded before the demo became read-only: the account owned the demo organisation.
    await db.membership.updateMany({ where: { userId: existing.id, role: "owner", organization: { name: DEMO_ORGANIZATION } }, data: { role: "viewer" } });
    return { created: false };
  }
  const inventory = JSON.parse(readFileSync(demoInventoryPath(), "utf8")) as Record<string, unknown>;
  const user = await createUser({ email: DEMO_EMAIL, name: DEMO_NAME, password: DEMO_PASSWORD });
  const actor = { userId: user.id };
  const org = await insertOrganization(user.id, DEMO_ORGANIZATION);
  const [assessment] = await listAssessments(actor, { organizationId: org.id });
  const ids = { organizationId: org.id, assessmentId: assessment!.id };
  const saved = await saveAssessmentDraft(actor, { ...ids, inventory, questionnaire: { source: "example:harbor-dental" }, version: assessment!.version });
  await completeAssessment(actor, { ...ids, version: saved.version });
  // Every visitor signs in as this one account (its password is public): as a viewer, none of
  // them can change what the next one sees. The organisation is left without an owner.
  await db.membership.update({ where: { userId_organizationId: { userId: user.id, organizationId: org.id } }, data: { role: "viewer" } });
  return { created: true };
}

async function main(): Promise<void> {
  if (process.env.BULWARK_DEMO === "off") {
    console.log("seed: BULWARK_DEMO=off, no demo account");
    return;
  }
  const { created } = await seedDemo();
  console.log(
    created
      ? `seed: demo account created: ${DEMO_EMAIL} / ${DEMO_PASSWORD} (organisation "${DEMO_ORGANIZATION}", from ${path.relative(ROOT, demoInventoryPath())})`
      : `seed: demo account already present (${DEMO_EMAIL} / ${DEMO_PASSWORD})`,
  );
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main()
    .catch((e: unknown) => {
      console.error("seed failed:", e instanceof Error ? e.message : e);
      process.exitCode = 1;
    })
    .finally(() => disconnectDb());
}
