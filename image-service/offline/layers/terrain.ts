import type { Canvas } from '../canvas.js';
import { lighten, mix } from '../colour.js';
import { el, num, points } from '../svg.js';

type Point = readonly [number, number];

/** A jagged or rolling line across the picture, closed along the bottom edge. */
function skyline(canvas: Canvas, base: number, lift: readonly [number, number], steps: number): Point[] {
  const { rng, width, height } = canvas;
  const line: Point[] = [];
  for (let i = 0; i <= steps; i++) {
    const x = (width * i) / steps + (i > 0 && i < steps ? rng.range(-0.3, 0.3) * (width / steps) : 0);
    const high = i % 2 === 1;
    const y = base - height * (high ? rng.range(lift[0], lift[1]) : rng.range(0, lift[0] * 0.6));
    line.push([x, y]);
  }
  return line;
}

const closed = (canvas: Canvas, line: Point[]): string =>
  points([...line, [canvas.width, canvas.height], [0, canvas.height]]);

/** Two or three ranges, paler with distance; snow on the peaks in winter. */
export function drawMountains(canvas: Canvas): string {
  const { rng, horizon, scene } = canvas;
  const snowy = scene.themes.includes('snow');
  const ranges = rng.int(2, 3);
  let out = '';
  for (let i = 0; i < ranges; i++) {
    const far = 1 - i / ranges;
    const base = horizon + canvas.unit * 0.02 * i;
    const line = skyline(canvas, base, [0.12 + 0.1 * far, 0.22 + 0.16 * far], rng.int(5, 9) | 1);
    const [near, distant] = scene.sky === 'sunset' ? ['#4a1f2a', '#d08070'] : ['#3f4a60', '#9aa9c4'];
    const colour = canvas.tone(mix(near, distant, far * 0.8));
    out += el('polygon', { points: closed(canvas, line), fill: colour });
    if (snowy || rng.chance(0.3)) out += snowCaps(canvas, line, i === 0 ? 0.35 : 0.25);
  }
  return out;
}

function snowCaps(canvas: Canvas, line: Point[], depth: number): string {
  let out = '';
  for (let i = 1; i < line.length - 1; i += 2) {
    const peak = line[i] as Point;
    const along = (to: Point): Point => [peak[0] + (to[0] - peak[0]) * depth, peak[1] + (to[1] - peak[1]) * depth];
    const right = along(line[i + 1] as Point);
    const left = along(line[i - 1] as Point);
    // A ragged lower edge, as snow lies in gullies.
    const jag = Math.abs(right[1] - peak[1]) * 0.25;
    const edge = [1, 2, 3].map((k): Point => [
      right[0] + ((left[0] - right[0]) * k) / 4,
      right[1] + ((left[1] - right[1]) * k) / 4 + (k % 2 === 1 ? -jag : jag * 0.3),
    ]);
    out += el('polygon', { points: points([peak, right, ...edge, left]), fill: canvas.tone('#f4f7fb') });
  }
  return out;
}

/** Rolling hills: the ground of a scene that names none. */
export function drawHills(canvas: Canvas): string {
  const { rng, horizon, scene } = canvas;
  const base = scene.sky === 'sunset' ? '#4a1f2a' : '#5e9c45';
  let out = '';
  for (let i = 0; i < 3; i++) {
    const line = skyline(canvas, horizon + canvas.unit * 0.05 * i, [0.03, 0.07], rng.int(3, 5));
    out += el('polygon', { points: closed(canvas, smooth(line)), fill: canvas.tone(mix(base, '#1e3d18', i * 0.2)) });
  }
  return out;
}

/** Grass for flowers and trees to stand in. */
export function drawMeadow(canvas: Canvas): string {
  const { width, height, horizon } = canvas;
  const fill = canvas.linear([
    [0, canvas.tone('#7fb85a')],
    [1, canvas.tone('#2f6b24')],
  ]);
  return el('rect', { x: 0, y: horizon, width, height: height - horizon, fill });
}

