import type { Canvas } from '../canvas.js';
import { darken, lighten, mix } from '../colour.js';
import { el, num, points } from '../svg.js';

/** Palettes for an abstract picture whose prompt names no colour. */
const PALETTES = [
  ['#264653', '#2a9d8f', '#e9c46a', '#f4a261', '#e76f51'],
  ['#3d405b', '#e07a5f', '#f2cc8f', '#81b29a', '#f4f1de'],
  ['#22223b', '#4a4e69', '#9a8c98', '#c9ada7', '#f2e9e4'],
  ['#0b132b', '#1c2541', '#3a506b', '#5bc0be', '#e0fbfc'],
  ['#5f0f40', '#9a031e', '#fb8b24', '#e36414', '#0f4c5c'],
];

/** The colours to build with: shades of the named colours, else a palette chosen by the seed. */
function paletteOf(canvas: Canvas): string[] {
  const { tints } = canvas.scene;
  if (tints.length === 0) return canvas.rng.pick(PALETTES);
  return tints.flatMap((tint) => [darken(tint, 0.35), tint, lighten(tint, 0.3), mix(tint, '#808080', 0.3)]);
}

/**
 * Overlapping circles, rings, bars and triangles. As the whole picture (`full`) it brings its
 * own background; over a scene it is a lighter veil of shapes.
 */
export function drawAbstract(canvas: Canvas, { full }: { full: boolean }): string {
  const { rng, width, height, unit } = canvas;
  const palette = paletteOf(canvas);
  const colour = () => rng.pick(palette);
  let out = '';
  if (full) {
    const background = canvas.linear(
      [
        [0, lighten(palette[0] as string, 0.55)],
        [1, lighten(palette[palette.length - 1] as string, 0.2)],
      ],
      { x1: 0, y1: 0, x2: 1, y2: 1 },
    );
    out += el('rect', { x: 0, y: 0, width, height, fill: background });
  }
  const count = full ? rng.int(14, 24) : rng.int(6, 10);
  const opacity = () => (full ? rng.range(0.65, 0.95) : rng.range(0.3, 0.5));
  for (let i = 0; i < count; i++) {
    const x = rng.range(0, width);
    const y = rng.range(0, height);
    const size = unit * rng.range(0.06, 0.3);
    switch (rng.int(0, 3)) {
      case 0:
        out += el('circle', { cx: x, cy: y, r: size, fill: colour(), opacity: opacity() });
        break;
      case 1:
        out += el('circle', { cx: x, cy: y, r: size, fill: 'none', stroke: colour(), 'stroke-width': size * 0.2, opacity: opacity() });
        break;
      case 2:
        out += el('rect', { x: x - size, y: y - size * 0.3, width: size * 2, height: size * 0.6, fill: colour(), opacity: opacity(), transform: `rotate(${num(rng.range(0, 180))} ${num(x)} ${num(y)})` });
        break;
      default:
        out += el('polygon', {
          points: points([0, 1, 2].map((k) => {
            const angle = rng.range(0, Math.PI * 2) + (k * Math.PI * 2) / 3;
            return [x + Math.cos(angle) * size, y + Math.sin(angle) * size] as const;
          })),
          fill: colour(),
          opacity: opacity(),
        });
    }
  }
  return out;
}
