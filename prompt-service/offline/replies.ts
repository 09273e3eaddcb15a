import type { ChatReason } from './intent.js';
import type { Language } from './language.js';

/** What the offline engine says back, in the language the user wrote in. */
export interface Replies {
  chat: Readonly<Record<ChatReason, string>>;
  generate(subject: string): string;
  /** A vague request ("surprise me") answered with a subject of the engine's choosing. */
  inspiration(subject: string): string;
  repeat(subject: string): string;
  edit(change: string): string;
  /** The conversation is known to have no image to change. */
  editNoImage(change: string): string;
  enhance: string;
  enhanceNoImage: string;
}

export const REPLIES: Readonly<Record<Language, Replies>> = {
  en: {
    chat: {
      greeting:
        'Hello! I\'m Atelier. Describe an image and I\'ll create it, for example "a lighthouse on a cliff at sunset, watercolor". I can also change your latest image ("make it black and white", "crop to 16:9") or enhance it.',
      thanks: "You're welcome! Describe the next image whenever you like, or ask me to change the last one.",
      capabilities:
        'I turn descriptions into images. Tell me what to create, with a style or mood if you like, and I\'ll refine the prompt and make it; every image is saved to your gallery. Then ask for changes (brighter, warmer, black and white, blur, rotate, crop to 16:9) or say "enhance" for more detail and a higher resolution.',
      smalltalk: "I'm doing well, thanks for asking! What would you like me to create?",
      farewell: 'Goodbye! Your images are waiting in your gallery.',
      decline: "No problem. Tell me what you'd like instead.",
      ack: "Great! Describe the next image whenever you're ready, or ask me to change the last one.",
      question: "I can't answer general questions, but I can make images: describe what you'd like to see and I'll create it.",
      unclear: 'I couldn\'t find an image description in that. Tell me what you\'d like to see, for example "a cozy cabin in a snowy forest at night".',
      link: "I can't open links. Describe the image you want in words and I'll create it.",
      'empty-request': 'What should I create? Describe the subject, and a style or mood if you like.',
      'repeat-nothing': "There's no earlier image in this conversation to make another of. Describe what you'd like to see.",
    },
    generate: (subject) => `Creating ${subject}.`,
    inspiration: (subject) => `No subject given, so here is an idea: ${subject}.`,
    repeat: (subject) => `Making another one: ${subject}.`,
    edit: (change) => `Changing your latest image: ${change}.`,
    editNoImage: (change) => `"${change}" changes an earlier image, but this conversation has none yet. Describe a new image first.`,
    enhance: 'Enhancing your latest image: more detail and a higher resolution.',
    enhanceNoImage: 'There is no image in this conversation to enhance yet. Describe a new image first.',
  },
  es: {
    chat: {
      greeting:
        '¡Hola! Soy Atelier. Describe una imagen y la crearé, por ejemplo "un faro en un acantilado al atardecer, acuarela". También puedo cambiar tu última imagen ("hazla en blanco y negro", "recórtala a 16:9") o mejorarla.',
      thanks: '¡De nada! Describe la siguiente imagen cuando quieras, o pídeme que cambie la última.',
      capabilities:
        'Convierto descripciones en imágenes. Dime qué crear, con un estilo o ambiente si quieres, y refinaré el prompt y la haré; cada imagen se guarda en tu galería. Después puedes pedir cambios (más brillante, más cálida, blanco y negro, desenfocar, girar, recortar a 16:9) o decir "mejora" para más detalle y más resolución.',
      smalltalk: '¡Muy bien, gracias por preguntar! ¿Qué te gustaría que creara?',
      farewell: '¡Adiós! Tus imágenes te esperan en tu galería.',
      decline: 'Sin problema. Dime qué te gustaría en su lugar.',
      ack: '¡Genial! Describe la siguiente imagen cuando quieras, o pídeme que cambie la última.',
      question: 'No puedo responder preguntas generales, pero sí crear imágenes: describe lo que te gustaría ver y lo crearé.',
      unclear: 'No encontré la descripción de una imagen. Dime qué te gustaría ver, por ejemplo "una cabaña acogedora en un bosque nevado de noche".',
      link: 'No puedo abrir enlaces. Describe con palabras la imagen que quieres y la crearé.',
      'empty-request': '¿Qué debo crear? Describe el tema y, si quieres, un estilo o ambiente.',
      'repeat-nothing': 'No hay ninguna imagen anterior en esta conversación. Describe lo que te gustaría ver.',
    },
    generate: (subject) => `Creando: ${subject}.`,
    inspiration: (subject) => `No indicaste un tema, así que aquí va una idea: ${subject}.`,
    repeat: (subject) => `Creando otra: ${subject}.`,
    edit: (change) => `Cambiando tu última imagen: ${change}.`,
    editNoImage: (change) => `"${change}" cambia una imagen anterior, pero esta conversación aún no tiene ninguna. Describe primero una imagen nueva.`,
    enhance: 'Mejorando tu última imagen: más detalle y más resolución.',
    enhanceNoImage: 'Todavía no hay ninguna imagen que mejorar en esta conversación. Describe primero una imagen nueva.',
  },
  fr: {
    chat: {
      greeting:
        'Bonjour ! Je suis Atelier. Décrivez une image et je la crée, par exemple « un phare sur une falaise au coucher du soleil, aquarelle ». Je peux aussi modifier votre dernière image (« en noir et blanc », « recadre en 16:9 ») ou l\'améliorer.',
      thanks: "Avec plaisir ! Décrivez la prochaine image quand vous voulez, ou demandez-moi de modifier la dernière.",
      capabilities:
        "Je transforme des descriptions en images. Dites-moi quoi créer, avec un style ou une ambiance si vous voulez, j'affine le prompt et je la crée ; chaque image est enregistrée dans votre galerie. Ensuite, demandez des modifications (plus lumineux, plus chaud, noir et blanc, flou, rotation, recadrage en 16:9) ou dites « améliore » pour plus de détails et une meilleure résolution.",
      smalltalk: 'Très bien, merci ! Que voulez-vous que je crée ?',
      farewell: 'Au revoir ! Vos images vous attendent dans votre galerie.',
      decline: "Pas de problème. Dites-moi ce que vous voulez à la place.",
      ack: 'Super ! Décrivez la prochaine image quand vous êtes prêt, ou demandez-moi de modifier la dernière.',
      question: "Je ne réponds pas aux questions générales, mais je crée des images : décrivez ce que vous voulez voir et je le crée.",
      unclear: "Je n'ai pas trouvé de description d'image. Dites-moi ce que vous voulez voir, par exemple « une cabane douillette dans une forêt enneigée la nuit ».",
      link: "Je ne peux pas ouvrir les liens. Décrivez l'image voulue avec des mots et je la crée.",
      'empty-request': 'Que dois-je créer ? Décrivez le sujet, et un style ou une ambiance si vous voulez.',
      'repeat-nothing': "Il n'y a pas encore d'image dans cette conversation. Décrivez ce que vous voulez voir.",
    },
    generate: (subject) => `Création : ${subject}.`,
    inspiration: (subject) => `Pas de sujet précisé, voici une idée : ${subject}.`,
    repeat: (subject) => `Une autre : ${subject}.`,
    edit: (change) => `Modification de votre dernière image : ${change}.`,
    editNoImage: (change) => `« ${change} » modifie une image précédente, mais cette conversation n'en a pas encore. Décrivez d'abord une nouvelle image.`,
    enhance: 'Amélioration de votre dernière image : plus de détails et une meilleure résolution.',
    enhanceNoImage: "Il n'y a pas encore d'image à améliorer dans cette conversation. Décrivez d'abord une nouvelle image.",
  },
  de: {
    chat: {
      greeting:
        'Hallo! Ich bin Atelier. Beschreibe ein Bild und ich erstelle es, zum Beispiel „ein Leuchtturm auf einer Klippe bei Sonnenuntergang, Aquarell“. Ich kann auch dein letztes Bild ändern („mach es schwarz-weiß“, „auf 16:9 zuschneiden“) oder verbessern.',
      thanks: 'Gern geschehen! Beschreibe das nächste Bild, wann immer du willst, oder bitte mich, das letzte zu ändern.',
      capabilities:
        'Ich mache aus Beschreibungen Bilder. Sag mir, was ich erstellen soll, gern mit Stil oder Stimmung; ich verfeinere den Prompt und erstelle es, und jedes Bild landet in deiner Galerie. Danach kannst du Änderungen wünschen (heller, wärmer, schwarz-weiß, weichzeichnen, drehen, auf 16:9 zuschneiden) oder „verbessern“ sagen für mehr Details und eine höhere Auflösung.',
      smalltalk: 'Mir geht es gut, danke der Nachfrage! Was soll ich für dich erstellen?',
      farewell: 'Tschüss! Deine Bilder warten in deiner Galerie.',
      decline: 'Kein Problem. Sag mir, was du stattdessen möchtest.',
      ack: 'Super! Beschreibe das nächste Bild, wenn du so weit bist, oder bitte mich, das letzte zu ändern.',
      question: 'Allgemeine Fragen kann ich nicht beantworten, aber Bilder erstellen: Beschreibe, was du sehen möchtest, und ich erstelle es.',
      unclear: 'Ich habe darin keine Bildbeschreibung gefunden. Sag mir, was du sehen möchtest, zum Beispiel „eine gemütliche Hütte in einem verschneiten Wald bei Nacht“.',
      link: 'Links kann ich nicht öffnen. Beschreibe das gewünschte Bild in Worten und ich erstelle es.',
      'empty-request': 'Was soll ich erstellen? Beschreibe das Motiv und, wenn du magst, einen Stil oder eine Stimmung.',
      'repeat-nothing': 'In dieser Unterhaltung gibt es noch kein Bild. Beschreibe, was du sehen möchtest.',
    },
    generate: (subject) => `Wird erstellt: ${subject}.`,
    inspiration: (subject) => `Kein Motiv angegeben, hier ist eine Idee: ${subject}.`,
    repeat: (subject) => `Noch eins: ${subject}.`,
    edit: (change) => `Ich ändere dein letztes Bild: ${change}.`,
    editNoImage: (change) => `„${change}“ ändert ein früheres Bild, aber diese Unterhaltung hat noch keins. Beschreibe zuerst ein neues Bild.`,
    enhance: 'Ich verbessere dein letztes Bild: mehr Details und eine höhere Auflösung.',
    enhanceNoImage: 'In dieser Unterhaltung gibt es noch kein Bild zum Verbessern. Beschreibe zuerst ein neues Bild.',
  },
  pt: {
    chat: {
      greeting:
        'Olá! Eu sou o Atelier. Descreva uma imagem e eu a crio, por exemplo "um farol num penhasco ao pôr do sol, aquarela". Também posso mudar sua última imagem ("deixe em preto e branco", "corte para 16:9") ou melhorá-la.',
      thanks: 'De nada! Descreva a próxima imagem quando quiser, ou peça para eu mudar a última.',
      capabilities:
        'Eu transformo descrições em imagens. Diga o que criar, com um estilo ou clima se quiser, e eu refino o prompt e crio a imagem; cada imagem fica salva na sua galeria. Depois, peça mudanças (mais clara, mais quente, preto e branco, desfoque, girar, cortar para 16:9) ou diga "melhore" para mais detalhes e mais resolução.',
      smalltalk: 'Tudo ótimo, obrigado por perguntar! O que você quer que eu crie?',
      farewell: 'Tchau! Suas imagens estão esperando na sua galeria.',
      decline: 'Sem problema. Diga o que você prefere.',
      ack: 'Ótimo! Descreva a próxima imagem quando quiser, ou peça para eu mudar a última.',
      question: 'Não consigo responder perguntas gerais, mas posso criar imagens: descreva o que você quer ver e eu crio.',
      unclear: 'Não encontrei uma descrição de imagem. Diga o que você quer ver, por exemplo "uma cabana aconchegante numa floresta nevada à noite".',
      link: 'Não consigo abrir links. Descreva em palavras a imagem que você quer e eu a crio.',
      'empty-request': 'O que devo criar? Descreva o tema e, se quiser, um estilo ou clima.',
      'repeat-nothing': 'Ainda não há nenhuma imagem nesta conversa. Descreva o que você quer ver.',
    },
    generate: (subject) => `Criando: ${subject}.`,
    inspiration: (subject) => `Nenhum tema indicado, então aqui vai uma ideia: ${subject}.`,
    repeat: (subject) => `Criando outra: ${subject}.`,
    edit: (change) => `Mudando sua última imagem: ${change}.`,
    editNoImage: (change) => `"${change}" muda uma imagem anterior, mas esta conversa ainda não tem nenhuma. Descreva primeiro uma imagem nova.`,
    enhance: 'Melhorando sua última imagem: mais detalhes e mais resolução.',
    enhanceNoImage: 'Ainda não há nenhuma imagem para melhorar nesta conversa. Descreva primeiro uma imagem nova.',
  },
  it: {
    chat: {
      greeting:
        'Ciao! Sono Atelier. Descrivi un\'immagine e la creo, per esempio "un faro su una scogliera al tramonto, acquerello". Posso anche modificare la tua ultima immagine ("rendila in bianco e nero", "ritaglia a 16:9") o migliorarla.',
      thanks: 'Prego! Descrivi la prossima immagine quando vuoi, oppure chiedimi di modificare l\'ultima.',
      capabilities:
        'Trasformo descrizioni in immagini. Dimmi cosa creare, con uno stile o un\'atmosfera se vuoi, e rifinisco il prompt e la creo; ogni immagine viene salvata nella tua galleria. Poi puoi chiedere modifiche (più luminosa, più calda, bianco e nero, sfocatura, ruota, ritaglia a 16:9) o dire "migliora" per più dettagli e una risoluzione più alta.',
      smalltalk: 'Sto bene, grazie! Cosa vuoi che crei?',
      farewell: 'Ciao! Le tue immagini ti aspettano nella galleria.',
      decline: 'Nessun problema. Dimmi cosa preferisci.',
      ack: 'Ottimo! Descrivi la prossima immagine quando sei pronto, oppure chiedimi di modificare l\'ultima.',
      question: 'Non posso rispondere a domande generali, ma posso creare immagini: descrivi cosa vorresti vedere e lo creo.',
      unclear: 'Non ho trovato la descrizione di un\'immagine. Dimmi cosa vorresti vedere, per esempio "una baita accogliente in un bosco innevato di notte".',
      link: 'Non posso aprire i link. Descrivi a parole l\'immagine che vuoi e la creo.',
      'empty-request': 'Cosa devo creare? Descrivi il soggetto e, se vuoi, uno stile o un\'atmosfera.',
      'repeat-nothing': 'In questa conversazione non c\'è ancora nessuna immagine. Descrivi cosa vorresti vedere.',
    },
    generate: (subject) => `Creo: ${subject}.`,
    inspiration: (subject) => `Nessun soggetto indicato, ecco un'idea: ${subject}.`,
    repeat: (subject) => `Ne creo un'altra: ${subject}.`,
    edit: (change) => `Modifico la tua ultima immagine: ${change}.`,
    editNoImage: (change) => `"${change}" modifica un'immagine precedente, ma questa conversazione non ne ha ancora. Descrivi prima una nuova immagine.`,
    enhance: 'Miglioro la tua ultima immagine: più dettagli e una risoluzione più alta.',
    enhanceNoImage: 'In questa conversazione non c\'è ancora nessuna immagine da migliorare. Descrivi prima una nuova immagine.',
  },
};

/** Text for a reply: at most `max` characters, ending in "…" when shortened. */
export function excerpt(text: string, max = 120): string {
  if (text.length <= max) return text;
  const cut = text.lastIndexOf(' ', max - 1);
  return `${text.slice(0, cut > max / 2 ? cut : max - 1).replace(/[\s,;:]+$/u, '')}…`;
}
