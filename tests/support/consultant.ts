/**
 * Test data for the consultant layer (firms, clients, history, reports, transfer): written through
 * the real database and the real data functions, never mocks.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import type { Actor } from "../../lib/server/access";
import { createClient } from "../../lib/server/clients";
import { getDb } from "../../lib/server/db";
import { AppError } from "../../lib/server/errors";
import { createFirm } from "../../lib/server/firms";
import type { FirmRole } from "../../lib/consultant/schemas";
import { createUser } from "../factories";
import { EXAMPLES_DIR } from "./examples";

/** The text of an example inventory (../shared/examples, else fixtures/examples). */
export function exampleText(name: string): string {
  return readFileSync(path.join(EXAMPLES_DIR, `${name}.json`), "utf8");
}

export async function newActor(name = "Test User"): Promise<Actor & { email: string }> {
  const user = await createUser({ name });
  return { userId: user.id, email: user.email };
}

/** A firm with its owner; `consultants` more members with the consultant role. */
export async function firmWithTeam(name = "Harbor IT", consultants = 1) {
  const owner = await newActor("Frida Firm-Owner");
  const firm = await createFirm(owner, { name });
  const team: Actor[] = [];
  for (let i = 0; i < consultants; i++) {
    const c = await newActor(`Consultant ${i + 1}`);
    await addFirmMember(firm.id, c.userId, "consultant");
    team.push(c);
  }
  return { firm, owner, consultants: team };
}

export async function addFirmMember(firmId: string, userId: string, role: FirmRole): Promise<void> {
  await getDb().firmMember.create({ data: { firmId, userId, role } });
}

/** A client of the firm and its first assessment's id and version. */
export async function clientOf(actor: Actor, firmId: string, name = "Harbor Dental") {
  const client = await createClient(actor, { firmId, name });
  const assessment = await getDb().assessment.findFirstOrThrow({ where: { organizationId: client.id }, select: { id: true, version: true } });
  return { client, assessmentId: assessment.id, version: assessment.version };
}

export async function errorOf(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error("expected the call to fail");
}

/** A JPEG's marker skeleton (SOI, APP0, SOF0, EOI): enough for the size check, not for drawing. */
export function jpegSkeleton(width: number, height: number): Uint8Array {
  const app0 = [0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00];
  const sof0 = [0xff, 0xc0, 0x00, 0x0b, 0x08, height >> 8, height & 0xff, width >> 8, width & 0xff, 0x01, 0x01, 0x11, 0x00];
  return new Uint8Array([0xff, 0xd8, ...app0, ...sof0, 0xff, 0xd9]);
}
