import type { Canvas } from '../canvas.js';
import type { Sky } from '../scene.js';
import { el } from '../svg.js';

/** Sky colours from the top of the picture down to the horizon. */
const GRADIENTS: Record<Sky, string[]> = {
  day: ['#4f97dc', '#8cc4ef', '#d9eefa'],
  sunset: ['#3b1f5c', '#a2407a', '#f2707a', '#ff9e4a', '#ffc46b'],
  night: ['#03061a', '#0b1536', '#1d2d5c'],
  space: ['#010107', '#080522', '#0d0830'],
  storm: ['#1f232b', '#3a404c', '#5d6472'],
  overcast: ['#6b7785', '#8e99a6', '#b4bcc5'],
  smoke: ['#1a0500', '#5a1500', '#b8400e'],
  winter: ['#a9bfd6', '#cddbe8', '#eef3f8'],
  haze: ['#8fb8d8', '#e6d9b8', '#f5d49a'],
  canopy: ['#8fb97a', '#c3dca7', '#e6efcf'],
};

/** The sky and what is in it: sun, moon, stars, galaxy, clouds. */
export function drawSky(canvas: Canvas): string {
  const { width, height, horizon, scene } = canvas;
  const colours = GRADIENTS[scene.sky];
  const fill = canvas.linear(
    colours.map((colour, index) => [index / (colours.length - 1), canvas.tint(colour)] as const),
    { x1: 0, y1: 0, x2: 0, y2: scene.sky === 'space' ? 1 : horizon / height },
  );
  const parts = [el('rect', { x: 0, y: 0, width, height, fill })];
  switch (scene.sky) {
    case 'day':
    case 'haze':
    case 'canopy':
    case 'winter':
      parts.push(sun(canvas, { low: false }), clouds(canvas, scene.sky === 'haze' ? 1 : 4, '#ffffff', 0.8));
      break;
    case 'sunset':
      parts.push(sun(canvas, { low: true }), streaks(canvas));
      break;
    case 'night':
      parts.push(stars(canvas, 0.6), moon(canvas));
      break;
    case 'space':
      parts.push(nebula(canvas), stars(canvas, 1), galaxy(canvas), planet(canvas));
      break;
    case 'storm':
      parts.push(clouds(canvas, 9, '#2a2e36', 0.9));
      break;
    case 'overcast':
      parts.push(clouds(canvas, 8, '#9aa3ad', 0.85));
      break;
    case 'smoke':
      parts.push(clouds(canvas, 5, '#2a0d05', 0.5));
      break;
  }
  return parts.join('');
}

function sun(canvas: Canvas, { low }: { low: boolean }): string {
  const { rng, unit, width, horizon } = canvas;
  const r = unit * (low ? rng.range(0.09, 0.13) : rng.range(0.05, 0.075));
  const cx = width * rng.range(low ? 0.3 : 0.15, low ? 0.7 : 0.85);
  const cy = low ? horizon - r * rng.range(0.5, 1.1) : horizon * rng.range(0.18, 0.4);
  canvas.light = { x: cx, y: cy, r };
  const core = canvas.tint(low ? '#ffb347' : '#fff6d5');
  const glow = canvas.radial([
    [0, canvas.tint(low ? '#ffd27a' : '#fffbe8'), 0.8],
    [1, canvas.tint(low ? '#ff7a45' : '#fff6d5'), 0],
  ]);
  return el('circle', { cx, cy, r: r * 3.2, fill: glow }) + el('circle', { cx, cy, r, fill: core });
}

function moon(canvas: Canvas): string {
  const { rng, unit, width, horizon } = canvas;
  const r = unit * rng.range(0.045, 0.07);
  const cx = width * rng.range(0.15, 0.85);
  const cy = horizon * rng.range(0.15, 0.4);
  const glow = canvas.radial([
    [0, '#e8ecff', 0.35],
    [1, '#e8ecff', 0],
  ]);
  canvas.light = { x: cx, y: cy, r };
  // A crescent: the moon's disc with a slightly smaller, offset disc masked out of it.
  const shadow = rng.pick([-1, 1]) * r * rng.range(0.35, 0.6);
  const mask = canvas.define(
    'mask',
    el('circle', { cx, cy, r, fill: '#ffffff' }) + el('circle', { cx: cx + shadow, cy: cy - r * 0.2, r: r * 0.92, fill: '#000000' }),
  );
  return el('circle', { cx, cy, r: r * 3, fill: glow }) + el('circle', { cx, cy, r, fill: canvas.tint('#f4f1de'), mask: `url(#${mask})` });
}

