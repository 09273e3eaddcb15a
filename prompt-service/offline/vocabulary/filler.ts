/**
 * The words around a request that are not its subject, in English, Spanish, French, German,
 * Portuguese and Italian. Phrases are written naturally; matching folds case and accents.
 */

/** Politeness and conversation glue that may open any message ("ok so now, please ..."). */
export const POLITE = [
  'please', 'pls', 'plz', 'kindly', 'so', 'well', 'uh', 'umm', 'hmm', 'oh', 'now', 'then', 'and', 'also',
  'just', 'next', 'atelier', 'hey atelier', 'by the way', 'btw', 'alright', 'okay so', 'ok so',
  'por favor', 'oye', 'bueno', 'vale', 'ahora', 'y', 'también', 'pues', 'entonces', 'ya',
  "s'il te plaît", "s'il vous plaît", 'stp', 'svp', 'alors', 'bon', 'maintenant', 'et', 'aussi', 'ensuite', 'puis',
  'bitte', 'jetzt', 'und', 'auch', 'dann', 'na', 'nun', 'also bitte',
  'agora', 'e', 'então', 'bom',
  'per favore', 'per piacere', 'allora', 'ora', 'adesso', 'anche', 'poi', 'dai',
] as const;

/** Asking phrases that come before the request ("could you", "I'd like"). */
export const MODAL = [
  'can you', 'could you', 'would you', 'will you', 'can u', 'could u', 'would u', 'would you mind', 'do you mind',
  'i want', 'i wanna', 'i want you to', 'i would like', "i'd like", 'id like', 'i would love', "i'd love",
  'i need', 'i need you to', "i'd like you to", 'i would like you to', 'i wish', "i'm looking for", 'im looking for',
  "let's", 'lets', 'let me see', 'let me get', 'let me have', 'may i have', 'can i have', 'can i get',
  'could i have', 'could i get', "i'd like to see", 'i want to see', 'i would like to see', "i'd love to see",
  'help me', 'go ahead and', 'try to', 'try and', 'how about', 'what about', 'what if', 'is it possible to',
  'would it be possible to', 'what does', 'what would', 'what do', 'what will',
  'puedes', 'podrías', 'me puedes', 'me podrías', 'quiero', 'yo quiero', 'quiero que', 'quisiera',
  'me gustaría', 'me encantaría', 'necesito', 'qué tal', 'y si',
  'peux-tu', 'peux tu', 'pouvez-vous', 'pouvez vous', 'pourrais-tu', 'pourriez-vous', 'tu peux', 'tu pourrais',
  'vous pouvez', 'est-ce que tu peux', 'est-ce que vous pouvez', 'je veux', 'je voudrais', "j'aimerais",
  "j'ai besoin de", "j'ai besoin d'", 'et si',
  'kannst du', 'könntest du', 'können sie', 'könnten sie', 'ich möchte', 'ich will', 'ich hätte gern',
  'ich hätte gerne', 'ich brauche', 'ich wünsche mir', 'wie wäre es mit',
  'você pode', 'pode', 'podes', 'poderia', 'você poderia', 'eu quero', 'quero', 'eu gostaria de', 'gostaria de',
  'eu gostaria', 'gostaria', 'preciso de', 'que tal', 'e se',
  'puoi', 'potresti', 'può', 'voglio', 'vorrei', 'mi piacerebbe', 'ho bisogno di', 'che ne dici di',
] as const;

/** Verbs that ask for an image. The style a verb implies ("paint", "sketch") is read from the whole text. */
export const REQUEST_VERBS = [
  'create', 'generate', 'draw', 'make', 'paint', 'render', 'design', 'illustrate', 'produce', 'imagine', 'show',
  'depict', 'visualize', 'visualise', 'craft', 'conjure', 'dream up', 'come up with', 'give', 'get', 'sketch',
  'show me', 'give me', 'get me', 'draw me', 'make me', 'create me', 'paint me', 'generate me',
  'crea', 'créame', 'crear', 'genera', 'genérame', 'generar', 'dibuja', 'dibújame', 'dibujar', 'haz', 'hazme',
  'hacer', 'pinta', 'píntame', 'pintar', 'diseña', 'diséñame', 'muestra', 'muéstrame', 'dame', 'imagina',
  'ilustra', 'renderiza', 'produce',
  'crée', 'crée-moi', 'créer', 'génère', 'génère-moi', 'générer', 'dessine', 'dessine-moi', 'dessiner', 'fais',
  'fais-moi', 'faire', 'peins', 'peins-moi', 'peindre', 'montre-moi', 'montre', 'donne-moi', 'illustre',
  'réalise', 'réalise-moi', 'conçois',
  'erstelle', 'erstell', 'erstellen', 'erzeuge', 'erzeugen', 'generiere', 'generieren', 'zeichne', 'zeichnen',
  'mach', 'mache', 'machen', 'male mir', 'mal mir', 'zeig', 'zeige', 'zeig mir', 'zeige mir', 'gib mir', 'entwirf',
  'illustriere', 'rendere', 'stell dir vor',
  'crie', 'cria', 'criar', 'gere', 'gera', 'gerar', 'desenhe', 'desenha', 'desenhar', 'faça', 'faz', 'fazer',
  'pinte', 'mostre', 'mostra', 'mostre-me', 'me mostre', 'me dê', 'dê-me', 'ilustre', 'produza', 'renderize',
  'me faça', 'me faz', 'me crie', 'me desenhe', 'me gera', 'me gere',
  'creami', 'creare', 'generami', 'generare', 'disegna', 'disegnami', 'disegnare', 'fai', 'fammi', 'fare',
  'dipingi', 'dipingimi', 'dipingere', 'mostrami', 'dammi', 'immagina', 'illustra', 'realizza', 'realizzami',
] as const;

