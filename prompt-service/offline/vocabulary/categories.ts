/**
 * What the offline engine recognises in a prompt, and the terms each adds. Words are in six
 * languages (and the emoji readings); the terms are English, as image models read English best.
 */

export interface Term {
  text: string;
  /** Only makes sense for a photograph (lenses, exposure): dropped for a painting or a drawing. */
  photo?: boolean;
  /** Names colours: dropped when the prompt asks for black and white or a pencil sketch. */
  colour?: boolean;
}

export type CategoryKind = 'subject' | 'scene' | 'time';

export interface Category {
  id: string;
  /** A subject decides style and composition; a scene the setting; a time of day the lighting. */
  kind: CategoryKind;
  words: readonly string[];
  /** German nouns that also match as the end of a compound ("Berglandschaft" → "landschaft"). */
  compoundHeads?: readonly string[];
  /** The style when the prompt names none. */
  style?: Term;
  /** An invented world: its style wins over a photographic one ("a cat in space" is space art). */
  imaginative?: boolean;
  lighting?: Term;
  composition?: Term;
  detail?: Term;
  negative: readonly string[];
}

/** In priority order within each kind: the first subject and the first scene found lead. */
export const CATEGORIES: readonly Category[] = [
  {
    id: 'sunset',
    kind: 'time',
    words: [
      'sunset', 'sunrise', 'dawn', 'dusk', 'golden hour', 'twilight', 'sundown',
      'atardecer', 'amanecer', 'ocaso', 'puesta de sol', 'coucher de soleil', 'lever de soleil', 'crépuscule',
      'aube', 'sonnenuntergang', 'sonnenaufgang', 'dämmerung', 'abendrot', 'morgenrot', 'pôr do sol',
      'nascer do sol', 'entardecer', 'crepúsculo', 'tramonto', 'alba', 'crepuscolo',
    ],
    compoundHeads: ['sonnenuntergang', 'sonnenaufgang'],
    style: { text: 'landscape photography', photo: true },
    lighting: { text: 'warm golden-hour light', colour: true },
    composition: { text: 'wide-angle composition, sweeping vista' },
    detail: { text: 'glowing sky', colour: true },
    negative: [],
  },
  {
    id: 'night',
    kind: 'time',
    words: [
      'night', 'nighttime', 'midnight', 'moon', 'full moon', 'moonlit', 'starry night', 'at night',
      'noche', 'luna', 'nuit', 'lune', 'nacht', 'mond', 'noite', 'lua', 'notte',
    ],
    compoundHeads: ['nacht'],
    style: { text: 'long-exposure night photography', photo: true },
    lighting: { text: 'soft moonlight, deep blue night tones', colour: true },
    composition: { text: 'wide composition, starry sky' },
    negative: ['daylight'],
  },
  {
    id: 'portrait',
    kind: 'subject',
    words: [
      'portrait', 'face', 'selfie', 'headshot', 'woman', 'man', 'girl', 'boy', 'person', 'people', 'child', 'kid',
      'baby', 'old man', 'old woman', 'lady', 'guy', 'king', 'queen', 'prince', 'princess', 'chef', 'warrior',
      'retrato', 'cara', 'mujer', 'hombre', 'niña', 'niño', 'chica', 'chico', 'persona', 'bebé', 'anciano',
      'visage', 'femme', 'homme', 'fille', 'garçon', 'enfant', 'bébé', 'porträt', 'gesicht', 'frau', 'mann',
      'mädchen', 'junge', 'rosto', 'mulher', 'homem', 'menina', 'menino', 'pessoa', 'criança',
      'ritratto', 'volto', 'viso', 'donna', 'uomo', 'ragazza', 'ragazzo', 'bambino', 'bambina',
    ],
    style: { text: 'professional portrait photography', photo: true },
    lighting: { text: 'soft studio lighting' },
    composition: { text: 'shallow depth of field, 85mm lens, eye-level framing', photo: true },
    detail: { text: 'natural skin texture, expressive eyes' },
    negative: ['deformed hands', 'extra fingers', 'distorted face', 'asymmetrical eyes', 'plastic skin'],
  },
  {
    id: 'fantasy',
    kind: 'subject',
    imaginative: true,
    words: [
      'dragon', 'unicorn', 'wizard', 'witch', 'elf', 'fairy', 'knight', 'magic', 'magical', 'enchanted', 'mythical',
      'phoenix', 'griffin', 'mermaid', 'sorcerer', 'fantasy', 'kingdom', 'ghost', 'vampire', 'floating island',
      'dragón', 'unicornio', 'mago', 'bruja', 'hada', 'caballero', 'mágico', 'mágica', 'licorne', 'sorcier',
      'sorcière', 'chevalier', 'magique', 'enchanté', 'drache', 'einhorn', 'zauberer', 'hexe',
      'ritter', 'magisch', 'verzaubert', 'dragão', 'unicórnio', 'bruxa', 'fada', 'cavaleiro', 'drago', 'unicorno',
      'strega', 'fata', 'cavaliere', 'magico', 'magica',
    ],
    compoundHeads: ['drache'],
    style: { text: 'fantasy concept art, digital painting' },
    lighting: { text: 'ethereal magical light' },
    composition: { text: 'epic cinematic composition' },
    detail: { text: 'intricate fantasy detail' },
    negative: ['extra limbs', 'distorted anatomy'],
  },
  {
    id: 'scifi',
    kind: 'subject',
    imaginative: true,
    words: [
      'robot', 'cyborg', 'android', 'cyberpunk', 'futuristic', 'sci-fi', 'science fiction', 'spaceship',
      'starship', 'alien', 'mech', 'hologram', 'dystopian',
      'robô', 'futurista', 'futuriste', 'futuristisch', 'nave espacial', 'vaisseau spatial',
      'raumschiff', 'astronave', 'extraterrestre', 'außerirdischer',
    ],
    style: { text: 'sci-fi concept art' },
    lighting: { text: 'neon rim lighting', colour: true },
    composition: { text: 'cinematic wide shot' },
    detail: { text: 'intricate mechanical detail' },
    negative: ['warped geometry', 'melted details'],
  },
  {
    id: 'animal',
    kind: 'subject',
    words: [
      'cat', 'kitten', 'kitty', 'dog', 'puppy', 'bird', 'horse', 'lion', 'tiger', 'fox', 'wolf', 'bear', 'owl',
      'rabbit', 'bunny', 'deer', 'elephant', 'panda', 'monkey', 'butterfly', 'eagle', 'parrot', 'penguin',
      'giraffe', 'zebra', 'koala', 'squirrel', 'cow', 'sheep', 'pig', 'duck', 'frog', 'turtle', 'dolphin',
      'whale', 'shark', 'fish', 'octopus', 'hedgehog', 'raccoon', 'otter', 'snake', 'lizard', 'bee', 'animal',
      'wildlife', 'pet', 'chicken', 'hummingbird', 'crab', 'dinosaur', 'poodle', 'corgi', 'golden retriever',
      'gato', 'gatito', 'perro', 'perrito', 'pájaro', 'caballo', 'león', 'tigre', 'zorro', 'lobo', 'oso', 'búho',
      'conejo', 'ciervo', 'elefante', 'mariposa', 'águila', 'loro', 'pingüino', 'ballena', 'tortuga', 'animales',
      'chat', 'chaton', 'chien', 'chiot', 'oiseau', 'cheval', 'renard', 'loup', 'hibou', 'chouette', 'lapin',
      'cerf', 'éléphant', 'singe', 'papillon', 'aigle', 'perroquet', 'pingouin', 'mouton', 'baleine', 'tortue',
      'katze', 'kätzchen', 'hund', 'welpe', 'vogel', 'pferd', 'löwe', 'fuchs', 'bär', 'eule', 'hase',
      'kaninchen', 'hirsch', 'elefant', 'affe', 'schmetterling', 'adler', 'papagei', 'pinguin', 'schaf',
      'gatinho', 'cachorro', 'cão', 'pássaro', 'cavalo', 'leão', 'raposa', 'urso', 'coruja', 'coelho', 'cervo',
      'macaco', 'borboleta', 'papagaio', 'pinguim', 'baleia', 'tartaruga',
      'gatto', 'gattino', 'cane', 'cagnolino', 'uccello', 'cavallo', 'leone', 'volpe', 'lupo', 'orso', 'gufo',
      'coniglio', 'scimmia', 'farfalla', 'aquila', 'pappagallo', 'pinguino', 'balena', 'tartaruga',
    ],
    compoundHeads: ['katze', 'hund', 'vogel', 'pferd', 'fuchs'],
    style: { text: 'wildlife photography', photo: true },
    lighting: { text: 'soft natural light' },
    composition: { text: 'eye-level shot, subject in sharp focus, softly blurred background' },
    detail: { text: 'lifelike fur and feather detail' },
    negative: ['extra limbs', 'malformed paws', 'distorted anatomy', 'extra eyes'],
  },
  {
    id: 'food',
    kind: 'subject',
    words: [
      'food', 'pizza', 'burger', 'hamburger', 'cake', 'sushi', 'pasta', 'salad', 'breakfast', 'coffee', 'dessert',
      'bread', 'fruit', 'soup', 'ice cream', 'cookie', 'chocolate', 'steak', 'taco', 'ramen', 'noodles',
      'sandwich', 'pie', 'cupcake', 'croissant', 'donut', 'pancakes', 'spaghetti', 'cocktail', 'tea', 'wine',
      'dish', 'meal', 'strawberries', 'cheese',
      'comida', 'pastel', 'tarta', 'ensalada', 'desayuno', 'café', 'postre', 'pan', 'fruta', 'sopa', 'helado',
      'galleta', 'nourriture', 'gâteau', 'salade', 'petit déjeuner', 'pain', 'soupe', 'glace', 'plat',
      'essen', 'kuchen', 'torte', 'salat', 'frühstück', 'kaffee', 'nachtisch', 'brot', 'obst', 'suppe',
      'bolo', 'salada', 'café da manhã', 'sobremesa', 'pão', 'sorvete', 'cibo', 'torta', 'insalata',
      'colazione', 'caffè', 'dolce', 'pane', 'frutta', 'zuppa', 'gelato',
    ],
    compoundHeads: ['kuchen', 'torte', 'suppe'],
    style: { text: 'professional food photography', photo: true },
    lighting: { text: 'soft natural window light' },
    composition: { text: 'overhead 45-degree angle, shallow depth of field', photo: true },
    detail: { text: 'appetizing, fresh ingredients' },
    negative: ['unappetizing', 'plastic-looking food', 'messy plate'],
  },
  {
    id: 'vehicle',
    kind: 'subject',
    words: [
      'car', 'sports car', 'truck', 'motorcycle', 'motorbike', 'bicycle', 'bike', 'train', 'airplane', 'plane',
      'jet', 'bus', 'helicopter', 'tractor', 'race car', 'taxi', 'van', 'vehicle',
      'coche', 'auto', 'carro', 'moto', 'bicicleta', 'tren', 'avión', 'camión', 'voiture', 'vélo',
      'avion', 'camion', 'wagen', 'motorrad', 'fahrrad', 'zug', 'flugzeug', 'lastwagen', 'trem', 'avião',
      'caminhão', 'macchina', 'bicicletta', 'treno', 'aereo',
    ],
    compoundHeads: ['auto', 'wagen'],
    style: { text: 'vehicle photography', photo: true },
    lighting: { text: 'dramatic rim lighting' },
    composition: { text: 'dynamic three-quarter view' },
    detail: { text: 'glossy reflections, precise mechanical detail' },
    negative: ['warped wheels', 'distorted body panels', 'asymmetrical vehicle'],
  },
  {
    id: 'flowers',
    kind: 'subject',
    words: [
      'flower', 'rose', 'tulip', 'garden', 'blossom', 'cherry blossom', 'sunflower', 'lily', 'orchid', 'bouquet',
      'lotus', 'daisy', 'lavender', 'hibiscus',
      'flor', 'flores', 'jardín', 'girasol', 'fleur', 'jardin', 'tournesol', 'blume', 'blumen', 'garten',
      'sonnenblume', 'blüte', 'jardim', 'girassol', 'fiore', 'fiori', 'giardino', 'girasole',
    ],
    compoundHeads: ['blume', 'blumen', 'garten'],
    style: { text: 'botanical macro photography', photo: true },
    lighting: { text: 'soft diffused morning light' },
    composition: { text: 'close-up, creamy bokeh background', photo: true },
    detail: { text: 'delicate petals, fine dewdrops' },
    negative: ['wilted petals', 'deformed petals'],
  },
  {
    id: 'architecture',
    kind: 'subject',
    words: [
      'building', 'house', 'castle', 'cathedral', 'church', 'temple', 'tower', 'bridge', 'palace', 'skyscraper',
      'cabin', 'cottage', 'mansion', 'interior', 'room', 'library', 'ruins', 'lighthouse', 'architecture',
      'kitchen', 'bedroom', 'living room', 'cafe', 'shrine', 'mosque', 'pyramid',
      'edificio', 'casa', 'castillo', 'catedral', 'iglesia', 'templo', 'torre', 'puente', 'palacio', 'rascacielos',
      'cabaña', 'faro', 'bâtiment', 'maison', 'château', 'cathédrale', 'église', 'pont', 'palais', 'gratte-ciel',
      'cabane', 'phare', 'gebäude', 'haus', 'schloss', 'burg', 'kathedrale', 'kirche', 'tempel', 'turm', 'brücke',
      'palast', 'hochhaus', 'hütte', 'leuchtturm', 'edifício', 'prédio', 'castelo', 'igreja', 'ponte', 'palácio',
      'arranha-céu', 'cabana', 'farol', 'castello', 'cattedrale', 'chiesa', 'tempio', 'palazzo', 'grattacielo',
      'baita',
    ],
    compoundHeads: ['haus', 'turm', 'kirche', 'schloss', 'burg'],
    style: { text: 'architectural photography', photo: true },
    lighting: { text: 'soft diffused daylight' },
    composition: { text: 'symmetrical composition, strong leading lines' },
    detail: { text: 'intricate architectural detail' },
    negative: ['distorted perspective', 'warped lines', 'crooked walls'],
  },
  {
    id: 'space',
    kind: 'scene',
    imaginative: true,
    words: [
      'space', 'outer space', 'galaxy', 'nebula', 'planet', 'star', 'stars', 'astronaut', 'cosmos', 'universe',
      'rocket',
      'mars', 'saturn', 'jupiter', 'milky way', 'black hole', 'comet', 'asteroid', 'satellite', 'ringed planet',
      'planet earth', 'flying saucer',
      'espacio', 'galaxia', 'nebulosa', 'planeta', 'estrellas', 'astronauta', 'universo', 'cohete', 'espace',
      'galaxie', 'nébuleuse', 'planète', 'étoiles', 'astronaute', 'univers', 'fusée', 'weltraum', 'weltall',
      'planet', 'sterne', 'kosmos', 'universum', 'rakete', 'espaço', 'galáxia', 'estrelas', 'foguete', 'spazio',
      'galassia', 'pianeta', 'stelle', 'cosmo', 'razzo',
    ],
    compoundHeads: ['weltraum', 'rakete'],
    style: { text: 'cinematic space art' },
    lighting: { text: 'glowing nebula light, deep cosmic colors', colour: true },
    composition: { text: 'vast sense of scale, epic wide shot' },
    detail: { text: 'countless distant stars' },
    negative: ['noise', 'color banding'],
  },
  {
    id: 'city',
    kind: 'scene',
    words: [
      'city', 'cityscape', 'street', 'downtown', 'skyline', 'town', 'metropolis', 'urban', 'alley', 'market',
      'new york', 'tokyo', 'paris', 'london', 'neon',
      'ciudad', 'calle', 'ville', 'rue', 'stadt', 'straße', 'cidade', 'rua', 'città', 'strada',
    ],
    compoundHeads: ['stadt', 'strasse'],
    style: { text: 'cinematic street photography', photo: true },
    lighting: { text: 'soft ambient city light' },
    composition: { text: 'wide establishing shot, leading lines' },
    detail: { text: 'rich urban detail' },
    negative: ['warped buildings', 'distorted perspective'],
  },
  {
    id: 'ocean',
    kind: 'scene',
    words: [
      'ocean', 'sea', 'beach', 'waves', 'coast', 'shore', 'seascape', 'underwater', 'coral reef', 'reef', 'island',
      'bay', 'harbor', 'harbour', 'tropical island', 'ocean waves', 'seashell', 'ship', 'boat', 'sailboat',
      'lighthouse', 'barco', 'bateau', 'navire', 'schiff', 'navio', 'nave', 'barca',
      'océano', 'mar', 'playa', 'olas', 'costa', 'isla', 'océan', 'mer', 'plage', 'vagues', 'côte', 'île',
      'ozean', 'meer', 'wellen', 'küste', 'insel', 'oceano', 'praia', 'ondas', 'ilha', 'mare',
      'spiaggia', 'isola',
    ],
    compoundHeads: ['meer', 'strand', 'insel', 'schiff'],
    style: { text: 'seascape photography', photo: true },
    lighting: { text: 'sparkling sunlight on the water' },
    composition: { text: 'low horizon, wide view' },
    detail: { text: 'crystal-clear water, textured waves' },
    negative: ['tilted horizon'],
  },
  {
    id: 'forest',
    kind: 'scene',
    words: [
      'forest', 'woods', 'woodland', 'jungle', 'rainforest', 'tree', 'pine', 'grove', 'autumn leaves', 'palm tree',
      'bosque', 'selva', 'árbol', 'árboles', 'forêt', 'bois', 'arbre', 'wald', 'dschungel', 'baum', 'bäume',
      'floresta', 'árvore', 'árvores', 'mata', 'foresta', 'bosco', 'giungla', 'albero', 'alberi',
    ],
    compoundHeads: ['wald', 'baum'],
    style: { text: 'nature photography', photo: true },
    lighting: { text: 'dappled sunlight filtering through the canopy, soft mist' },
    composition: { text: 'layered depth between the trees' },
    detail: { text: 'lush textured foliage' },
    negative: ['flat lighting'],
  },
  {
    id: 'landscape',
    kind: 'scene',
    words: [
      'landscape', 'mountain', 'valley', 'hill', 'meadow', 'field', 'lake', 'river', 'waterfall', 'desert', 'canyon',
      'countryside', 'scenery', 'glacier', 'volcano', 'prairie', 'vista', 'fjord', 'cliff', 'national park',
      'snowy mountain', 'rainbow',
      'paisaje', 'montaña', 'montañas', 'valle', 'colina', 'prado', 'lago', 'río', 'cascada', 'desierto', 'volcán',
      'paysage', 'montagne', 'vallée', 'colline', 'prairie', 'lac', 'rivière', 'cascade', 'désert', 'falaise',
      'landschaft', 'berg', 'berge', 'bergen', 'gebirge', 'hügel', 'wiese', 'fluss', 'wasserfall', 'wüste',
      'paisagem', 'montanha', 'colina', 'rio', 'cachoeira', 'deserto', 'paesaggio', 'montagna',
      'montagne', 'valle', 'collina', 'fiume', 'cascata',
    ],
    compoundHeads: ['landschaft', 'berg', 'gebirge'],
    style: { text: 'landscape photography', photo: true },
    lighting: { text: 'warm golden-hour light', colour: true },
    composition: { text: 'wide-angle composition, sweeping vista, rule of thirds' },
    detail: { text: 'dramatic sky, rich detail' },
    negative: ['hazy horizon', 'flat lighting'],
  },
  {
    id: 'abstract',
    kind: 'scene',
    imaginative: true,
    words: [
      'abstract', 'pattern', 'fractal', 'geometric', 'shapes', 'swirl', 'kaleidoscope', 'psychedelic', 'generative',
      'abstracto', 'abstracta', 'patrón', 'geométrico', 'abstrait', 'abstraite', 'motif', 'géométrique', 'abstrakt',
      'muster', 'geometrisch', 'abstrato', 'abstrata', 'padrão', 'astratto', 'astratta', 'geometrico',
    ],
    style: { text: 'abstract digital art' },
    lighting: { text: 'vibrant color gradients', colour: true },
    composition: { text: 'balanced composition, bold shapes' },
    detail: { text: 'rich layered textures' },
    negative: ['muddy colors', 'cluttered'],
  },
];

/** When nothing is recognised. */
export const GENERIC = {
  style: { text: 'detailed digital art' },
  lighting: { text: 'soft cinematic lighting' },
  composition: { text: 'balanced composition, clear focal point' },
} as const satisfies Record<string, Term>;

/** At night a city glows with neon rather than moonlight. */
export const NIGHT_CITY_LIGHTING: Term = { text: 'neon lights reflecting on wet streets', colour: true };
