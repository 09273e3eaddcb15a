import { describe, expect, it } from 'vitest';
import { describeScene, type Sky, type Theme } from './scene.js';

describe('describeScene', () => {
  it.each<[string, Sky, Theme[]]>([
    ['a sunset over the ocean', 'sunset', ['sunset', 'ocean']],
    ['Sunrise at dawn', 'sunset', ['sunset']],
    ['ocean at night', 'night', ['night', 'ocean']],
    ['a starry sky with the moon', 'night', ['night']],
    ['a dense forest', 'canopy', ['forest']],
    ['forest by the sea', 'day', ['ocean', 'forest']],
    ['snowy mountains in winter', 'winter', ['snow', 'mountains']],
    ['desert dunes', 'haze', ['desert']],
    ['city skyline with tall buildings', 'day', ['city']],
    ['a spiral galaxy in deep space', 'space', ['space']],
    ['a roaring fire', 'smoke', ['fire']],
    ['a garden of flowers', 'day', ['flowers']],
    ['rain on the street', 'overcast', ['rain', 'city']],
    ['a thunderstorm with lightning', 'storm', ['storm']],
    ['abstract geometric shapes', 'day', ['abstract']],
    ['un atardecer en la playa', 'sunset', ['sunset', 'ocean']],
    ['une forêt sous la neige', 'winter', ['snow', 'forest']],
    ['Berge bei Nacht', 'night', ['night', 'mountains']],
    ['a portrait of a cat', 'day', []],
  ])('%s → %s sky, themes %j', (prompt, sky, themes) => {
    const scene = describeScene(prompt);
    expect(scene.sky).toBe(sky);
    expect(scene.themes).toEqual(themes);
  });

  it.each<[string, string[]]>([
    ['a red car', ['#d62828']],
    ['a blue car next to a red house', ['#1d5fd1', '#d62828']],
    ['golden light, gold and GREEN', ['#d4a017', '#2a9d3f']],
    ['un coche rojo', ['#d62828']],
    ['reddish tones and bluebells', []],
    ['a landscape', []],
  ])('colour words in %s → %j', (prompt, tints) => {
    expect(describeScene(prompt).tints).toEqual(tints);
  });

  it.each<[string, boolean]>([
    ['a black and white photo of a city', true],
    ['monochrome forest', true],
    ['a black cat on a white wall', false],
  ])('%s is monochrome: %s', (prompt, monochrome) => {
    const scene = describeScene(prompt);
    expect(scene.monochrome).toBe(monochrome);
    if (monochrome) expect(scene.tints).toEqual([]);
  });

  it('leaves out themes named in the negative prompt', () => {
    expect(describeScene('a beach with trees', 'no trees, blurry').themes).toEqual(['ocean']);
  });
});