/** Who the image is for, stripped only right after a request verb ("draw me a cat"). */
export const RECIPIENTS = ['me', 'us', 'mir', 'uns', 'moi', 'nous', 'mi', 'ci', 'nos'] as const;

/** Words for "an image" that say nothing about the style ("a photo of" stays: it is a style). */
export const MEDIUM = [
  'an image of', 'a picture of', 'a pic of', 'an image showing', 'a picture showing', 'an image with',
  'a picture with', 'an image that shows', 'a picture that shows', 'an image depicting', 'a picture depicting',
  'an image featuring', 'image of', 'picture of', 'pic of', 'images of', 'pictures of', 'some images of',
  'una imagen de', 'una imagen con', 'imagen de', 'una imagen que muestre', 'imágenes de',
  'une image de', "une image d'", 'une image avec', 'image de', "image d'", 'une image montrant',
  'une image qui montre',
  'ein bild von', 'ein bild mit', 'ein bild', 'bild von', 'bilder von',
  'uma imagem de', 'uma imagem com', 'imagem de', 'uma imagem mostrando', 'imagens de',
  "un'immagine di", 'una immagine di', "un'immagine con", 'immagine di', "un'immagine che mostra", 'immagini di',
] as const;

/** "an image" alone, stripped only before a colon or dash ("generate an image: a cat"). */
export const MEDIUM_BEFORE_COLON = [
  'an image', 'a picture', 'image', 'una imagen', 'une image', 'uma imagem', "un'immagine",
] as const;

/** Closing politeness, stripped from the end again and again ("for me please, thanks!"). */
export const TRAILING = [
  'please', 'pls', 'plz', 'thanks', 'thank you', 'thx', 'ty', 'thanks a lot', 'thank you very much',
  'thank you so much', 'thanks so much', 'many thanks', 'cheers', 'for me', 'for us', 'if you can',
  'if possible', 'if you could', "if you don't mind", 'asap', 'now', 'look like', 'looks like', 'would look like',
  'for reference', 'as reference', 'as a reference', 'see', 'see attached', 'like this', 'like this one',
  'por favor', 'gracias', 'muchas gracias', 'para mí', 'si puedes', 'si es posible',
  "s'il te plaît", "s'il vous plaît", 'stp', 'svp', 'merci', 'merci beaucoup', 'pour moi', 'si possible',
  'bitte', 'danke', 'danke schön', 'danke sehr', 'vielen dank', 'für mich', 'wenn möglich', 'bitte schön',
  'obrigado', 'obrigada', 'muito obrigado', 'muito obrigada', 'para mim', 'se possível',
  'per favore', 'per piacere', 'grazie', 'grazie mille', 'per me', 'se possibile',
] as const;

/** A request with no real subject: the engine picks one ("surprise me"). */
export const VAGUE_SUBJECTS = [
  'something', 'anything', 'surprise me', 'whatever', 'random', 'something random', 'something cool',
  'something nice', 'something beautiful', 'something interesting', 'anything you want', 'anything you like',
  'whatever you want', 'whatever you like', 'a random image', 'a random picture', 'an image', 'a picture',
  'algo', 'cualquier cosa', 'lo que quieras', 'algo bonito', 'sorpréndeme', 'una imagen',
  'quelque chose', "n'importe quoi", 'ce que tu veux', 'surprends-moi', 'une image',
  'etwas', 'irgendwas', 'irgendetwas', 'was du willst', 'überrasche mich', 'etwas schönes', 'ein bild',
  'qualquer coisa', 'o que quiser', 'me surpreenda', 'surpreenda-me', 'uma imagem',
  'qualcosa', 'quello che vuoi', 'sorprendimi', 'qualcosa di bello', "un'immagine",
] as const;

/** Subjects for a vague request, chosen by a stable hash of the message. */
export const INSPIRATIONS = [
  'a lighthouse on a rocky cliff at sunset',
  'a cozy cabin in a snowy pine forest at night',
  'a red fox curled up in autumn leaves',
  'a floating island with waterfalls above the clouds',
  'a bustling night market in a rainy city',
  'an astronaut drifting past a ringed planet',
  'a field of sunflowers under a summer sky',
  'a tiny dragon asleep on a stack of old books',
] as const;
