import { mix } from './colour.js';
import type { Random } from './random.js';
import type { Scene, Sky } from './scene.js';
import { el } from './svg.js';

/** What every layer draws with: the size, the horizon, the random source and the scene's light. */
export interface Canvas {
  width: number;
  height: number;
  /** The y where land or sea meets the sky. */
  horizon: number;
  /** min(width, height): shapes scale with it so a thumbnail and a poster look alike. */
  unit: number;
  rng: Random;
  scene: Scene;
  /** Where the sun or moon was drawn, so water can reflect it. */
  light: { x: number; y: number; r: number } | null;
  /** A colour under the scene's light (darker at night, purpler at dusk) and tinted by its colour words. */
  tone(hex: string): string;
  /** A colour tinted by the colour words only: for light sources (sun, windows, flames). */
  tint(hex: string): string;
  /** Registers a gradient; returns its `url(#…)`. Stops are [offset 0..1, colour, opacity?]. */
  linear(stops: Stop[], direction?: { x1: number; y1: number; x2: number; y2: number }): string;
  radial(stops: Stop[]): string;
  /** Registers any other definition (a mask); returns its id. */
  define(tag: string, children: string): string;
  defs(): string;
}

export type Stop = readonly [number, string, number?];

/** The colour the sky's light pulls everything toward, and how far. */
const AMBIENT: Record<Sky, readonly [string, number] | null> = {
  day: null,
  sunset: ['#7a3040', 0.3],
  night: ['#0a1030', 0.6],
  space: ['#0a0620', 0.5],
  storm: ['#2b2f38', 0.35],
  overcast: ['#5b6470', 0.2],
  smoke: ['#3a0a00', 0.3],
  winter: ['#dfe8f0', 0.15],
  haze: null,
  canopy: null,
};

/** How strongly the first colour word pulls the scene's own colours. */
const TINT_STRENGTH = 0.3;

export function createCanvas(options: { width: number; height: number; horizon: number; rng: Random; scene: Scene }): Canvas {
  const { scene } = options;
  const defs: string[] = [];
  const tintTo = scene.tints[0];
  const tint = (hex: string) => (tintTo ? mix(hex, tintTo, TINT_STRENGTH) : hex);
  const ambient = AMBIENT[scene.sky];
  const tone = (hex: string) => tint(ambient ? mix(hex, ambient[0], ambient[1]) : hex);
  const stopsOf = (stops: Stop[]) =>
    stops
      .map(([offset, colour, opacity]) => el('stop', { offset, 'stop-color': colour, 'stop-opacity': opacity }))
      .join('');

  return {
    ...options,
    light: null,
    unit: Math.min(options.width, options.height),
    tone,
    tint,
    linear(stops, direction = { x1: 0, y1: 0, x2: 0, y2: 1 }) {
      const id = `g${defs.length}`;
      defs.push(el('linearGradient', { id, ...direction }, stopsOf(stops)));
      return `url(#${id})`;
    },
    radial(stops) {
      const id = `g${defs.length}`;
      defs.push(el('radialGradient', { id }, stopsOf(stops)));
      return `url(#${id})`;
    },
    define(tag, children) {
      const id = `g${defs.length}`;
      defs.push(el(tag, { id }, children));
      return id;
    },
    defs: () => (defs.length === 0 ? '' : `<defs>${defs.join('')}</defs>`),
  };
}
