import { describe, expect, it } from "vitest";
import { makePng } from "../pdf/testing/pdf-text";
import { uniqueEmail } from "../../tests/factories";
import { addFirmMember, clientOf, exampleText, firmWithTeam } from "../../tests/support/consultant";
import { getAuth } from "./auth";
import { assessClient } from "./clients";
import { handleFirmLogo, handleInventoryExport, handleSnapshotPdf } from "./consultant-http";
import { getDb } from "./db";
import { setFirmLogo } from "./firms";
import { importClientInventory } from "./transfer";

/** A signed-up person and the request a browser would send with their session cookie. */
async function signedIn(name: string) {
  const { headers, response } = await getAuth().api.signUpEmail({
    body: { name, email: uniqueEmail("http"), password: "a long enough password" },
    returnHeaders: true,
  });
  const cookie = headers
    .getSetCookie()
    .map((c) => c.split(";")[0]!)
    .filter((c) => !c.endsWith("="))
    .join("; ");
  return { actor: { userId: response.user.id }, request: (path: string) => new Request(`http://localhost${path}`, { headers: { cookie } }) };
}

async function setUp() {
  const team = await firmWithTeam("Harbor IT");
  const me = await signedIn("Casey Consultant");
  await addFirmMember(team.firm.id, me.actor.userId, "owner");
  const c = await clientOf(me.actor, team.firm.id, "Harbor Dental");
  const { version } = await importClientInventory(me.actor, { organizationId: c.client.id, assessmentId: c.assessmentId, text: exampleText("harbor-dental"), version: c.version });
  const snap = await assessClient(me.actor, { organizationId: c.client.id, assessmentId: c.assessmentId, version });
  const outsider = await signedIn("Olga Outsider");
  return { ...team, ...c, me, snap, outsider };
}

describe("downloads over HTTP", () => {
  it("streams the PDF with its type, a safe file name and nosniff", async () => {
    const s = await setUp();
    const res = await handleSnapshotPdf(s.me.request("/pdf"), { orgId: s.client.id, snapshotId: s.snap.snapshotId });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/pdf");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("content-disposition")).toMatch(/^attachment; filename="action-plan-harbor-dental-\d{4}-\d{2}-\d{2}\.pdf"/);
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect(Buffer.from(bytes.subarray(0, 5)).toString("latin1")).toBe("%PDF-");
    expect(Number(res.headers.get("content-length"))).toBe(bytes.byteLength);
  });

  it("answers 401 without a session and 404 for someone else's client or snapshot", async () => {
    const s = await setUp();
    const anonymous = new Request("http://localhost/pdf");
    expect((await handleSnapshotPdf(anonymous, { orgId: s.client.id, snapshotId: s.snap.snapshotId })).status).toBe(401);
    const foreign = await handleSnapshotPdf(s.outsider.request("/pdf"), { orgId: s.client.id, snapshotId: s.snap.snapshotId });
    expect(foreign.status).toBe(404);
    expect(JSON.stringify(await foreign.json())).not.toContain("Harbor Dental");
    expect((await handleSnapshotPdf(s.me.request("/pdf"), { orgId: s.client.id, snapshotId: "nope" })).status).toBe(404);
    expect((await handleInventoryExport(s.outsider.request("/inv"), { orgId: s.client.id, assessmentId: s.assessmentId })).status).toBe(404);
    expect((await handleFirmLogo(s.outsider.request("/logo"), { firmId: s.firm.id })).status).toBe(404);
  });

  it("exports the draft as JSON for download", async () => {
    const s = await setUp();
    const res = await handleInventoryExport(s.me.request("/inv"), { orgId: s.client.id, assessmentId: s.assessmentId });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/json; charset=utf-8");
    expect(res.headers.get("content-disposition")).toMatch(/filename="inventory-harbor-dental-\d{4}-\d{2}-\d{2}\.json"/);
    const text = await res.text();
    expect(JSON.parse(text)).toMatchObject({ format: "resilience-inventory/1", organization: { name: "Harbor Dental" } });
  });

  it("a draft that cannot be exported answers 422 with the problems by path", async () => {
    const s = await setUp();
    await getDb().assessment.update({ where: { id: s.assessmentId }, data: { inventoryJson: '{"format":"resilience-inventory/1"}' } });
    const res = await handleInventoryExport(s.me.request("/inv"), { orgId: s.client.id, assessmentId: s.assessmentId });
    expect(res.status).toBe(422);
    const body = (await res.json()) as { error: { problems: Array<{ path: string }> } };
    expect(body.error.problems.map((p) => p.path)).toContain("organization");
  });

  it("serves the logo with the type found by its magic bytes and nosniff", async () => {
    const s = await setUp();
    const png = makePng(12, 12);
    await setFirmLogo(s.me.actor, { firmId: s.firm.id, data: png });
    const res = await handleFirmLogo(s.me.request("/logo"), { firmId: s.firm.id });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("image/png");
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("content-disposition")).toBeNull();
    expect(Buffer.from(await res.arrayBuffer()).equals(Buffer.from(png))).toBe(true);
  });
});
