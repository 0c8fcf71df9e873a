#!/usr/bin/env node
/**
 * Draws assets/icon.png (512×512 RGBA): a blue rounded square, a white page with ruled lines and a red
 * seal carrying a check mark — "duties recorded and confirmed". Plain Node (zlib), no image libraries,
 * so the icon can be regenerated anywhere: `node assets/icon.generate.mjs`.
 */
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const SIZE = 512;
const SAMPLES = 4; // 4×4 supersampling for smooth edges

const roundedRect = (x, y, x0, y0, x1, y1, r) => {
  const dx = Math.max(x0 + r - x, 0, x - (x1 - r));
  const dy = Math.max(y0 + r - y, 0, y - (y1 - r));
  return Math.hypot(dx, dy) <= r;
};
const circle = (x, y, cx, cy, r) => Math.hypot(x - cx, y - cy) <= r;
const segment = (x, y, ax, ay, bx, by, halfWidth) => {
  const [vx, vy, wx, wy] = [bx - ax, by - ay, x - ax, y - ay];
  const t = Math.max(0, Math.min(1, (wx * vx + wy * vy) / (vx * vx + vy * vy)));
  return Math.hypot(wx - t * vx, wy - t * vy) <= halfWidth;
};

/** The colour of one sample point, top layer first; null is transparent. */
function sample(x, y) {
  const sealX = 356;
  const sealY = 372;
  if (circle(x, y, sealX, sealY, 92)) {
    if (segment(x, y, sealX - 44, sealY + 2, sealX - 12, sealY + 34, 13) || segment(x, y, sealX - 12, sealY + 34, sealX + 46, sealY - 30, 13)) {
      return [255, 255, 255];
    }
    return circle(x, y, sealX, sealY, 80) ? [200, 38, 38] : [255, 255, 255];
  }
  if (roundedRect(x, y, 128, 96, 368, 416, 22)) {
    for (const lineY of [164, 216, 268]) {
      if (roundedRect(x, y, 172, lineY, 324, lineY + 20, 10)) return [176, 194, 222];
    }
    return [255, 255, 255];
  }
  if (roundedRect(x, y, 24, 24, 488, 488, 104)) {
    const t = (y - 24) / 464; // vertical gradient, lighter at the top
    return [Math.round(40 - 14 * t), Math.round(98 - 36 * t), Math.round(186 - 52 * t)];
  }
  return null;
}

const rows = Buffer.alloc(SIZE * (SIZE * 4 + 1));
for (let py = 0; py < SIZE; py++) {
  const rowStart = py * (SIZE * 4 + 1);
  rows[rowStart] = 0; // filter: none
  for (let px = 0; px < SIZE; px++) {
    let [r, g, b, covered] = [0, 0, 0, 0];
    for (let sy = 0; sy < SAMPLES; sy++) {
      for (let sx = 0; sx < SAMPLES; sx++) {
        const c = sample(px + (sx + 0.5) / SAMPLES, py + (sy + 0.5) / SAMPLES);
        if (!c) continue;
        r += c[0];
        g += c[1];
        b += c[2];
        covered++;
      }
    }
    const o = rowStart + 1 + px * 4;
    if (covered > 0) {
      rows[o] = Math.round(r / covered);
      rows[o + 1] = Math.round(g / covered);
      rows[o + 2] = Math.round(b / covered);
      rows[o + 3] = Math.round((255 * covered) / (SAMPLES * SAMPLES));
    }
  }
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const byte of buf) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

const header = Buffer.alloc(13);
header.writeUInt32BE(SIZE, 0);
header.writeUInt32BE(SIZE, 4);
header[8] = 8; // bit depth
header[9] = 6; // colour type RGBA
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', header),
  chunk('IDAT', deflateSync(rows, { level: 9 })),
  chunk('IEND', Buffer.alloc(0)),
]);
const out = new URL('./icon.png', import.meta.url);
writeFileSync(out, png);
console.log(`wrote ${out.pathname} (${png.length} bytes)`);
