import { crc32, deflateSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { checkLogo, MAX_LOGO_BYTES, sniffImageType } from "./logo";
import { makePng } from "./testing/pdf-text";

/** A JPEG's marker skeleton: SOI, APP0, SOF0 with the given size, SOS with a little data, EOI. */
function jpegSkeleton(width: number, height: number, { end = true } = {}): Uint8Array {
  const app0 = [0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00];
  const sof0 = [0xff, 0xc0, 0x00, 0x0b, 0x08, height >> 8, height & 0xff, width >> 8, width & 0xff, 0x01, 0x01, 0x11, 0x00];
  const sos = [0xff, 0xda, 0x00, 0x08, 0x01, 0x01, 0x00, 0x00, 0x3f, 0x00, 0x12, 0x34];
  return new Uint8Array([0xff, 0xd8, ...app0, ...sof0, ...sos, ...(end ? [0xff, 0xd9] : [])]);
}

describe("checkLogo", () => {
  it("accepts a PNG and reads its size", () => {
    expect(checkLogo({ data: makePng(320, 80), mimeType: "image/png" })).toEqual({ ok: true, mimeType: "image/png", width: 320, height: 80 });
  });

  it("accepts a JPEG and reads its size from the frame header", () => {
    expect(checkLogo({ data: jpegSkeleton(640, 200), mimeType: "image/jpeg" })).toEqual({ ok: true, mimeType: "image/jpeg", width: 640, height: 200 });
  });

  it("refuses other types, empty and oversized files", () => {
    expect(checkLogo({ data: makePng(2, 2), mimeType: "image/gif" })).toEqual({ ok: false, message: 'type must be image/png or image/jpeg, not "image/gif"' });
    expect(checkLogo({ data: new Uint8Array(), mimeType: "image/png" })).toEqual({ ok: false, message: "the image is empty" });
    const huge = new Uint8Array(MAX_LOGO_BYTES + 1);
    huge.set(makePng(1, 1));
    expect(checkLogo({ data: huge, mimeType: "image/png" })).toMatchObject({ ok: false, message: expect.stringContaining("the limit is") });
    const svg = new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>');
    expect(checkLogo({ data: svg, mimeType: "image/png" })).toEqual({ ok: false, message: "is not a PNG or JPEG image" });
  });

  it("refuses bytes that do not match the declared type", () => {
    expect(checkLogo({ data: makePng(4, 4), mimeType: "image/jpeg" })).toEqual({ ok: false, message: "is labelled image/jpeg but the data is image/png" });
    expect(sniffImageType(jpegSkeleton(1, 1))).toBe("image/jpeg");
  });

  it("finds a PNG cut short, a corrupted chunk and image data of the wrong size", () => {
    const png = makePng(50, 20);
    expect(checkLogo({ data: png.slice(0, png.length - 12), mimeType: "image/png" })).toEqual({ ok: false, message: "is a broken PNG: the file is cut short" });
    const flipped = png.slice();
    flipped[40] = flipped[40]! ^ 0xff;
    expect(checkLogo({ data: flipped, mimeType: "image/png" })).toMatchObject({ ok: false, message: expect.stringMatching(/fails its checksum/u) });
    // A header claiming more pixels than the data holds, with correct checksums.
    const tall = makePng(50, 20);
    const lying = Buffer.from(tall);
    lying.writeUInt32BE(21, 20);
    lying.writeUInt32BE(crc32(lying.subarray(12, 29)), 29);
    expect(checkLogo({ data: new Uint8Array(lying), mimeType: "image/png" })).toEqual({ ok: false, message: "is a broken PNG: the image data has the wrong size" });
  });

  it("refuses a decompression bomb without inflating it all", () => {
    const png = Buffer.from(makePng(10, 10));
    // Replace the image data with 50 MB of zeros compressed to a few kilobytes.
    const bomb = deflateSync(Buffer.alloc(50 * 1024 * 1024));
    const idatStart = 33;
    const idatLength = png.readUInt32BE(idatStart);
    const head = Buffer.alloc(8);
    head.writeUInt32BE(bomb.length, 0);
    head.write("IDAT", 4, "latin1");
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), bomb])), 0);
    const forged = Buffer.concat([png.subarray(0, idatStart), head, bomb, crc, png.subarray(idatStart + 12 + idatLength)]);
    expect(checkLogo({ data: new Uint8Array(forged), mimeType: "image/png" })).toEqual({ ok: false, message: "is a broken PNG: the image data cannot be decompressed" });
  });

  it("refuses images larger than 4096 pixels a side", () => {
    expect(checkLogo({ data: jpegSkeleton(5000, 100), mimeType: "image/jpeg" })).toEqual({ ok: false, message: "the image is 5000×100 pixels; at most 4096 a side" });
  });

  it("finds a JPEG cut short or without a frame header", () => {
    expect(checkLogo({ data: jpegSkeleton(10, 10, { end: false }), mimeType: "image/jpeg" })).toEqual({ ok: false, message: "is a broken JPEG: the file is cut short" });
    expect(checkLogo({ data: new Uint8Array([0xff, 0xd8, 0xff, 0xd9]), mimeType: "image/jpeg" })).toEqual({ ok: false, message: "is a broken JPEG: no frame header" });
    expect(checkLogo({ data: jpegSkeleton(0, 10), mimeType: "image/jpeg" })).toEqual({ ok: false, message: "is a JPEG with no pixels" });
  });
});
