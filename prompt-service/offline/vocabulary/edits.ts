import type { Language } from '../language.js';

/**
 * What a change to an existing image sounds like. Intent detection weighs these together: an edit
 * verb alone ("add a castle to a mountain landscape") can still start a new picture, while a
 * reference ("make it ...", "the image") or a bare adjustment ("brighter", "crop to 16:9") cannot.
 */

export const EDIT_KINDS = [
  'enhance', 'enhance-weak', 'edit', 'soft', 'transform', 'adjust', 'reference', 'marker', 'request', 'medium',
] as const;
export type EditKind = (typeof EDIT_KINDS)[number];

export const EDIT_PHRASES: Readonly<Record<EditKind, readonly string[]>> = {
  /** Asks for a better version of the same image. */
  enhance: [
    'enhance', 'enhanced', 'upscale', 'upscaled', 'upsample', 'upres', 'sharpen', 'sharpened', 'improve', 'improved',
    'improve quality', 'improve the quality', 'increase resolution', 'increase the resolution', 'boost resolution',
    'boost the resolution', 'denoise', 'remove noise', 'remove the noise', 'clean up', 'restore', 'super resolution',
    'super-resolution', 'hd version', '4k version', 'high res version', 'retouch',
    'mejora', 'mejorar', 'mejora la calidad', 'aumenta la resolución', 'aumentar la resolución', 'dale más nitidez',
    'reescala', 'sube la resolución', 'enfoca',
    'améliore', 'améliorer', 'améliore la qualité', 'augmente la résolution', 'affine', 'améliore-la', 'améliore-le',
    'verbessere', 'verbessern', 'verbessere die qualität', 'schärfe', 'schärfen', 'hochskalieren', 'skaliere',
    'erhöhe die auflösung',
    'melhore', 'melhora', 'melhorar', 'melhore a qualidade', 'aumente a resolução', 'aumentar a resolução',
    'migliora', 'migliorare', 'migliora la qualità', 'aumenta la risoluzione',
  ],
  /** Quality words that mean "enhance" only when nothing new is described ("in 4k please", "sharper"). */
  'enhance-weak': [
    '4k', '8k', 'hd', 'uhd', 'full hd', 'high resolution', 'higher resolution', 'high res', 'hi-res', 'hires',
    'high-res', 'more detail', 'more details', 'more detailed', 'sharper', 'crisper', 'clearer', 'better quality',
    'higher quality', 'better', 'more defined', 'less blurry', 'less noisy', 'less noise', 'in focus',
    'más detalle', 'más detalles', 'más detallado', 'más nítido', 'más nítida', 'más nitidez', 'mayor resolución',
    'más resolución', 'alta resolución', 'mejor calidad',
    'plus de détails', 'plus détaillé', 'plus net', 'plus nette', 'plus de netteté', 'meilleure qualité',
    'haute résolution', 'plus de résolution',
    'mehr details', 'detaillierter', 'schärfer', 'höhere auflösung', 'bessere qualität', 'mehr schärfe',
    'mais detalhes', 'mais detalhado', 'mais nítida', 'mais nítido', 'mais nitidez', 'maior resolução',
    'alta resolução', 'melhor qualidade',
    'più dettagli', 'più dettagliato', 'più nitida', 'più nitido', 'più nitidezza', 'risoluzione più alta',
    'maggiore risoluzione', 'più risoluzione', 'alta risoluzione', 'migliore qualità',
  ],
  /** Verbs that change something in a picture; alone they may still describe a new one. */
  edit: [
    'add', 'remove', 'delete', 'erase', 'change', 'replace', 'swap', 'recolor', 'recolour', 'colorize', 'colourize',
    'convert', 'transform', 'edit', 'modify', 'adjust', 'move', 'resize', 'increase', 'decrease', 'reduce', 'apply',
    'put', 'tweak', 'fix', 'get rid of', 'take out', 'take away', 'place', 'insert',
    'añade', 'añadir', 'agrega', 'agregar', 'pon', 'poner', 'quita', 'quitar', 'elimina', 'eliminar', 'borra',
    'cambia', 'cambiar', 'reemplaza', 'sustituye', 'convierte', 'convertir', 'transforma', 'edita', 'modifica',
    'ajusta', 'aumenta', 'disminuye', 'mueve', 'coloca', 'incluye',
    'ajoute', 'ajouter', 'mets', 'enlève', 'enlever', 'retire', 'supprime', 'efface', 'changer', 'remplace',
    'convertis', 'modifie', 'ajuste', 'augmente', 'réduis', 'diminue', 'déplace', 'insère',
    'füge', 'füg', 'hinzu', 'entferne', 'lösche', 'ändere', 'änder', 'ersetze', 'tausche', 'verwandle', 'bearbeite',
    'erhöhe', 'verringere', 'reduziere', 'verschiebe', 'setze', 'platziere',
    'adicione', 'adiciona', 'acrescente', 'coloque', 'ponha', 'põe', 'remova', 'retire', 'tire', 'apague', 'mude',
    'muda', 'altere', 'altera', 'troque', 'substitua', 'transforme', 'converta', 'edite', 'ajuste', 'aumente',
    'diminua', 'reduza', 'mova',
    'aggiungi', 'metti', 'rimuovi', 'togli', 'cancella', 'sostituisci', 'trasforma', 'converti', 'regola',
    'diminuisci', 'riduci', 'sposta', 'inserisci',
  ],
  /** Verbs that change something only when they point at it ("make it bluer", not "make a cat"). */
  soft: [
    'make', 'turn', 'give', 'paint', 'color', 'colour', 'set', 'keep', 'let',
    'haz', 'hacer', 'deja', 'dejar', 'vuelve', 'pinta', 'dale', 'machen',
    'fais', 'rends', 'rendre', 'donne', 'peins',
    'mach', 'mache', 'gib', 'färbe', 'lass',
    'faça', 'faz', 'deixe', 'deixa', 'torne', 'torna', 'dê', 'pinte',
    'fai', 'rendi', 'dai', 'colora', 'dipingi',
  ],
  /** Operations that need no object: they can only mean the last image ("rotate 90 degrees"). */
  transform: [
    'rotate', 'flip', 'mirror', 'crop', 'blur', 'brighten', 'darken', 'lighten', 'desaturate', 'saturate', 'invert',
    'zoom', 'zoom in', 'zoom out', 'soften', 'warm up', 'cool down', 'tint', 'tone down', 'straighten',
    'gira', 'girar', 'rota', 'rotar', 'voltea', 'invierte', 'recorta', 'recortar', 'desenfoca', 'aclara',
    'oscurece', 'ilumina', 'difumina', 'amplía',
    'tourne', 'pivote', 'retourne', 'recadre', 'recadrer', 'floute', 'éclaircis', 'assombris', 'inverse',
    'dreh', 'drehe', 'drehen', 'spiegle', 'spiegele', 'spiegeln', 'beschneide', 'schneide', 'zuschneiden',
    'verwische', 'weichzeichnen', 'aufhellen', 'abdunkeln', 'invertiere',
    'gire', 'rotacione', 'vire', 'espelhe', 'inverta', 'recorte', 'corte', 'desfoque', 'clareie', 'escureça',
    'ruota', 'capovolgi', 'specchia', 'ritaglia', 'sfoca', 'schiarisci', 'scurisci', 'inverti',
  ],
  /** Adjustments named by their result ("black and white", "warmer", "more blue"). */
  adjust: [
    'black and white', 'black & white', 'b&w', 'b/w', 'grayscale', 'greyscale', 'gray scale', 'monochrome',
    'sepia', 'desaturated', 'brighter', 'darker', 'lighter', 'dimmer', 'warmer', 'cooler', 'colder', 'hotter',
    'bluer', 'redder', 'greener', 'yellower', 'pinker', 'more colorful', 'more colourful', 'less colorful',
    'more vibrant', 'more saturated', 'less saturated', 'more contrast', 'less contrast', 'higher contrast',
    'lower contrast', 'blurry', 'blurrier', 'blurred', 'softer', 'bigger', 'smaller', 'larger', 'wider', 'taller',
    'rotated', 'flipped', 'mirrored', 'cropped', 'inverted', 'upside down', 'vintage', 'widescreen', 'too dark',
    'too bright', 'too light', 'too blurry', 'too saturated', 'too warm', 'too cold', 'in color', 'in colour',
    'blanco y negro', 'en blanco y negro', 'escala de grises', 'más brillante', 'más claro', 'más clara',
    'más oscuro', 'más oscura', 'más cálido', 'más cálida', 'más frío', 'más fría', 'más saturado',
    'menos saturado', 'más contraste', 'más colorido', 'borroso', 'desenfocado', 'más grande', 'más pequeño',
    'al revés',
    'noir et blanc', 'en noir et blanc', 'niveaux de gris', 'plus lumineux', 'plus lumineuse', 'plus clair',
    'plus claire', 'plus sombre', 'plus foncé', 'plus foncée', 'plus chaud', 'plus chaude', 'plus froid',
    'plus froide', 'plus saturé', 'plus saturée', 'plus de contraste', 'plus coloré', 'flou', 'floue',
    'plus grand', 'plus petit', "à l'envers",
    'schwarz-weiß', 'schwarzweiß', 'schwarz weiß', 'in schwarz-weiß', 'graustufen', 'heller', 'dunkler', 'wärmer',
    'kälter', 'kühler', 'farbiger', 'bunter', 'gesättigter', 'mehr kontrast', 'unscharf', 'verschwommen',
    'größer', 'kleiner',
    'preto e branco', 'em preto e branco', 'tons de cinza', 'escala de cinza', 'mais claro', 'mais clara',
    'mais brilhante', 'mais escuro', 'mais escura', 'mais quente', 'mais frio', 'mais fria', 'mais saturado',
    'mais contraste', 'mais colorido', 'desfocado', 'borrado', 'maior', 'menor', 'de cabeça para baixo',
    'bianco e nero', 'in bianco e nero', 'scala di grigi', 'seppia', 'più luminoso', 'più luminosa', 'più chiaro',
    'più chiara', 'più scuro', 'più scura', 'più caldo', 'più calda', 'più freddo', 'più fredda', 'più saturo',
    'più contrasto', 'più colorato', 'sfocato', 'sfocata', 'più grande', 'più piccolo', 'capovolto',
  ],
  /** Words that point at an image that already exists. */
  reference: [
    'it', 'this', 'this one', 'that one', 'this image', 'that image', 'this picture', 'this photo', 'the image',
    'the picture', 'the photo', 'the pic', 'the last one', 'the last image', 'the previous one',
    'the previous image', 'the result', 'the same', 'its', 'them', 'her', 'him', 'the background',
    'the foreground', 'the colors', 'the colours', 'the sky', 'the lighting', 'the whole thing', 'make that',
    'esto', 'eso', 'esta imagen', 'la imagen', 'la foto', 'el fondo', 'los colores', 'el cielo', 'la anterior',
    'lo mismo',
    'ça', 'cela', 'cette image', "l'image", 'la photo', 'cette photo', 'le fond', "l'arrière-plan", 'les couleurs',
    'le ciel', 'rends-le', 'rends-la', 'fais-le', 'fais-la', 'tourne-la', 'tourne-le', 'mets-le', 'mets-la',
    'change-la', 'change-le',
    'das bild', 'dieses bild', 'das foto', 'dieses foto', 'den hintergrund', 'der hintergrund', 'die farben',
    'den himmel', 'mach es', 'mache es', 'mach das', 'mache das', 'dreh es', 'drehe es', 'färbe es', 'mach ihn',
    'mach sie',
    'isso', 'isto', 'a imagem', 'essa imagem', 'esta imagem', 'a foto', 'essa foto', 'o fundo', 'as cores', 'o céu',
    'deixe-a', 'deixa-a', 'deixe-o', 'deixa-o',
    "l'immagine", 'questa immagine', 'questa foto', 'lo sfondo', 'i colori', 'il cielo', 'fallo', 'falla',
  ],
  /** Follow-up words: this message continues from the last one. */
  marker: [
    'again', 'instead', 'this time', 'same but', 'same', 'but', 'once more', 'now',
    'otra vez', 'de nuevo', 'en cambio', 'pero', 'ahora', 'esta vez',
    'encore', 'plutôt', 'maintenant', 'cette fois',
    'nochmal', 'noch einmal', 'stattdessen', 'aber', 'jetzt', 'diesmal',
    'novamente', 'em vez disso', 'agora', 'desta vez', 'porém',
    'di nuovo', 'ancora', 'invece', 'ma', 'ora', 'questa volta',
  ],
  /** Asking for a picture ("draw me"); matched so "make me a cat" is not read as "make ... a cat". */
  request: [
    'create', 'generate', 'draw', 'render', 'design', 'illustrate', 'produce', 'imagine', 'show me', 'depict',
    'visualize', 'visualise', 'sketch', 'give me', 'make me', 'draw me', 'paint me', 'create me', 'show',
    'look like', 'looks like', 'crea', 'créame', 'genera', 'genérame', 'dibuja', 'dibújame', 'hazme', 'píntame',
    'muéstrame', 'dame', 'crée', 'crée-moi', 'génère', 'génère-moi', 'dessine', 'dessine-moi', 'fais-moi',
    'peins-moi', 'montre-moi', 'donne-moi', 'erstelle', 'erzeuge', 'generiere', 'zeichne', 'male mir', 'zeig mir',
    'gib mir', 'mach mir', 'crie', 'gere', 'desenhe', 'desenha', 'me mostre', 'me faça', 'creami', 'generami',
    'disegna', 'disegnami', 'fammi', 'mostrami', 'dammi',
  ],
  /** Nouns for a picture: with a question, they make it a request ("can I get a picture of ...?"). */
  medium: [
    'image', 'picture', 'pic', 'photo', 'drawing', 'painting', 'illustration', 'wallpaper', 'poster', 'artwork',
    'imagen', 'foto', 'dibujo', 'pintura', 'ilustración', 'dessin', 'peinture', 'bild', 'zeichnung', 'gemälde',
    'imagem', 'desenho', 'immagine', 'disegno', 'dipinto',
  ],
};

