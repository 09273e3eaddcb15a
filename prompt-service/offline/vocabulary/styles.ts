/**
 * Styles a user can ask for. A named style is kept, and the engine adds only terms that agree
 * with it: no lens talk for a watercolour, no "pixelated" in the negative prompt of pixel art.
 */

import type { Term } from './categories.js';

export interface Style {
  id: string;
  words: readonly string[];
  /** How the style is named in the refined prompt when the user implied it with a verb ("paint me ..."). */
  label: string;
  /** A photograph: photographic terms fit. */
  photo: boolean;
  /** Black and white by nature: colour terms are dropped. */
  monochrome?: boolean;
  /** Deliberately simple (pixel art, vector): no "highly detailed". */
  plain?: boolean;
  terms: readonly Term[];
  negative: readonly string[];
}

/** More specific styles first: "oil painting" is found before "painting". */
export const STYLES: readonly Style[] = [
  {
    id: 'oil',
    words: [
      'oil painting', 'oil on canvas', 'oil paint', 'óleo', 'pintura al óleo', "peinture à l'huile", 'huile sur toile',
      'ölgemälde', 'ölbild', 'ölmalerei', 'pintura a óleo', 'óleo sobre tela', 'pittura a olio', 'dipinto a olio',
      'olio su tela',
    ],
    label: 'oil painting',
    photo: false,
    terms: [
      { text: 'rich oil paint texture' },
      { text: 'visible brushstrokes' },
      { text: 'classical fine-art composition' },
    ],
    negative: ['photograph', 'flat digital look'],
  },
  {
    id: 'watercolor',
    words: ['watercolor', 'watercolour', 'aquarelle', 'acuarela', 'aquarell', 'aquarela', 'acquerello'],
    label: 'watercolor painting',
    photo: false,
    terms: [
      { text: 'soft watercolor washes' },
      { text: 'visible paper texture' },
      { text: 'gentle color bleeds', colour: true },
    ],
    negative: ['photorealistic', 'harsh digital edges'],
  },
  {
    id: 'anime',
    words: ['anime', 'manga', 'ghibli', 'studio ghibli', 'chibi', 'animé'],
    label: 'anime style',
    photo: false,
    terms: [{ text: 'clean line art' }, { text: 'cel shading' }, { text: 'vibrant colors', colour: true }],
    negative: ['photorealistic', '3d render', 'western cartoon'],
  },
  {
    id: 'pixel',
    words: ['pixel art', 'pixelart', 'pixel-art', '8-bit', '16-bit', '8 bit', '16 bit', 'pixel'],
    label: 'pixel art',
    photo: false,
    plain: true,
    terms: [{ text: 'crisp pixel art' }, { text: 'limited color palette' }, { text: 'retro game aesthetic' }],
    negative: ['anti-aliasing', 'blurry edges', 'photorealistic', 'gradients'],
  },
  {
    id: 'render3d',
    words: [
      '3d render', '3d', '3d model', '3d-render', 'cgi', 'blender', 'octane render', 'unreal engine', 'render 3d',
      'rendu 3d', 'renderizado 3d', 'renderização 3d', 'rendering 3d',
    ],
    label: '3d render',
    photo: false,
    terms: [{ text: 'physically based materials' }, { text: 'global illumination' }, { text: 'smooth 3d shading' }],
    negative: ['flat shading', 'hand-drawn look'],
  },
  {
    id: 'sketch',
    words: [
      'sketch', 'pencil', 'pencil drawing', 'pencil sketch', 'charcoal', 'graphite', 'line drawing', 'boceto',
      'dibujo a lápiz', 'lápiz', 'carboncillo', 'croquis', 'esquisse', 'dessin au crayon', 'fusain', 'skizze',
      'bleistift', 'bleistiftzeichnung', 'kohlezeichnung', 'esboço', 'lápis', 'desenho a lápis', 'carvão',
      'schizzo', 'matita', 'disegno a matita', 'carboncino',
    ],
    label: 'pencil sketch',
    photo: false,
    monochrome: true,
    terms: [{ text: 'detailed pencil linework' }, { text: 'cross-hatched shading' }, { text: 'textured paper' }],
    negative: ['photorealistic', 'smudged lines'],
  },
  {
    id: 'cartoon',
    words: [
      'cartoon', 'comic', 'comic book', 'caricature', 'dibujos animados', 'caricatura', 'historieta', 'cómic',
      'dessin animé', 'bande dessinée', 'karikatur', 'zeichentrick', 'desenho animado', 'quadrinhos',
      'cartone animato', 'fumetto',
    ],
    label: 'cartoon',
    photo: false,
    terms: [
      { text: 'bold outlines' },
      { text: 'flat vibrant colors', colour: true },
      { text: 'playful cartoon style' },
    ],
    negative: ['photorealistic', 'muddy shading'],
  },
  {
    id: 'lowpoly',
    words: ['low poly', 'low-poly', 'lowpoly'],
    label: 'low-poly art',
    photo: false,
    plain: true,
    terms: [{ text: 'faceted low-poly geometry' }, { text: 'clean flat shading' }],
    negative: ['photorealistic', 'high-poly detail'],
  },
  {
    id: 'vector',
    words: [
      'vector', 'flat design', 'flat illustration', 'minimalist', 'minimal', 'minimalism', 'line art', 'logo',
      'icon', 'minimalista', 'minimaliste', 'minimalistisch', 'vectorial', 'vektor', 'vetorial', 'vettoriale',
    ],
    label: 'minimalist vector art',
    photo: false,
    plain: true,
    terms: [
      { text: 'clean vector shapes' },
      { text: 'flat colors', colour: true },
      { text: 'plenty of negative space' },
    ],
    negative: ['clutter', 'noise', 'photorealistic'],
  },
  {
    id: 'impressionist',
    words: [
      'impressionist', 'impressionism', 'impresionista', 'impressionniste', 'impressionistisch', 'impressionista',
      'monet', 'van gogh',
    ],
    label: 'impressionist painting',
    photo: false,
    terms: [
      { text: 'loose impressionist brushstrokes' },
      { text: 'broken color', colour: true },
      { text: 'luminous atmosphere' },
    ],
    negative: ['photograph', 'hard edges'],
  },
  {
    id: 'ukiyoe',
    words: ['ukiyo-e', 'ukiyoe', 'woodblock print', 'japanese woodblock'],
    label: 'ukiyo-e woodblock print',
    photo: false,
    terms: [
      { text: 'flat areas of color', colour: true },
      { text: 'bold outlines' },
      { text: 'traditional woodblock texture' },
    ],
    negative: ['photorealistic', '3d render'],
  },
  {
    id: 'popart',
    words: ['pop art', 'warhol', 'lichtenstein'],
    label: 'pop art',
    photo: false,
    terms: [
      { text: 'bold halftone dots' },
      { text: 'saturated flat colors', colour: true },
      { text: 'graphic outlines' },
    ],
    negative: ['photorealistic', 'muted colors'],
  },
  {
    id: 'stainedglass',
    words: ['stained glass', 'vitral', 'vitrail', 'buntglas', 'vetrata'],
    label: 'stained glass',
    photo: false,
    terms: [{ text: 'glowing colored glass', colour: true }, { text: 'dark lead lines' }],
    negative: ['photorealistic'],
  },
  {
    id: 'claymation',
    words: ['claymation', 'plasticine', 'stop motion', 'stop-motion', 'clay figure', 'clay figures'],
    label: 'claymation',
    photo: false,
    terms: [{ text: 'handmade clay texture' }, { text: 'stop-motion look' }, { text: 'soft miniature lighting' }],
    negative: ['photorealistic skin'],
  },
  {
    id: 'illustration',
    words: [
      'illustration', 'digital art', 'digital painting', 'concept art', 'ilustración', 'ilustração', 'illustrazione',
      'arte digital', 'art numérique', 'digitale kunst', 'illustration numérique', 'arte digitale',
    ],
    label: 'digital illustration',
    photo: false,
    terms: [{ text: 'clean confident shapes' }, { text: 'rich color', colour: true }],
    negative: ['photorealistic'],
  },
  {
    id: 'painting',
    words: [
      'painting', 'painted', 'paint', 'paint me', 'pintura', 'pinta', 'píntame', 'peinture', 'peins', 'peins-moi',
      'gemälde', 'malerei', 'male mir', 'pinte', 'dipinto', 'pittura', 'dipingi', 'dipingimi',
    ],
    label: 'painting',
    photo: false,
    terms: [{ text: 'painterly brushwork' }, { text: 'rich color', colour: true }],
    negative: ['photograph'],
  },
  {
    id: 'photo',
    words: [
      'photo', 'photograph', 'photography', 'photographic', 'photorealistic', 'photo-realistic', 'realistic',
      'hyperrealistic', 'hyper-realistic', 'ultra realistic', 'dslr', '35mm', 'polaroid', 'snapshot', 'foto',
      'fotografía', 'fotografia', 'photographie', 'fotografie', 'fotorealistisch', 'fotorrealista',
      'photoréaliste', 'realista', 'réaliste', 'realistisch', 'realistico', 'fotorealistico', 'fotorealista',
    ],
    label: 'photograph',
    photo: true,
    terms: [{ text: 'photorealistic' }, { text: 'natural textures' }, { text: 'true-to-life colors', colour: true }],
    negative: ['cartoon', 'illustration', 'painting', 'cgi', 'pixelated'],
  },
];

