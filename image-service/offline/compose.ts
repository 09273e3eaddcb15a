import { createCanvas, type Canvas } from './canvas.js';
import { drawCaption } from './caption.js';
import { drawAbstract } from './layers/abstract.js';
import { drawCity, drawFlowers, drawForest } from './layers/life.js';
import { drawSky } from './layers/sky.js';
import { drawDesert, drawHills, drawMeadow, drawMountains, drawOcean, drawSnowfield, drawStreet } from './layers/terrain.js';
import { drawFire, drawLightning, drawRain, drawSnowfall } from './layers/weather.js';
import type { Random } from './random.js';
import type { Scene, Theme } from './scene.js';

/** Themes that draw something on the ground, and so need a horizon. */
const GROUNDED: readonly Theme[] = ['mountains', 'hills', 'city', 'ocean', 'desert', 'snow', 'forest', 'flowers', 'fire', 'rain', 'storm', 'sunset', 'night'];

/** Themes that give fire a place to burn in; without one, fire fills the picture. */
const SETTINGS: readonly Theme[] = ['forest', 'city', 'ocean', 'desert', 'snow', 'mountains'];

/**
 * The whole picture as one SVG, painted back to front: sky, far land, ground, what stands on
 * it, weather, then the caption band.
 */
export function composeScene(options: { scene: Scene; width: number; height: number; rng: Random; caption: string }): string {
  const { scene, width, height, rng } = options;
  const has = (theme: Theme) => scene.themes.includes(theme);
  const onlyShapes = scene.themes.every((theme) => theme === 'abstract');
  const grounded = scene.themes.some((theme) => GROUNDED.includes(theme));
  const horizon = grounded ? height * (has('ocean') ? 0.55 : has('city') ? 0.74 : 0.62) * rng.range(0.94, 1.06) : height;
  const canvas = createCanvas({ width, height, horizon, rng, scene });

  const layers: string[] = [];
  if (onlyShapes) {
    layers.push(drawAbstract(canvas, { full: true }));
  } else {
    layers.push(drawSky(canvas));
    if (grounded) layers.push(...land(canvas, has));
    if (has('abstract')) layers.push(drawAbstract(canvas, { full: false }));
  }
  layers.push(drawCaption(options.caption, width, height));

  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">${canvas.defs()}${layers.join('')}</svg>`;
}

function land(canvas: Canvas, has: (theme: Theme) => boolean): string[] {
  const out: string[] = [];
  // The bolt strikes behind whatever stands on the land.
  if (has('storm')) out.push(drawLightning(canvas));
  if (has('mountains')) out.push(drawMountains(canvas));
  if (has('city')) out.push(drawCity(canvas));
  if (has('ocean')) out.push(drawOcean(canvas));
  else if (has('desert')) out.push(drawDesert(canvas));
  else if (has('snow')) out.push(drawSnowfield(canvas));
  else if (has('forest') || has('flowers')) out.push(drawMeadow(canvas));
  else if (has('city')) out.push(drawStreet(canvas));
  else if (!has('mountains')) out.push(drawHills(canvas));

  if (has('forest')) out.push(drawForest(canvas));
  if (has('flowers')) out.push(drawFlowers(canvas));
  if (has('fire')) out.push(drawFire(canvas, { wall: !SETTINGS.some(has) }));
  if (has('rain') || has('storm')) out.push(drawRain(canvas));
  if (has('snow')) out.push(drawSnowfall(canvas));
  return out;
}
