import { AppError } from '../../shared/errors.js';
import { wordPattern } from './scene.js';

/**
 * Reading an edit instruction ("make it black and white and crop to 16:9") into the operations
 * the offline renderer applies, in the order the user wrote them. Pure and table-tested.
 */

export type EditOperation =
  | { kind: 'grayscale' }
  | { kind: 'sepia' }
  | { kind: 'invert' }
  /** Multiplies brightness: above 1 brighter, below 1 darker. */
  | { kind: 'brightness'; factor: number }
  /** Positive warmer (redder), negative cooler (bluer); about -0.3..0.3. */
  | { kind: 'temperature'; shift: number }
  | { kind: 'saturation'; factor: number }
  /** 1 is a noticeable blur; the sigma scales with the image. */
  | { kind: 'blur'; strength: number }
  | { kind: 'sharpen'; strength: number }
  /** Clockwise. */
  | { kind: 'rotate'; degrees: 90 | 180 | 270 }
  | { kind: 'flip'; direction: 'horizontal' | 'vertical' }
  | { kind: 'crop'; ratio: { width: number; height: number } };

/** "slightly" halves an edit, "much" nearly doubles it. */
const MILD = wordPattern('slightly|a (?:little|bit|touch)|somewhat|a tad|un poco|un peu|ein (?:wenig|bisschen)|etwas', 'iu');
const STRONG = wordPattern('much|a lot|way|very|really|significantly|lots|mucho|muy|beaucoup|très|viel|sehr', 'iu');

interface Rule {
  words: string;
  build(match: RegExpExecArray, strength: number): EditOperation | null;
}

const it = String.raw`(?:\s+(?:it|this|the (?:image|picture|photo)|la (?:imagen|foto|photo)|l'image|das bild|es))?`;
const DIRECTION = String.raw`(left|right|counter-?clockwise|anti-?clockwise|clockwise|izquierda|derecha|gauche|droite|links|rechts)`;
const COUNTER = /^(left|counter|anti|izquierda|gauche|links)/i;

