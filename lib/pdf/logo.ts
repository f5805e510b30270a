/**
 * A firm's logo is untrusted bytes. It is checked in full before it reaches the PDF code, so a
 * broken or mislabelled file gives a message naming the field instead of a failed or blank report.
 * The same check suits the upload form.
 */
import { crc32, inflateSync } from "node:zlib";

export const LOGO_MIME_TYPES = ["image/png", "image/jpeg"] as const;
export type LogoMimeType = (typeof LOGO_MIME_TYPES)[number];
export const MAX_LOGO_BYTES = 2 * 1024 * 1024;
export const MAX_LOGO_SIDE = 4096;

export type LogoCheck = { ok: true; mimeType: LogoMimeType; width: number; height: number } | { ok: false; message: string };

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

export function sniffImageType(data: Uint8Array): LogoMimeType | null {
  if (PNG_SIGNATURE.every((b, i) => data[i] === b)) return "image/png";
  if (data[0] === 0xff && data[1] === 0xd8 && data[2] === 0xff) return "image/jpeg";
  return null;
}

/**
 * @example
 * checkLogo({ data: pngBytes, mimeType: "image/png" }) //=> { ok: true, mimeType: "image/png", width: 320, height: 80 }
 * checkLogo({ data: new Uint8Array([1, 2, 3]), mimeType: "image/png" }) //=> { ok: false, message: "is not a PNG or JPEG image" }
 */
export function checkLogo(logo: { data: Uint8Array; mimeType: string }): LogoCheck {
  const { data, mimeType } = logo;
  if (!(LOGO_MIME_TYPES as readonly string[]).includes(mimeType)) return { ok: false, message: `type must be image/png or image/jpeg, not "${mimeType}"` };
  if (data.byteLength === 0) return { ok: false, message: "the image is empty" };
  if (data.byteLength > MAX_LOGO_BYTES) return { ok: false, message: `the image is ${data.byteLength} bytes; the limit is ${MAX_LOGO_BYTES}` };
  const sniffed = sniffImageType(data);
  if (sniffed === null) return { ok: false, message: "is not a PNG or JPEG image" };
  if (sniffed !== mimeType) return { ok: false, message: `is labelled ${mimeType} but the data is ${sniffed}` };
  const result = sniffed === "image/png" ? checkPng(data) : checkJpeg(data);
  if ("message" in result) return { ok: false, message: result.message };
  if (result.width > MAX_LOGO_SIDE || result.height > MAX_LOGO_SIDE) {
    return { ok: false, message: `the image is ${result.width}×${result.height} pixels; at most ${MAX_LOGO_SIDE} a side` };
  }
  return { ok: true, mimeType: sniffed, ...result };
}

type Size = { width: number; height: number } | { message: string };

const CHANNELS: Readonly<Record<number, { channels: number; depths: readonly number[] }>> = {
  0: { channels: 1, depths: [1, 2, 4, 8, 16] },
  2: { channels: 3, depths: [8, 16] },
  3: { channels: 1, depths: [1, 2, 4, 8] },
  4: { channels: 2, depths: [8, 16] },
  6: { channels: 4, depths: [8, 16] },
};