/** "more" / "less" before any word is an adjustment ("more blue", "más azul", "plus rouge"). */
export const COMPARATIVES = [
  'more', 'less', 'mas', 'menos', 'plus', 'moins', 'mehr', 'weniger', 'mais', 'piu', 'meno',
] as const;

/** Pronouns for "it" that are only read so in their own language (Spanish "es" means "is"). */
export const LANGUAGE_REFERENCES: Readonly<Partial<Record<Language, readonly string[]>>> = {
  de: ['es', 'ihn'],
};

/** Object pronouns fused to a verb ("hazlo", "cámbiala", "rendilo", "ruotala"): the verb, pointing at the image. */
export const CLITICS = ['lo', 'la', 'los', 'las', 'le', 'li'] as const;

/**
 * Articles that point at something already there ("remove the tree"). Portuguese "a" / "o" are left out:
 * they are also English and Spanish words.
 */
export const DEFINITE = [
  'the', 'its', 'his', 'her', 'their', 'el', 'la', 'los', 'las', 'le', 'les', "l'", 'der', 'die', 'das', 'den',
  'dem', 'os', 'il', 'lo', 'gli',
] as const;

/** Prepositions that say where a change goes; contracted forms carry a definite article ("al", "im", "sul"). */
export const PLACES = [
  'to', 'in', 'on', 'into', 'onto', 'at', 'over', 'under', 'near', 'beside', 'behind', 'next to', 'above', 'below',
  'en', 'sobre', 'junto a', 'dans', 'sur', 'à', 'zu', 'auf', 'an', 'neben', 'über', 'em', 'su', 'sopra',
] as const;
export const PLACES_DEFINITE = [
  'al', 'au', 'aux', 'im', 'am', 'zum', 'zur', 'ins', 'no', 'na', 'nos', 'nas', 'ao', 'sul', 'sulla', 'nel', 'nella',
  'alla', 'allo',
] as const;

