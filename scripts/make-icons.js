#!/usr/bin/env node
/**
 * Draws the add-in's icons as PNG files in assets/: a Fluent-blue coin with a white mark, at the
 * sizes the manifest declares. Plain Node (zlib) so that no image tool is needed; run it again
 * after changing a glyph: `node scripts/make-icons.js`. The PNGs are committed.
 *
 *   icon-*.png       the add-in (upward arrow: money coming back)
 *   analyse-*.png    "Analyse sheet" (rising bars)
 *   reconcile-*.png  "Reconcile totals" (tick)
 */
const fs = require("fs");
const path = require("path");
const zlib = require("zlib");

const FLUENT_BLUE = [15, 108, 189]; // #0F6CBD, Fluent's brand colour
const WHITE = [255, 255, 255];
const SUPERSAMPLE = 4;

/** Glyphs in a unit square (0..1, y down): true where the white mark is. */
const GLYPHS = {
  icon(x, y) {
    const shaft = Math.abs(x - 0.5) < 0.085 && y > 0.42 && y < 0.78;
    const head = y > 0.2 && y <= 0.46 && Math.abs(x - 0.5) < (y - 0.2) * 0.95;
    return shaft || head;
  },
  analyse(x, y) {
    const bar = (left, top) => x > left && x < left + 0.13 && y > top && y < 0.74;
    return bar(0.25, 0.55) || bar(0.435, 0.42) || bar(0.62, 0.28);
  },
  reconcile(x, y) {
    const near = (ax, ay, bx, by, width) => {
      const dx = bx - ax;
      const dy = by - ay;
      const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
      return Math.hypot(x - (ax + t * dx), y - (ay + t * dy)) < width;
    };
    return near(0.28, 0.52, 0.44, 0.68, 0.075) || near(0.44, 0.68, 0.73, 0.33, 0.075);
  },
};

/** RGBA pixels: a blue disc with the glyph in white, edges anti-aliased by supersampling. */
function draw(size, glyph) {
  const pixels = Buffer.alloc(size * size * 4);
  const n = SUPERSAMPLE;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let disc = 0;
      let mark = 0;
      for (let sy = 0; sy < n; sy++) {
        for (let sx = 0; sx < n; sx++) {
          const x = (px + (sx + 0.5) / n) / size;
          const y = (py + (sy + 0.5) / n) / size;
          if (Math.hypot(x - 0.5, y - 0.5) <= 0.47) {
            disc++;
            if (glyph(x, y)) mark++;
          }
        }
      }
      const alpha = disc / (n * n);
      const whiteShare = disc ? mark / disc : 0;
      const i = (py * size + px) * 4;
      for (let c = 0; c < 3; c++)
        pixels[i + c] = Math.round(FLUENT_BLUE[c] * (1 - whiteShare) + WHITE[c] * whiteShare);
      pixels[i + 3] = Math.round(alpha * 255);
    }
  }
  return pixels;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, k) => {
  let c = k;
  for (let i = 0; i < 8; i++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
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

function png(size, rgba) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  const rows = [];
  for (let y = 0; y < size; y++)
    rows.push(Buffer.from([0]), rgba.subarray(y * size * 4, (y + 1) * size * 4));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", zlib.deflateSync(Buffer.concat(rows), { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

const SIZES = { icon: [16, 32, 64, 80, 128], analyse: [16, 32, 80], reconcile: [16, 32, 80] };
const outDir = path.join(__dirname, "..", "assets");
fs.mkdirSync(outDir, { recursive: true });
for (const [name, sizes] of Object.entries(SIZES)) {
  for (const size of sizes) {
    const file = path.join(outDir, `${name}-${size}.png`);
    fs.writeFileSync(file, png(size, draw(size, GLYPHS[name])));
    console.log(`wrote ${path.relative(process.cwd(), file)}`);
  }
}
