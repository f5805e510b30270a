import { crc32 } from "node:zlib";
import { describe, expect, it } from "vitest";
import { MAX_LOGO_UPLOAD_BYTES } from "../consultant/schemas";
import { makePng } from "../pdf/testing/pdf-text";
import { clientOf, errorOf, firmWithTeam, jpegSkeleton, newActor } from "../../tests/support/consultant";
import { getDb } from "./db";
import {
  brandingForOrganization,
  createFirm,
  getFirm,
  getFirmLogo,
  LOGO_MESSAGES,
  listMyFirms,
  removeFirmLogo,
  setFirmLogo,
  UNBRANDED,
  updateFirmBranding,
} from "./firms";
import { createOrganization } from "./access";

/** A valid PNG made larger by a text chunk (with its checksum), so only its size is wrong. */
function paddedPng(totalBytes: number): Uint8Array {
  const png = Buffer.from(makePng(4, 4));
  const iend = png.subarray(png.length - 12);
  const bodyLength = totalBytes - png.length - 12;
  const head = Buffer.alloc(8);
  head.writeUInt32BE(bodyLength, 0);
  head.write("tEXt", 4, "latin1");
  const body = Buffer.alloc(bodyLength, 0x61);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), body])), 0);
  return new Uint8Array(Buffer.concat([png.subarray(0, png.length - 12), head, body, crc, iend]));
}

describe("firms", () => {
  it("makes the creator owner and lists only the caller's firms", async () => {
    const a = await newActor();
    const b = await newActor();
    const firm = await createFirm(a, { name: "  Harbor IT  " });
    await createFirm(b, { name: "Other IT" });
    expect(firm).toMatchObject({ name: "Harbor IT", role: "owner", accentColor: "#1e40af", contactLine: "", hasLogo: false });
    expect((await listMyFirms(a)).map((f) => f.id)).toEqual([firm.id]);
  });

  it("refuses an empty name with a field error", async () => {
    const err = await errorOf(createFirm(await newActor(), { name: " " }));
    expect(err.code).toBe("UNPROCESSABLE");
    expect(err.problems).toEqual([{ path: "name", message: "Enter the firm's name." }]);
  });

  it("another firm's id, an unknown id and a malformed id are all not found", async () => {
    const { firm } = await firmWithTeam();
    const outsider = await newActor();
    for (const firmId of [firm.id, "does-not-exist", "../../etc", ""]) {
      expect((await errorOf(getFirm(outsider, { firmId }))).status).toBe(404);
    }
  });

  it("a signed-out caller is refused before anything is read", async () => {
    const { firm } = await firmWithTeam();
    expect((await errorOf(getFirm({ userId: "" }, { firmId: firm.id }))).code).toBe("UNAUTHENTICATED");
  });
});