/** Asking for black and white in a new picture: colour terms would contradict it. */
export const MONOCHROME_WORDS = [
  'black and white', 'black & white', 'b&w', 'b/w', 'monochrome', 'grayscale', 'greyscale', 'sepia',
  'blanco y negro', 'noir et blanc', 'schwarz-weiß', 'schwarzweiß', 'schwarz weiß', 'preto e branco',
  'bianco e nero', 'monocromo', 'monochrom', 'monocromático',
] as const;

/** The prompt already says how it is lit: no lighting term is added. */
export const LIGHTING_WORDS = [
  'light', 'lighting', 'lit', 'sunlight', 'sunlit', 'moonlight', 'backlit', 'candlelight', 'noon', 'midday',
  'daylight', 'morning', 'afternoon', 'evening', 'overcast', 'foggy', 'misty', 'neon', 'glowing', 'shadows',
  'golden hour', 'blue hour', 'luz', 'iluminación', 'lumière', 'éclairage', 'licht', 'beleuchtung', 'luce',
  'illuminazione', 'iluminação',
] as const;

/** The prompt already frames the shot: no composition term is added. */
export const COMPOSITION_WORDS = [
  'close-up', 'closeup', 'close up', 'macro', 'wide shot', 'wide-angle', 'wide angle', 'aerial', "bird's-eye",
  'birds eye', 'top-down', 'top down', 'overhead', 'panorama', 'panoramic', 'full body', 'full-body', 'headshot',
  'low angle', 'high angle', 'fisheye', 'portrait orientation', 'landscape orientation', 'primer plano',
  'gros plan', 'nahaufnahme', 'vista aérea', 'vue aérienne', 'luftaufnahme', 'primo piano',
] as const;