/** Every chunk's CRC, a sane header, and image data that inflates to exactly the expected size. */
function checkPng(data: Uint8Array): Size {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  let offset = 8;
  let header: { width: number; height: number; depth: number; colorType: number; interlace: number } | undefined;
  const idat: Uint8Array[] = [];
  let ended = false;
  let hasPalette = false;
  while (offset + 12 <= data.byteLength) {
    const length = view.getUint32(offset);
    const type = String.fromCharCode(...data.subarray(offset + 4, offset + 8));
    const end = offset + 12 + length;
    if (end > data.byteLength) return { message: `is a broken PNG: chunk ${JSON.stringify(type)} runs past the end of the file` };
    const body = data.subarray(offset + 8, offset + 8 + length);
    if (crc32(data.subarray(offset + 4, offset + 8 + length)) !== view.getUint32(offset + 8 + length)) {
      return { message: `is a broken PNG: chunk ${JSON.stringify(type)} fails its checksum` };
    }
    if (type === "IHDR") {
      if (length !== 13) return { message: "is a broken PNG: bad header" };
      const b = new DataView(body.buffer, body.byteOffset, body.byteLength);
      header = { width: b.getUint32(0), height: b.getUint32(4), depth: body[8]!, colorType: body[9]!, interlace: body[12]! };
    } else if (type === "PLTE") hasPalette = true;
    else if (type === "IDAT") idat.push(body);
    else if (type === "IEND") {
      ended = true;
      break;
    }
    offset = end;
  }
  if (!header) return { message: "is a broken PNG: no header" };
  if (!ended) return { message: "is a broken PNG: the file is cut short" };
  const format = CHANNELS[header.colorType];
  if (!format || !format.depths.includes(header.depth) || header.interlace > 1) return { message: "is a PNG in a format that cannot be read" };
  if (header.width === 0 || header.height === 0) return { message: "is a PNG with no pixels" };
  if (header.width > MAX_LOGO_SIDE || header.height > MAX_LOGO_SIDE) return { width: header.width, height: header.height };
  if (header.colorType === 3 && !hasPalette) return { message: "is a broken PNG: palette missing" };
  if (idat.length === 0) return { message: "is a broken PNG: no image data" };
  const bitsPerPixel = format.channels * header.depth;
  const rowBytes = (w: number) => (w === 0 ? 0 : 1 + Math.ceil((w * bitsPerPixel) / 8));
  let expected = 0;
  if (header.interlace === 0) expected = header.height * rowBytes(header.width);
  else {
    // Adam7: seven sub-images, each with its own rows.
    const passes = [[0, 0, 8, 8], [4, 0, 8, 8], [0, 4, 4, 8], [2, 0, 4, 4], [0, 2, 2, 4], [1, 0, 2, 2], [0, 1, 1, 2]] as const;
    for (const [x0, y0, dx, dy] of passes) {
      const w = Math.ceil((header.width - x0) / dx);
      const h = Math.ceil((header.height - y0) / dy);
      if (w > 0 && h > 0) expected += h * rowBytes(w);
    }
  }
  let pixels: Uint8Array;
  try {
    pixels = inflateSync(Buffer.concat(idat), { maxOutputLength: expected + 1 });
  } catch {
    return { message: "is a broken PNG: the image data cannot be decompressed" };
  }
  if (pixels.byteLength !== expected) return { message: "is a broken PNG: the image data has the wrong size" };
  return { width: header.width, height: header.height };
}

const SOF_MARKERS = new Set([0xc0, 0xc1, 0xc2, 0xc3, 0xc5, 0xc6, 0xc7, 0xc9, 0xca, 0xcb, 0xcd, 0xce, 0xcf]);

/** Walk the marker segments to the frame header; the file must end with its end-of-image marker. */
function checkJpeg(data: Uint8Array): Size {
  let end = data.byteLength;
  while (end > 2 && data[end - 1] === 0x00) end -= 1;
  if (!(data[end - 2] === 0xff && data[end - 1] === 0xd9)) return { message: "is a broken JPEG: the file is cut short" };
  let offset = 2;
  while (offset + 4 <= end) {
    if (data[offset] !== 0xff) return { message: "is a broken JPEG: bad marker" };
    const marker = data[offset + 1]!;
    if (marker === 0xff) {
      offset += 1;
      continue;
    }
    const length = (data[offset + 2]! << 8) | data[offset + 3]!;
    if (length < 2 || offset + 2 + length > end) return { message: "is a broken JPEG: a segment runs past the end of the file" };
    if (SOF_MARKERS.has(marker)) {
      if (length < 8) return { message: "is a broken JPEG: bad frame header" };
      const height = (data[offset + 5]! << 8) | data[offset + 6]!;
      const width = (data[offset + 7]! << 8) | data[offset + 8]!;
      if (width === 0 || height === 0) return { message: "is a JPEG with no pixels" };
      return { width, height };
    }
    if (marker === 0xda) break;
    offset += 2 + length;
  }
  return { message: "is a broken JPEG: no frame header" };
}