describe("branding", () => {
  it("the owner sets name, accent colour (stored in lower case) and contact line", async () => {
    const { firm, owner, consultants } = await firmWithTeam();
    const updated = await updateFirmBranding(owner, { firmId: firm.id, version: firm.brandingVersion, name: "Harbor IT Ltd", accentColor: "#0B6E4F", contactLine: "jane@harbor-it.example · +1 555 0100" });
    expect(updated).toMatchObject({ name: "Harbor IT Ltd", accentColor: "#0b6e4f", contactLine: "jane@harbor-it.example · +1 555 0100" });
    expect((await getFirm(consultants[0]!, { firmId: firm.id })).accentColor).toBe("#0b6e4f");
  });

  it("refuses a colour that is not #rrggbb, naming the field, and changes nothing", async () => {
    const { firm, owner } = await firmWithTeam();
    for (const accentColor of ["red", "#12345", "#1234567", "#abc", "#gg0000", "rgb(1,2,3)"]) {
      const err = await errorOf(updateFirmBranding(owner, { firmId: firm.id, version: firm.brandingVersion, name: "X", accentColor, contactLine: "" }));
      expect(err.problems.map((p) => p.path)).toEqual(["accentColor"]);
    }
    expect((await getFirm(owner, { firmId: firm.id })).name).toBe("Harbor IT");
  });

  it("a save from a page opened before another save is refused (409) and changes nothing; the newer version saves", async () => {
    const { firm, owner } = await firmWithTeam();
    const opened = firm.brandingVersion;
    // Two tabs opened on the same version: the first save wins at once…
    const first = await updateFirmBranding(owner, { firmId: firm.id, version: opened, name: "Tab one", accentColor: "#111111", contactLine: "" });
    expect(first.brandingVersion).not.toBe(opened);
    // …and the second, still holding the version it opened on, is refused rather than applied over it.
    const err = await errorOf(updateFirmBranding(owner, { firmId: firm.id, version: opened, name: "Tab two", accentColor: "#222222", contactLine: "" }));
    expect(err.status).toBe(409);
    expect(err.message).toContain("The firm's branding changed somewhere else");
    expect(await getFirm(owner, { firmId: firm.id })).toMatchObject({ name: "Tab one", accentColor: "#111111" });
    // Reloaded, the second tab has the new version and saves.
    const second = await updateFirmBranding(owner, { firmId: firm.id, version: first.brandingVersion, name: "Tab two", accentColor: "#222222", contactLine: "" });
    expect(second.name).toBe("Tab two");
  });

  it("a logo changed in another tab does not refuse a branding form opened before it", async () => {
    const { firm, owner } = await firmWithTeam();
    await setFirmLogo(owner, { firmId: firm.id, data: makePng(2, 2) });
    await removeFirmLogo(owner, { firmId: firm.id });
    const saved = await updateFirmBranding(owner, { firmId: firm.id, version: firm.brandingVersion, name: "Renamed", accentColor: "#111111", contactLine: "" });
    expect(saved.name).toBe("Renamed");
  });

  it("refuses a save without a version, or with one that is not the branding's, naming the field", async () => {
    const { firm, owner } = await firmWithTeam();
    for (const version of [undefined, "", "yesterday", 42, "[1,2,3]", '["a","b"]']) {
      const err = await errorOf(updateFirmBranding(owner, { firmId: firm.id, version, name: "X", accentColor: "#000000", contactLine: "" }));
      expect(err.code).toBe("UNPROCESSABLE");
      expect(err.problems).toEqual([{ path: "version", message: "Reload the page: this form no longer knows which version of the branding it shows." }]);
    }
    expect((await getFirm(owner, { firmId: firm.id })).name).toBe("Harbor IT");
  });

  it("refuses unknown fields (strict input)", async () => {
    const { firm, owner } = await firmWithTeam();
    const err = await errorOf(updateFirmBranding(owner, { firmId: firm.id, version: firm.brandingVersion, name: "X", accentColor: "#000000", contactLine: "", logoData: "x" }));
    expect(err.code).toBe("UNPROCESSABLE");
  });

  it("a consultant of the firm may not change the branding (403); an outsider does not see the firm (404)", async () => {
    const { firm, consultants } = await firmWithTeam();
    const input = { firmId: firm.id, version: firm.brandingVersion, name: "Hijacked", accentColor: "#000000", contactLine: "" };
    expect((await errorOf(updateFirmBranding(consultants[0]!, input))).status).toBe(403);
    expect((await errorOf(updateFirmBranding(await newActor(), input))).status).toBe(404);
    expect((await errorOf(setFirmLogo(consultants[0]!, { firmId: firm.id, data: makePng(2, 2) }))).status).toBe(403);
    expect((await errorOf(setFirmLogo(await newActor(), { firmId: firm.id, data: makePng(2, 2) }))).status).toBe(404);
  });
});