function stars(canvas: Canvas, density: number): string {
  const { rng, width, height, horizon, unit, scene } = canvas;
  const bottom = scene.sky === 'space' ? height : horizon;
  const count = Math.round(((width * bottom) / 2600) * density) + 20;
  let out = '';
  for (let i = 0; i < count; i++) {
    out += el('circle', {
      cx: rng.range(0, width),
      cy: rng.range(0, bottom),
      r: unit * rng.range(0.0015, 0.004) + 0.4,
      fill: rng.pick(['#ffffff', '#fff4d6', '#d6e4ff']),
      opacity: rng.range(0.5, 1),
    });
  }
  return out;
}

function clouds(canvas: Canvas, count: number, colour: string, opacity: number): string {
  const { rng, width, horizon, unit } = canvas;
  let out = '';
  for (let i = 0; i < count; i++) {
    const cx = rng.range(-0.1, 1.1) * width;
    const cy = horizon * rng.range(0.08, 0.7);
    const size = unit * rng.range(0.06, 0.12);
    const puffs = rng.int(3, 5);
    for (let p = 0; p < puffs; p++) {
      out += el('ellipse', {
        cx: cx + (p - puffs / 2) * size * 0.9,
        cy: cy + rng.range(-0.3, 0.3) * size,
        rx: size * rng.range(0.9, 1.4),
        ry: size * rng.range(0.5, 0.8),
        fill: canvas.tone(colour),
        opacity,
      });
    }
  }
  return out;
}

function streaks(canvas: Canvas): string {
  const { rng, width, horizon, unit } = canvas;
  let out = '';
  for (let i = 0; i < rng.int(3, 6); i++) {
    out += el('ellipse', {
      cx: rng.range(0, width),
      cy: horizon * rng.range(0.2, 0.75),
      rx: width * rng.range(0.12, 0.3),
      ry: unit * rng.range(0.008, 0.02),
      fill: canvas.tint(rng.pick(['#ff8fa3', '#c45a9a', '#ffb38a'])),
      opacity: 0.6,
    });
  }
  return out;
}

function nebula(canvas: Canvas): string {
  const { rng, width, height, unit } = canvas;
  let out = '';
  for (const colour of ['#6a2c91', '#1f4fa8', '#b8327a']) {
    const fill = canvas.radial([
      [0, canvas.tint(colour), 0.55],
      [1, canvas.tint(colour), 0],
    ]);
    out += el('ellipse', {
      cx: rng.range(0.1, 0.9) * width,
      cy: rng.range(0.1, 0.9) * height,
      rx: unit * rng.range(0.3, 0.6),
      ry: unit * rng.range(0.2, 0.4),
      fill,
    });
  }
  return out;
}

function galaxy(canvas: Canvas): string {
  const { rng, width, height, unit } = canvas;
  const cx = rng.range(0.3, 0.7) * width;
  const cy = rng.range(0.3, 0.6) * height;
  const tilt = rng.range(-40, 40);
  let arms = '';
  for (let i = 0; i < 6; i++) {
    const fill = canvas.radial([
      [0, '#fff2dc', 0.5],
      [0.5, canvas.tint('#9d7bff'), 0.25],
      [1, '#4b2a9a', 0],
    ]);
    arms += el('ellipse', {
      cx,
      cy,
      rx: unit * (0.32 - i * 0.04),
      ry: unit * (0.1 - i * 0.012),
      fill,
      transform: `rotate(${(tilt + i * 24).toFixed(1)} ${cx.toFixed(1)} ${cy.toFixed(1)})`,
    });
  }
  return arms + el('circle', { cx, cy, r: unit * 0.025, fill: '#fff8e7' });
}

function planet(canvas: Canvas): string {
  const { rng, width, height, unit } = canvas;
  const cx = rng.pick([0.15, 0.85]) * width;
  const cy = rng.range(0.65, 0.85) * height;
  const r = unit * rng.range(0.07, 0.11);
  const colour = rng.pick(['#d9894a', '#5fa3c7', '#c9b27c']);
  const body = canvas.linear([
    [0, canvas.tint(colour)],
    [1, '#1a1026'],
  ], { x1: 0, y1: 0, x2: 1, y2: 1 });
  const ring = el('ellipse', {
    cx,
    cy,
    rx: r * 1.8,
    ry: r * 0.35,
    fill: 'none',
    stroke: canvas.tint('#e8d8b0'),
    'stroke-width': Math.max(1, r * 0.08),
    opacity: 0.8,
    transform: `rotate(-18 ${cx.toFixed(1)} ${cy.toFixed(1)})`,
  });
  return el('circle', { cx, cy, r, fill: body }) + ring;
}