/** Dunes in layers of sand, a cactus now and then. */
export function drawDesert(canvas: Canvas): string {
  const { rng, horizon, height, width, unit } = canvas;
  const sands = ['#f0cd8c', '#e3b26a', '#d29a52', '#bf8444'];
  let out = '';
  sands.forEach((sand, i) => {
    const base = horizon + ((height - horizon) * i) / sands.length;
    const line = skyline(canvas, base, [0.02, 0.06], rng.int(2, 4));
    out += el('polygon', { points: closed(canvas, smooth(line)), fill: canvas.tone(sand) });
  });
  for (let i = rng.int(0, 2); i > 0; i--) {
    const x = rng.range(0.1, 0.9) * width;
    const h = unit * rng.range(0.12, 0.2);
    const y = horizon + (height - horizon) * rng.range(0.4, 0.7);
    const w = h * 0.16;
    const green = canvas.tone('#3f6e3a');
    out += el('rect', { x: x - w / 2, y: y - h, width: w, height: h, rx: w / 2, fill: green });
    out += el('rect', { x: x - w * 2, y: y - h * 0.7, width: w * 0.8, height: h * 0.35, rx: w / 2.5, fill: green });
    out += el('rect', { x: x + w * 1.2, y: y - h * 0.85, width: w * 0.8, height: h * 0.4, rx: w / 2.5, fill: green });
    out += el('rect', { x: x - w * 2, y: y - h * 0.42, width: w * 3.5, height: w * 0.7, rx: w / 3, fill: green });
  }
  return out;
}

/** Fields of snow with soft drifts. */
export function drawSnowfield(canvas: Canvas): string {
  const { rng, width, height, horizon, unit } = canvas;
  const fill = canvas.linear([
    [0, canvas.tone('#e9f0f7')],
    [1, canvas.tone('#c6d6e6')],
  ]);
  let out = el('rect', { x: 0, y: horizon, width, height: height - horizon, fill });
  for (let i = 0; i < 5; i++) {
    out += el('ellipse', {
      cx: rng.range(0, width),
      cy: horizon + (height - horizon) * rng.range(0.2, 1),
      rx: unit * rng.range(0.15, 0.35),
      ry: unit * rng.range(0.02, 0.05),
      fill: canvas.tone('#ffffff'),
      opacity: 0.7,
    });
  }
  return out;
}

/** Water to the horizon, waves closer together with distance, the sun or moon mirrored in it. */
export function drawOcean(canvas: Canvas): string {
  const { rng, width, height, horizon, unit, light } = canvas;
  const fill = canvas.linear([
    [0, canvas.tone('#4d94c9')],
    [1, canvas.tone('#0b355e')],
  ]);
  let out = el('rect', { x: 0, y: horizon, width, height: height - horizon, fill });
  const crest = canvas.tone(lighten('#4d94c9', 0.45));
  for (let y = horizon + unit * 0.015, gap = unit * 0.012; y < height; gap *= 1.22, y += gap) {
    const depth = (y - horizon) / (height - horizon);
    const length = unit * (0.04 + depth * 0.12);
    let d = `M ${num(-rng.range(0, length))} ${num(y)}`;
    for (let x = 0; x < width + length; x += length) {
      d += ` q ${num(length / 4)} ${num(-length * 0.12)} ${num(length / 2)} 0 t ${num(length / 2)} 0`;
    }
    out += el('path', { d, fill: 'none', stroke: crest, 'stroke-width': 0.6 + depth * unit * 0.004, opacity: 0.25 + depth * 0.35 });
  }
  if (light) {
    const glint = canvas.tint(canvas.scene.sky === 'night' ? '#dfe6ff' : '#ffd08a');
    for (let y = horizon + unit * 0.01; y < height; y += unit * rng.range(0.015, 0.03)) {
      const spread = light.r * (0.6 + ((y - horizon) / (height - horizon)) * 1.6);
      out += el('rect', { x: light.x - spread * rng.range(0.3, 1), y, width: spread * rng.range(0.6, 2), height: unit * 0.004 + 0.5, fill: glint, opacity: 0.55 });
    }
  }
  return out;
}

/** A street below a skyline. */
export function drawStreet(canvas: Canvas): string {
  const { width, height, horizon } = canvas;
  return el('rect', { x: 0, y: horizon, width, height: height - horizon, fill: canvas.tone('#2c2f36') });
}

/** Round a jagged line into curves (midpoints joined by quadratic segments) for dunes and hills. */
function smooth(line: Point[]): Point[] {
  const out: Point[] = [];
  for (let i = 0; i < line.length - 1; i++) {
    const a = line[i] as Point;
    const b = line[i + 1] as Point;
    for (let t = 0; t < 1; t += 0.125) {
      const s = (1 - Math.cos(t * Math.PI)) / 2;
      out.push([a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * s]);
    }
  }
  out.push(line[line.length - 1] as Point);
  return out;
}