describe("logo upload", () => {
  it("stores a PNG's bytes and type, and gives them back to the firm's members only", async () => {
    const { firm, owner, consultants } = await firmWithTeam();
    const png = makePng(40, 20);
    const at = new Date("2026-11-22T10:00:00Z");
    expect(await setFirmLogo(owner, { firmId: firm.id, data: png }, at)).toMatchObject({ hasLogo: true, logoUpdatedAt: at });
    const logo = await getFirmLogo(consultants[0]!, { firmId: firm.id });
    expect(logo.mimeType).toBe("image/png");
    expect(Buffer.from(logo.data).equals(Buffer.from(png))).toBe(true);
    expect((await errorOf(getFirmLogo(await newActor(), { firmId: firm.id }))).status).toBe(404);
  });

  it("takes the type from the magic bytes: a JPEG is stored as image/jpeg", async () => {
    const { firm, owner } = await firmWithTeam();
    await setFirmLogo(owner, { firmId: firm.id, data: jpegSkeleton(300, 100) });
    expect((await getFirmLogo(owner, { firmId: firm.id })).mimeType).toBe("image/jpeg");
  });

  const refused: Array<[string, () => Uint8Array, string]> = [
    ["an SVG", () => new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'), LOGO_MESSAGES.wrongType],
    ["a GIF", () => new Uint8Array([0x47, 0x49, 0x46, 0x38, 0x39, 0x61, 1, 0, 1, 0, 0, 0, 0, 0x3b]), LOGO_MESSAGES.wrongType],
    ["HTML named logo.png", () => new TextEncoder().encode("<html><body>not an image</body></html>"), LOGO_MESSAGES.wrongType],
    ["a WebP", () => new TextEncoder().encode("RIFF\u0000\u0000\u0000\u0000WEBPVP8 "), LOGO_MESSAGES.wrongType],
    ["an empty file", () => new Uint8Array(0), LOGO_MESSAGES.empty],
    ["a PNG one byte over the limit", () => paddedPng(MAX_LOGO_UPLOAD_BYTES + 1), LOGO_MESSAGES.tooLarge],
  ];
  for (const [what, make, message] of refused) {
    it(`refuses ${what} on the logo field and keeps the old logo`, async () => {
      const { firm, owner } = await firmWithTeam();
      const old = makePng(8, 8);
      await setFirmLogo(owner, { firmId: firm.id, data: old });
      const err = await errorOf(setFirmLogo(owner, { firmId: firm.id, data: make() }));
      expect(err.status).toBe(422);
      expect(err.problems).toEqual([{ path: "logo", message }]);
      const kept = await getFirmLogo(owner, { firmId: firm.id });
      expect(Buffer.from(kept.data).equals(Buffer.from(old))).toBe(true);
    });
  }

  it("accepts a PNG exactly at the size limit", async () => {
    const { firm, owner } = await firmWithTeam();
    const data = paddedPng(MAX_LOGO_UPLOAD_BYTES);
    expect(data.byteLength).toBe(MAX_LOGO_UPLOAD_BYTES);
    expect((await setFirmLogo(owner, { firmId: firm.id, data })).hasLogo).toBe(true);
  });

  it("refuses a file with PNG magic bytes whose data is broken", async () => {
    const { firm, owner } = await firmWithTeam();
    const png = makePng(4, 4);
    png[png.length - 20] = png[png.length - 20]! ^ 0xff;
    const err = await errorOf(setFirmLogo(owner, { firmId: firm.id, data: png }));
    expect(err.problems[0]).toMatchObject({ path: "logo", message: expect.stringMatching(/^The logo cannot be used: it is a broken PNG/) });
  });

  it("removing the logo leaves none to serve", async () => {
    const { firm, owner } = await firmWithTeam();
    await setFirmLogo(owner, { firmId: firm.id, data: makePng(2, 2) });
    expect((await removeFirmLogo(owner, { firmId: firm.id })).hasLogo).toBe(false);
    expect((await errorOf(getFirmLogo(owner, { firmId: firm.id }))).status).toBe(404);
    const row = await getDb().firm.findUniqueOrThrow({ where: { id: firm.id }, select: { logoData: true } });
    expect(row.logoData).toBeNull();
  });
});

describe("branding of a report", () => {
  it("is the managing firm's, logo included; an organisation without a firm gets the plain one", async () => {
    const { firm, owner } = await firmWithTeam();
    await updateFirmBranding(owner, { firmId: firm.id, version: firm.brandingVersion, name: "Harbor IT", accentColor: "#0b6e4f", contactLine: "call us" });
    const png = makePng(10, 10);
    await setFirmLogo(owner, { firmId: firm.id, data: png });
    const { client } = await clientOf(owner, firm.id);
    const branding = await brandingForOrganization(client.id);
    expect(branding).toMatchObject({ firmName: "Harbor IT", accentColor: "#0b6e4f", contactLine: "call us", logo: { mimeType: "image/png" } });
    expect(Buffer.from(branding.logo!.data).equals(Buffer.from(png))).toBe(true);

    const plain = await createOrganization(await newActor(), { name: "Own Org" });
    expect(await brandingForOrganization(plain.id)).toEqual(UNBRANDED);
  });
});