/** The user wants words in the picture: "text" must not be in the negative prompt. */
export const TEXT_WORDS = [
  'text', 'words', 'word', 'lettering', 'typography', 'sign', 'signs', 'caption', 'title', 'saying', 'says',
  'quote', 'poster', 'logo', 'letters', 'font', 'headline', 'label', 'texto', 'letrero', 'texte', 'panneau',
  'schrift', 'schild', 'testo', 'cartello',
] as const;

/** Said of every picture. A term is dropped when the prompt asks for it ("a blurry photo"). */
export const GENERAL_NEGATIVE = [
  'blurry', 'low quality', 'lowres', 'jpeg artifacts', 'watermark', 'signature', 'text', 'distorted',
  'oversaturated', 'bad composition',
] as const;

/** For an edit: keep what was not asked to change. */
export const EDIT_NEGATIVE = [
  'low quality', 'jpeg artifacts', 'distorted', 'watermark', 'unrequested changes',
] as const;

/** For an enhancement: everything an upscale must not introduce. */
export const ENHANCE_NEGATIVE = [
  'blurry', 'noise', 'jpeg artifacts', 'oversharpening halos', 'low quality', 'changed content',
] as const;

/** Negative terms dropped when the prompt names one of these words (the user asked for it). */
export const NEGATIVE_CONFLICTS: Readonly<Record<string, readonly string[]>> = {
  blurry: ['blur', 'blurry', 'blurred', 'out of focus', 'motion blur', 'bokeh', 'dreamy', 'hazy', 'soft focus'],
  lowres: ['pixel', 'pixel art', 'pixelart', '8-bit', '16-bit', 'low resolution', 'lowres', 'retro'],
  'low quality': ['low quality', 'lo-fi', 'lofi'],
  oversaturated: ['oversaturated', 'saturated', 'neon', 'vibrant', 'psychedelic', 'pop art'],
  distorted: ['distorted', 'distortion', 'surreal', 'fisheye', 'warped', 'melting'],
  noise: ['grain', 'grainy', 'film grain', 'noise', 'noisy'],
  'bad composition': [],
};
