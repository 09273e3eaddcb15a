import type { Canvas } from '../canvas.js';
import { el, num, points } from '../svg.js';

/** Slanting streaks of rain over everything. */
export function drawRain(canvas: Canvas): string {
  const { rng, width, height, unit } = canvas;
  const count = Math.round((width * height) / 3000) + 30;
  const slant = rng.range(-0.25, 0.25);
  let d = '';
  for (let i = 0; i < count; i++) {
    const x = rng.range(-0.1, 1.1) * width;
    const y = rng.range(0, height);
    const length = unit * rng.range(0.02, 0.05);
    d += `M${num(x)} ${num(y)}l${num(length * slant)} ${num(length)}`;
  }
  return el('path', { d, stroke: canvas.tint('#c8d4e0'), 'stroke-width': Math.max(0.7, unit * 0.0018), opacity: 0.45 });
}

/** Falling snow. */
export function drawSnowfall(canvas: Canvas): string {
  const { rng, width, height, unit } = canvas;
  const count = Math.round((width * height) / 6000) + 20;
  let out = '';
  for (let i = 0; i < count; i++) {
    out += el('circle', { cx: rng.range(0, width), cy: rng.range(0, height), r: unit * rng.range(0.002, 0.006) + 0.5, fill: '#ffffff', opacity: rng.range(0.5, 0.95) });
  }
  return out;
}

/** A forked bolt from the clouds to the ground, with a faint glow. */
export function drawLightning(canvas: Canvas): string {
  const { rng, width, horizon, unit } = canvas;
  const bolt: [number, number][] = [];
  let x = rng.range(0.2, 0.8) * width;
  for (let y = horizon * 0.15; y < horizon; y += unit * rng.range(0.04, 0.08)) {
    bolt.push([x, y]);
    x += unit * rng.range(-0.05, 0.05);
  }
  const line = points(bolt);
  return (
    el('polyline', { points: line, fill: 'none', stroke: '#cfd8ff', 'stroke-width': unit * 0.02, opacity: 0.25, 'stroke-linejoin': 'round' }) +
    el('polyline', { points: line, fill: 'none', stroke: '#fffbe0', 'stroke-width': Math.max(1, unit * 0.005), 'stroke-linejoin': 'round' })
  );
}

/**
 * Flames: a wall of them when fire is the subject, a campfire when it is one part of a scene.
 * Drawn as teardrops, white-yellow at the root and red at the tip.
 */
export function drawFire(canvas: Canvas, { wall }: { wall: boolean }): string {
  const { rng, width, height, horizon, unit } = canvas;
  const fill = canvas.linear([
    [0, canvas.tint('#c1121f'), 0.2],
    [0.35, canvas.tint('#f3722c'), 0.9],
    [0.8, canvas.tint('#ffba08')],
    [1, canvas.tint('#fff3b0')],
  ]);
  const count = wall ? Math.ceil((width / unit) * 14) : rng.int(5, 8);
  const centre = rng.range(0.3, 0.7) * width;
  const base = wall ? height : horizon + (height - horizon) * rng.range(0.45, 0.7);
  let out = '';
  for (let i = 0; i < count; i++) {
    const x = wall ? rng.range(-0.05, 1.05) * width : centre + rng.range(-0.07, 0.07) * unit;
    const h = wall ? height * rng.range(0.25, 0.7) : unit * rng.range(0.12, 0.26);
    const w = h * rng.range(0.25, 0.4);
    const lean = w * rng.range(-0.6, 0.6);
    const d = `M${num(x - w / 2)} ${num(base)}C${num(x - w)} ${num(base - h * 0.5)} ${num(x + lean)} ${num(base - h * 0.7)} ${num(x + lean)} ${num(base - h)}C${num(x + lean * 0.5 + w * 0.4)} ${num(base - h * 0.6)} ${num(x + w)} ${num(base - h * 0.45)} ${num(x + w / 2)} ${num(base)}Z`;
    out += el('path', { d, fill, opacity: rng.range(0.75, 1) });
  }
  for (let i = 0; i < count * 3; i++) {
    out += el('circle', {
      cx: wall ? rng.range(0, width) : centre + rng.range(-0.2, 0.2) * unit,
      cy: base - rng.range(0.1, wall ? 1 : 0.5) * (wall ? height : unit),
      r: unit * rng.range(0.002, 0.005) + 0.4,
      fill: canvas.tint('#ffb703'),
      opacity: rng.range(0.5, 1),
    });
  }
  if (!wall) {
    const log = canvas.tone('#4a2c1a');
    out += el('rect', { x: centre - unit * 0.1, y: base - unit * 0.015, width: unit * 0.2, height: unit * 0.03, rx: unit * 0.01, fill: log, transform: `rotate(8 ${num(centre)} ${num(base)})` });
    out += el('rect', { x: centre - unit * 0.1, y: base - unit * 0.015, width: unit * 0.2, height: unit * 0.03, rx: unit * 0.01, fill: log, transform: `rotate(-8 ${num(centre)} ${num(base)})` });
  }
  return out;
}