/** Earlier rules win where two match the same words ("flip upside down" is a flip, not a rotation). */
const RULES: Rule[] = [
  {
    words: String.raw`(?:flip|mirror|espejo|refleja\w*|voltea\w*|miroir|spiegel\w*)${it}(?:\s+(horizontal(?:ly|mente)?|vertical(?:ly|mente)?|upside[- ]down|left[- ]to[- ]right|top[- ]to[- ]bottom|sideways))?`,
    build: (m) => ({ kind: 'flip', direction: /^(vertical|upside|top)/i.test(m[1] ?? '') ? 'vertical' : 'horizontal' }),
  },
  {
    words: String.raw`(rotate|rota|gira|girar|tourne|tourner|pivote|pivoter|dreh\w*|rotier\w*|turn|spin)${it}(?:\s+(?:by|de|um|por))?(?:\s+(-?\d{2,3})\s*(?:°|degrees?|deg|grados|degrés|grad)?)?(?:\s+(?:to the\s+|a la\s+|à\s+|nach\s+)?${DIRECTION})?`,
    build: (m) => {
      const [, verb = '', angle, direction] = m;
      // "turn it black and white" is no rotation: "turn" needs an angle or a direction.
      if (/^(turn|spin)$/i.test(verb) && angle === undefined && direction === undefined) return null;
      let degrees = angle === undefined ? 90 : Number(angle);
      if (direction && COUNTER.test(direction)) degrees = -degrees;
      const normal = ((degrees % 360) + 360) % 360;
      return normal === 90 || normal === 180 || normal === 270 ? { kind: 'rotate', degrees: normal } : null;
    },
  },
  { words: String.raw`upside[- ]down|al rev[eé]s|à l'envers|auf den kopf`, build: () => ({ kind: 'rotate', degrees: 180 }) },
  {
    words: String.raw`black\s*(?:and|&|n)\s*white|b\s*&\s*w|b/w|gr[ae]y\s*scale|monochrome?|(?:remove|no)(?: the)? colou?rs?|blanco y negro|escala de grises|noir et blanc|niveaux de gris|schwarz[- ]?wei(?:ß|ss)|graustufen`,
    build: () => ({ kind: 'grayscale' }),
  },
  { words: String.raw`s[eé]pia|vintage|old[- ](?:photo|fashioned)|antique`, build: () => ({ kind: 'sepia' }) },
  { words: String.raw`invert(?:ed)?(?: the)?(?: colou?rs?)?|negative|invierte\w*|n[eé]gatif|negativ`, build: () => ({ kind: 'invert' }) },
  {
    words: String.raw`less bright|more dark|darker|darken|dimmer|dim|decrease (?:the )?(?:brightness|exposure)|reduce (?:the )?(?:brightness|exposure)|too bright|m[aá]s oscur[ao]|oscurec\w*|plus (?:sombre|fonc[ée]e?)|assombri\w*|dunkler|abdunkeln|too light`,
    build: (_m, s) => ({ kind: 'brightness', factor: 1 - 0.25 * s }),
  },
  {
    words: String.raw`more (?:bright|light|exposure)|brighter|brighten|lighter|lighten|increase (?:the )?(?:brightness|exposure)|too dark|m[aá]s (?:brillante|clar[ao]|luminos[ao])|aclara\w*|plus (?:clair|lumineux|lumineuse)|[ée]clairci\w*|heller|aufhellen`,
    build: (_m, s) => ({ kind: 'brightness', factor: 1 + 0.3 * s }),
  },
  {
    words: String.raw`warmer|warm(?: it)? up|more warm|warm (?:tones?|colou?rs?)|m[aá]s c[aá]lid[ao]|plus chaude?|w[aä]rmer`,
    build: (_m, s) => ({ kind: 'temperature', shift: 0.12 * s }),
  },
  {
    words: String.raw`cooler|colder|cool(?: it)? down|more cool|cool (?:tones?|colou?rs?)|m[aá]s fr[ií][ao]|plus froide?|k[uü]hler|k[aä]lter`,
    build: (_m, s) => ({ kind: 'temperature', shift: -0.12 * s }),
  },
  {
    words: String.raw`less (?:saturated|saturation|vivid|vibrant|colou?rful)|desaturate\w*|muted|washed[- ]out|(?:reduce|decrease|lower) (?:the )?saturation|tone down (?:the )?colou?rs?|menos saturad[ao]|moins satur[ée]e?|weniger ges[aä]ttigt|ents[aä]ttig\w*`,
    build: (_m, s) => ({ kind: 'saturation', factor: Math.max(0.1, 1 - 0.4 * s) }),
  },
  {
    words: String.raw`more (?:saturated|saturation|vivid|vibrant|colou?rful)|saturate|(?:boost|increase|raise) (?:the )?(?:saturation|colou?rs?)|vivid|vibrant|punchier|m[aá]s saturad[ao]|plus satur[ée]e?|satter|kr[aä]ftiger`,
    build: (_m, s) => ({ kind: 'saturation', factor: 1 + 0.45 * s }),
  },
  {
    words: String.raw`less blurry|unblur|deblur|sharpen\w*|sharper|crisper|crisp|more detail(?:ed)?|enfoca\w*|m[aá]s n[ií]tid[ao]|plus net(?:te)?|sch[aä]rfer|scharfzeichnen`,
    build: (_m, s) => ({ kind: 'sharpen', strength: s }),
  },
  {
    words: String.raw`blur\w*|soften|out of focus|unfocus\w*|bokeh|desenfoca\w*|difumina\w*|flou\w*|unscharf|verwisch\w*|weichzeichn\w*`,
    build: (_m, s) => ({ kind: 'blur', strength: s }),
  },
  {
    words: String.raw`(portrait|vertical|landscape|horizontal)?\s*(\d{1,2})\s*[:∶x×/]\s*(\d{1,2})(?:\s+(portrait|landscape))?`,
    build: (m) => crop(Number(m[2]), Number(m[3]), m[1] ?? m[4]),
  },
  {
    words: String.raw`square|cuadrad[ao]|carr[ée]e?|quadratisch`,
    build: () => ({ kind: 'crop', ratio: { width: 1, height: 1 } }),
  },
  {
    words: String.raw`(?:crop|make|recorta\w*|recadre\w*|zuschneid\w*|beschneid\w*)${it}(?:\s+(?:to|as|into|en|in|a|au))?(?:\s+(?:a|an|un|une|ein))?\s+(portrait|landscape|widescreen|panorama|retrato|paysage|hochformat|querformat)`,
    build: (m) => {
      const shape = (m[1] ?? '').toLowerCase();
      if (shape === 'widescreen') return crop(16, 9);
      if (shape === 'panorama') return crop(21, 9);
      return /^(portrait|retrato|hochformat)$/.test(shape) ? crop(4, 5) : crop(3, 2);
    },
  },
];

