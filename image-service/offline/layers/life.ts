import type { Canvas } from '../canvas.js';
import { darken, mix } from '../colour.js';
import { el, points } from '../svg.js';

const GREENS = ['#1f5d2a', '#2e7d32', '#3f8f3f', '#14471f', '#4c9a3a'];

/** Rows of pines and broad-leaved trees, larger toward the viewer; snowy in winter. */
export function drawForest(canvas: Canvas): string {
  const { rng, width, height, horizon, unit, scene } = canvas;
  const snowy = scene.themes.includes('snow');
  const rows = 5;
  let out = '';
  for (let row = 0; row < rows; row++) {
    const depth = (row + 1) / rows;
    const y0 = horizon + (height - horizon) * depth * 0.85;
    const size = unit * (0.12 + depth * 0.28);
    const count = Math.ceil((width / size) * 2.2);
    for (let i = 0; i < count; i++) {
      const x = rng.range(-0.05, 1.05) * width;
      const y = y0 + rng.range(-0.08, 0.08) * (height - horizon);
      const green = canvas.tone(darken(rng.pick(GREENS), (1 - depth) * 0.15));
      out += rng.chance(0.7) ? pine(canvas, x, y, size * rng.range(0.75, 1.2), green, snowy) : broadleaf(canvas, x, y, size * rng.range(0.6, 0.9), green);
    }
  }
  return out;
}

function pine(canvas: Canvas, x: number, y: number, size: number, green: string, snowy: boolean): string {
  const w = size * 0.42;
  let out = el('rect', { x: x - w * 0.08, y: y - size * 0.18, width: w * 0.16, height: size * 0.2, fill: canvas.tone('#4a3222') });
  for (let tier = 0; tier < 3; tier++) {
    const top = y - size * (0.45 + tier * 0.26);
    const bottom = y - size * (0.12 + tier * 0.26);
    const half = w * (1 - tier * 0.25);
    out += el('polygon', { points: points([[x, top - size * 0.12], [x + half, bottom], [x - half, bottom]]), fill: green });
    if (snowy) {
      out += el('polygon', { points: points([[x, top - size * 0.12], [x + half * 0.4, top + size * 0.02], [x - half * 0.4, top + size * 0.02]]), fill: canvas.tone('#f4f7fb') });
    }
  }
  return out;
}

function broadleaf(canvas: Canvas, x: number, y: number, size: number, green: string): string {
  const { rng } = canvas;
  let out = el('rect', { x: x - size * 0.05, y: y - size * 0.5, width: size * 0.1, height: size * 0.5, fill: canvas.tone('#5a3d28') });
  for (let i = 0; i < 4; i++) {
    out += el('circle', {
      cx: x + rng.range(-0.22, 0.22) * size,
      cy: y - size * rng.range(0.6, 0.85),
      r: size * rng.range(0.2, 0.3),
      fill: i === 0 ? green : mix(green, '#7fbf5f', 0.15 * i),
    });
  }
  return out;
}

const PETALS = ['#e63946', '#ff8fab', '#ffd166', '#b5179e', '#f4f1de', '#ff7b00', '#9b5de5'];

/** A meadow of flowers, bigger and sparser toward the viewer. */
export function drawFlowers(canvas: Canvas): string {
  const { rng, width, height, horizon, unit } = canvas;
  const count = Math.round((width / unit) * 60);
  const flowers: string[] = [];
  for (let i = 0; i < count; i++) {
    const depth = rng.next() ** 0.7;
    const x = rng.range(0, width);
    const y = horizon + (height - horizon) * (0.05 + depth * 0.95);
    const r = unit * (0.006 + depth * 0.03);
    const colour = canvas.tint(rng.pick(PETALS));
    let flower = el('line', { x1: x, y1: y, x2: x, y2: y + r * 3, stroke: canvas.tone('#2f6b24'), 'stroke-width': Math.max(0.6, r * 0.25) });
    for (let p = 0; p < 5; p++) {
      const angle = (p / 5) * Math.PI * 2 + depth;
      flower += el('circle', { cx: x + Math.cos(angle) * r, cy: y + Math.sin(angle) * r, r: r * 0.75, fill: colour });
    }
    flowers.push(flower + el('circle', { cx: x, cy: y, r: r * 0.55, fill: canvas.tint('#ffcf3f') }));
  }
  return flowers.join('');
}

/** A skyline on the horizon: towers of several heights, windows lit more as the light fails. */
export function drawCity(canvas: Canvas): string {
  const { rng, width, height, horizon, unit, scene } = canvas;
  const dark = scene.sky === 'night' || scene.sky === 'space' || scene.sky === 'storm';
  const litShare = dark ? 0.5 : scene.sky === 'sunset' ? 0.3 : 0.08;
  const lit = canvas.tint('#ffd86b');
  const unlit = dark ? '#151926' : canvas.tone('#9db8d6');
  let out = '';
  for (let layer = 0; layer < 2; layer++) {
    for (let x = -rng.range(0, unit * 0.05); x < width; ) {
      const w = unit * rng.range(0.05, 0.12);
      const h = height * rng.range(0.12, 0.42) * (layer === 0 ? 1.15 : 0.85);
      const top = horizon - h;
      const body = canvas.tone(layer === 0 ? rng.pick(['#4a5366', '#3b4355', '#566178']) : rng.pick(['#2b3040', '#363c52', '#232838']));
      out += el('rect', { x, y: top, width: w, height: h + 1, fill: body });
      const cell = Math.max(3, unit * 0.018);
      for (let wy = top + cell * 0.8; wy < horizon - cell; wy += cell * 1.5) {
        for (let wx = x + cell * 0.6; wx < x + w - cell; wx += cell * 1.3) {
          out += el('rect', { x: wx, y: wy, width: cell * 0.7, height: cell * 0.8, fill: rng.chance(litShare) ? lit : unlit });
        }
      }
      x += w + unit * rng.range(0, 0.02);
    }
  }
  return out;
}
