/**
 * What the renderer reads in a prompt: the themes it can draw, the sky they sit under, colour
 * words that tint the palette, and whether the picture is black and white. Pure and table-tested;
 * the drawing is in compose.ts.
 */

export const THEMES = [
  'sunset',
  'night',
  'space',
  'storm',
  'rain',
  'fire',
  'snow',
  'desert',
  'mountains',
  'hills',
  'city',
  'ocean',
  'forest',
  'flowers',
  'abstract',
] as const;
export type Theme = (typeof THEMES)[number];

export type Sky = 'day' | 'sunset' | 'night' | 'space' | 'storm' | 'overcast' | 'smoke' | 'winter' | 'haze' | 'canopy';

export interface Scene {
  sky: Sky;
  /** Recognised themes, in the order of {@link THEMES}. */
  themes: Theme[];
  /** Colours named in the prompt, as hex, first mention first. */
  tints: string[];
  monochrome: boolean;
}

/** Word stems per theme: English first, then a few Spanish, French and German words. */
const THEME_WORDS: Record<Theme, string> = {
  sunset: 'sunsets?|sunrises?|dawn|dusk|golden hour|twilight|atardecer|amanecer|crepúsculo|coucher de soleil|lever de soleil|aube|sonnenuntergang|sonnenaufgang|dämmerung',
  night: 'night\\w*|midnight|moon\\w*|stars?|starry|starlit|noche|luna|estrellas?|nuit|lune|étoiles?|nacht|mond|sterne?',
  space: 'space|outer space|galax\\w*|nebula\\w*|cosmos|cosmic|universe|planets?|astronaut|espacio|galaxia|espace|galaxie|weltraum|weltall',
  storm: 'storm\\w*|thunder\\w*|lightning|tempest|hurricane|tormenta|orage|tempête|gewitter|sturm|blitz',
  rain: 'rain\\w*|drizzle|downpour|showers?|lluvia|lloviendo|pluie|pluvieux|regen\\w*',
  fire: 'fire\\w*|flames?|flaming|blaze|burning|inferno|lava|volcano\\w*|campfire|bonfire|fuego|feu|flammes?|feuer|flammen',
  snow: 'snow\\w*|winter\\w*|ice|icy|frozen|frost\\w*|glacier|nieve|nevado|invierno|neige|hiver|schnee|eis',
  desert: 'deserts?|dunes?|sand\\w*|sahara|cactus|cacti|desierto|dunas?|désert|wüste|düne',
  mountains: 'mountains?|mountainous|peaks?|alps|alpine|summit|cliffs?|montañas?|sierra|montagnes?|berge?|gebirge',
  hills: 'hills?|hillside|countryside|meadows?|fields?|valley|prairie|colinas?|campo|collines?|campagne|hügel\\w*|wiese',
  city: 'city|cities|skyline|skyscrapers?|buildings?|downtown|urban|streets?|metropolis|town|ciudad|edificios|ville|immeubles|stadt|gebäude',
  ocean: 'oceans?|seas?|seascape|waves?|beach\\w*|coast\\w*|shore|lakes?|river|harbou?r|océano|mar|playa|océan|mer|plage|ozean|meer|strand',
  forest: 'forests?|woods|woodland|jungle|trees?|pines?|rainforest|bosque|selva|árbol\\w*|forêt|arbres?|wald|bäume?',
  flowers: 'flowers?|flower\\w*|garden\\w*|blossoms?|blooms?|blooming|roses|tulips?|daisies|petals?|flores|jardín|fleurs|jardin|blumen|garten',
  abstract: 'abstract\\w*|geometric|patterns?|shapes|cubis\\w*|minimalis\\w*|abstracto|abstrait|abstrakt',
};

/** Colour words and the hex each stands for. */
const COLOUR_WORDS: ReadonlyArray<readonly [string, string]> = [
  ['red|crimson|scarlet|rojo|roja|rouge|rot', '#d62828'],
  ['orange|naranja|amber', '#f77f00'],
  ['yellow|amarillo|amarilla|jaune|gelb', '#f6d32d'],
  ['gold|golden|dorado|doré|gold', '#d4a017'],
  ['green|emerald|verde|vert|verte|grün', '#2a9d3f'],
  ['teal|cyan|turquoise|aqua|turquesa', '#1fb5b0'],
  ['blue|azure|navy|cobalt|azul|bleu|bleue|blau', '#1d5fd1'],
  ['purple|violet|lilac|lavender|indigo|morado|púrpura|violeta|lila', '#7b3fbf'],
  ['pink|magenta|fuchsia|rosa|rosado', '#ec5fa0'],
  ['brown|chocolate|marrón|brun|braun', '#7a4a26'],
  ['black|negro|negra|noir|noire|schwarz', '#15151a'],
  ['white|blanco|blanca|blanc|blanche|weiß|weiss', '#f2f2f2'],
  ['gr[ae]y|silver|gris|grau|silber', '#8a8f98'],
];

const MONOCHROME = 'black and white|black & white|b&w|b/w|monochrome|grayscale|greyscale|blanco y negro|noir et blanc|schwarz-?weiß|schwarzweiss';

/** A whole-word, case-insensitive matcher (ASCII `\b` misses accented letters, hence lookarounds). */
export function wordPattern(alternatives: string, flags = 'giu'): RegExp {
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives})(?![\\p{L}\\p{N}])`, flags);
}

const THEME_PATTERNS = THEMES.map((theme) => [theme, wordPattern(THEME_WORDS[theme], 'iu')] as const);
const COLOUR_PATTERNS = COLOUR_WORDS.map(([words, hex]) => [wordPattern(words), hex] as const);
const MONOCHROME_PATTERN = wordPattern(MONOCHROME, 'iu');

function themesIn(text: string): Set<Theme> {
  return new Set(THEME_PATTERNS.filter(([, pattern]) => pattern.test(text)).map(([theme]) => theme));
}

/**
 * Read a prompt. Themes named in the negative prompt are left out ("a beach, no ocean").
 * "black and white" makes the picture monochrome rather than tinting it black and white.
 */
export function describeScene(prompt: string, negativePrompt = ''): Scene {
  const found = themesIn(prompt);
  for (const theme of themesIn(negativePrompt)) found.delete(theme);
  const themes = THEMES.filter((theme) => found.has(theme));

  const monochrome = MONOCHROME_PATTERN.test(prompt);
  const colourText = prompt.replace(wordPattern(MONOCHROME), ' ');
  const tints = COLOUR_PATTERNS.flatMap(([pattern, hex]) =>
    [...colourText.matchAll(pattern)].map((match) => [match.index, hex] as const),
  )
    .sort((a, b) => a[0] - b[0])
    .map(([, hex]) => hex)
    .filter((hex, index, all) => all.indexOf(hex) === index);

  return { sky: skyFor(found), themes, tints, monochrome };
}

/** The most telling theme decides the sky: space over night over sunset, and so on. */
function skyFor(themes: Set<Theme>): Sky {
  if (themes.has('space')) return 'space';
  if (themes.has('night')) return 'night';
  if (themes.has('sunset')) return 'sunset';
  if (themes.has('storm')) return 'storm';
  if (themes.has('rain')) return 'overcast';
  if (themes.has('fire')) return 'smoke';
  if (themes.has('snow')) return 'winter';
  if (themes.has('desert')) return 'haze';
  if (themes.has('forest') && !themes.has('ocean') && !themes.has('city')) return 'canopy';
  return 'day';
}