function crop(width: number, height: number, orientation?: string): EditOperation | null {
  if (!(width > 0 && height > 0)) return null;
  // "portrait 16:9" means a tall picture: put the long side upright.
  const tall = orientation && /^(portrait|vertical)$/i.test(orientation);
  const wide = orientation && /^(landscape|horizontal)$/i.test(orientation);
  if ((tall && width > height) || (wide && height > width)) return { kind: 'crop', ratio: { width: height, height: width } };
  return { kind: 'crop', ratio: { width, height } };
}

const PATTERNS = RULES.map((rule) => ({ rule, pattern: wordPattern(rule.words) }));

/** What the offline renderer can do, for the error a user sees when it understood nothing. */
export const EDIT_CAPABILITIES =
  'make it black and white or sepia, invert the colours, make it brighter or darker, warmer or cooler, ' +
  'more or less saturated, blur or sharpen it, rotate it (90° left or right, 180°, upside down), ' +
  'flip or mirror it, or crop it to a ratio ("crop to 16:9", "make it square", "portrait 4:5")';

/**
 * The operations in an instruction, in the order written. Throws `invalid_request` listing what
 * can be done when it finds none.
 */
export function parseEditInstruction(instruction: string): EditOperation[] {
  const found: { start: number; end: number; priority: number; op: EditOperation }[] = [];
  PATTERNS.forEach(({ rule, pattern }, priority) => {
    for (const match of instruction.matchAll(pattern)) {
      const strength = strengthNear(instruction, match.index, match.index + match[0].length);
      const op = rule.build(match as RegExpExecArray, strength);
      if (op) found.push({ start: match.index, end: match.index + match[0].length, priority, op });
    }
  });
  found.sort((a, b) => a.priority - b.priority || a.start - b.start);
  const taken: typeof found = [];
  for (const candidate of found) {
    if (!taken.some((kept) => candidate.start < kept.end && kept.start < candidate.end)) taken.push(candidate);
  }
  const operations = taken.sort((a, b) => a.start - b.start).map((kept) => kept.op);
  if (operations.length === 0) {
    throw new AppError('invalid_request', `No edit I can make in "${clip(instruction)}". I can ${EDIT_CAPABILITIES}.`);
  }
  return operations;
}

/** Where one request ends and the next begins: "blur it slightly, then make it much brighter". */
const CLAUSE_BREAK = wordPattern(String.raw`and|then|also|y|luego|et|puis|und|dann|[,;.]`);

/** How strongly to apply an edit, from the words of its own clause. */
function strengthNear(text: string, start: number, end: number): number {
  const before = [...text.slice(0, start).matchAll(CLAUSE_BREAK)].at(-1);
  const from = before ? before.index + before[0].length : 0;
  const after = text.slice(end).search(CLAUSE_BREAK);
  const clause = text.slice(from, after === -1 ? text.length : end + after);
  if (MILD.test(clause)) return 0.5;
  if (STRONG.test(clause)) return 1.8;
  return 1;
}

function clip(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 80 ? `${flat.slice(0, 79)}…` : flat;
}