/** Asking for the same picture again ("another one"): generate the last prompt once more. */
export const REPEAT = [
  'another one', 'one more', 'again', 'do it again', 'same again', 'another', 'one more time', 'another please',
  'draw it again', 'make it again', 'generate it again', 'try again', 'make another', 'make another one',
  'generate another', 'generate another one', 'create another', 'create another one', 'draw another one',
  'otra', 'otra vez', 'otra más', 'una más', 'hazlo de nuevo', 'encore', 'encore une', 'une autre', 'encore une fois',
  'noch eins', 'noch einmal', 'nochmal', 'noch ein', 'outra', 'mais uma', 'outra vez', "un'altra", 'ancora',
  'un altro', "ancora un'altra",
] as const;

/** Words that may sit inside a change without describing anything new ("rotate it 90 degrees to the left"). */
export const CHANGE_FILLERS = [
  'a', 'an', 'the', 'to', 'of', 'in', 'on', 'at', 'by', 'for', 'with', 'and', 'or', 'into', 'some', 'bit', 'little',
  'slightly', 'much', 'very', 'lot', 'way', 'tad', 'touch', 'degrees', 'degree', 'deg', 'ratio', 'aspect',
  'percent', 'times', 'x', 'clockwise', 'counterclockwise', 'counter-clockwise', 'anticlockwise', 'left', 'right',
  'horizontally', 'vertically', 'horizontal', 'vertical', 'square', 'format', 'up', 'down', 'please', 'too', 'so',
  'style', 'look', 'like', 'as', 'estilo', 'como', 'stil', 'stile', 'come', 'version',
  'el', 'la', 'los', 'las', 'un', 'una', 'de', 'del', 'al', 'en', 'con', 'y', 'o', 'poco', 'muy', 'grados',
  'izquierda', 'derecha', 'formato', 'le', 'les', "l'", 'une', 'des', 'du', "d'", 'au', 'avec', 'et', 'ou', 'peu',
  'tres', 'degres', 'gauche', 'droite', 'der', 'die', 'das', 'den', 'dem', 'ein', 'eine', 'einen', 'zu', 'auf',
  'im', 'mit', 'und', 'oder', 'etwas', 'bisschen', 'sehr', 'grad', 'links', 'rechts', 'os', 'as', 'um', 'uma',
  'do', 'da', 'em', 'no', 'na', 'com', 'e', 'pouco', 'muito', 'graus', 'il', 'lo', 'gli', 'i', "un'", 'uno', 'di',
  'della', 'nel', 'po', 'molto', 'gradi', 'sinistra', 'destra',
] as const;

/** "can you make videos?" asks what the assistant does, not for a picture. */
export const GENERIC_MEDIA = [
  'photos', 'images', 'pictures', 'videos', 'video', 'gifs', 'animations', 'logos', 'drawings', 'paintings',
  'fotos', 'imagenes', 'dibujos', 'dessins', 'bilder', 'imagens', 'immagini',
] as const;

/** An indefinite article: "to a mountain landscape" sets a new scene. */
export const INDEFINITE = [
  'a', 'an', 'some', 'un', 'una', 'unos', 'unas', 'une', 'des', 'ein', 'eine', 'einen', 'einem', 'einer', 'um',
  'uma', 'uno', "un'",
] as const;
