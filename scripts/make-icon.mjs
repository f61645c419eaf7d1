// Draws the Marketplace icon, extension/images/icon.png (128x128 RGBA PNG): a fence of pointed
// pickets in front of a key-coloured disc, on a dark rounded square. Run: node scripts/make-icon.mjs
// A few lines of node:zlib instead of an image library or a binary checked in from elsewhere.
import { writeFileSync } from "node:fs";
import { deflateSync } from "node:zlib";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const SIZE = 128;
const SAMPLES = 4; // 4x4 supersampling: smooth edges without a rasteriser library

const BACKGROUND = [22, 30, 46];
const DISC = [245, 176, 38];
const FENCE = [236, 240, 245];

/** Which colour covers the point (x, y) in a 0..1 square, or undefined outside the icon. */
function colourAt(x, y) {
  if (!insideRoundedSquare(x, y, 0.18)) return undefined;
  if (onFence(x, y)) return FENCE;
  if ((x - 0.5) ** 2 + (y - 0.42) ** 2 < 0.27 ** 2) return DISC;
  return BACKGROUND;
}

function insideRoundedSquare(x, y, r) {
  const dx = Math.max(r - x, 0, x - (1 - r));
  const dy = Math.max(r - y, 0, y - (1 - r));
  return dx * dx + dy * dy <= r * r;
}

function onFence(x, y) {
  // Two rails across, five pickets with pointed tops.
  if (x > 0.12 && x < 0.88 && ((y > 0.56 && y < 0.62) || (y > 0.74 && y < 0.8))) return true;
  for (let i = 0; i < 5; i++) {
    const centre = 0.2 + i * 0.15;
    const half = 0.045;
    if (Math.abs(x - centre) > half || y > 0.88) continue;
    const top = 0.4 + Math.abs(x - centre) * 1.2; // the point
    if (y >= top) return true;
  }
  return false;
}

function pixels() {
  const rows = [];
  for (let py = 0; py < SIZE; py++) {
    const row = Buffer.alloc(1 + SIZE * 4); // filter byte 0, then RGBA
    for (let px = 0; px < SIZE; px++) {
      const sum = [0, 0, 0, 0];
      for (let sy = 0; sy < SAMPLES; sy++) {
        for (let sx = 0; sx < SAMPLES; sx++) {
          const colour = colourAt((px + (sx + 0.5) / SAMPLES) / SIZE, (py + (sy + 0.5) / SAMPLES) / SIZE);
          if (!colour) continue;
          for (let c = 0; c < 3; c++) sum[c] += colour[c];
          sum[3] += 1;
        }
      }
      const covered = sum[3];
      const offset = 1 + px * 4;
      for (let c = 0; c < 3; c++) row[offset + c] = covered ? Math.round(sum[c] / covered) : 0;
      row[offset + 3] = Math.round((covered / (SAMPLES * SAMPLES)) * 255);
    }
    rows.push(row);
  }
  return Buffer.concat(rows);
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buffer) {
  let c = 0xffffffff;
  for (const byte of buffer) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

const header = Buffer.alloc(13);
header.writeUInt32BE(SIZE, 0);
header.writeUInt32BE(SIZE, 4);
header[8] = 8; // bit depth
header[9] = 6; // RGBA
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk("IHDR", header),
  chunk("IDAT", deflateSync(pixels(), { level: 9 })),
  chunk("IEND", Buffer.alloc(0)),
]);
const out = join(dirname(fileURLToPath(import.meta.url)), "../extension/images/icon.png");
writeFileSync(out, png);
console.log(`${out}: ${png.length} bytes`);
