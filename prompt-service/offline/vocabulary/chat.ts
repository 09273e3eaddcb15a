/** Messages that are conversation, not an image request, by the kind of answer they need. */

export const CHAT_KINDS = ['capabilities', 'smalltalk', 'thanks', 'greeting', 'farewell', 'decline', 'ack'] as const;
export type ChatKind = (typeof CHAT_KINDS)[number];

export const CHAT_PHRASES: Readonly<Record<ChatKind, readonly string[]>> = {
  capabilities: [
    'what can you do', 'what do you do', 'what can you make', 'what can you create', 'what can you draw',
    'what can i do', 'what can i ask', 'what should i ask', 'what should i do', 'what are you', 'who are you',
    'what is this', "what's this", 'whats this', 'what is atelier', "what's atelier", 'how does this work',
    'how does it work', 'how do i use this', 'how do i use you', 'how to use', 'how do you work', 'help',
    'help me', 'can you help', 'can you help me', 'how can you help', 'how can you help me',
    'what can you help with', 'what can you help me with', 'what are your capabilities', 'what are your features',
    'tell me about yourself', 'introduce yourself', 'are you an ai', 'are you a bot', 'are you a robot',
    'are you human', 'who made you', 'who built you', 'what model are you', "what's your name",
    'what is your name', 'commands', 'instructions', 'features', 'examples', 'menu',
    'qué puedes hacer', 'qué haces', 'qué sabes hacer', 'quién eres', 'qué eres', 'ayuda', 'ayúdame',
    'cómo funciona', 'cómo te uso', 'cómo se usa', 'cómo te llamas',
    'que peux-tu faire', "qu'est-ce que tu peux faire", 'que sais-tu faire', "qu'est-ce que tu sais faire",
    'qui es-tu', 'qui êtes-vous', 'aide', 'aide-moi', 'comment ça marche', 'comment ça fonctionne',
    'tu fais quoi', "comment tu t'appelles",
    'was kannst du', 'was kannst du machen', 'was kannst du tun', 'wer bist du', 'was bist du', 'hilfe',
    'hilf mir', 'wie funktioniert das', 'wie funktionierst du', 'wie heißt du',
    'o que você pode fazer', 'o que você faz', 'o que você sabe fazer', 'quem é você', 'o que é você',
    'ajuda', 'me ajuda', 'como funciona', 'qual é o seu nome',
    'cosa sai fare', 'cosa puoi fare', 'che cosa sai fare', 'che cosa puoi fare', 'chi sei', 'cosa sei',
    'aiuto', 'aiutami', 'come funziona', 'come ti chiami', 'come si usa',
  ],
  smalltalk: [
    'how are you', 'how are you doing', "how's it going", 'hows it going', 'how is it going', 'how are things',
    "what's up", 'whats up', 'wassup', 'sup', 'how do you do', 'nice to meet you', 'are you there', 'you there',
    'how was your day', "how's your day",
    'cómo estás', 'qué tal', 'cómo te va', 'qué onda', 'cómo va todo',
    'ça va', 'comment vas-tu', 'comment allez-vous', 'comment ça va', 'ça va bien',
    "wie geht's", 'wie gehts', 'wie geht es dir', "wie geht's dir", 'alles gut',
    'tudo bem', 'tudo bom', 'como vai', 'como você está', 'como vai você',
    'come stai', 'come va', 'tutto bene', 'come sta',
  ],
  thanks: [
    'thanks', 'thank you', 'thankyou', 'thx', 'ty', 'tysm', 'thank u', 'thanks a lot', 'thanks so much',
    'thank you so much', 'thank you very much', 'many thanks', 'cheers', 'much appreciated', 'appreciated',
    'appreciate it', 'i appreciate it',
    'gracias', 'muchas gracias', 'mil gracias', 'merci', 'merci beaucoup', 'merci bien', 'danke', 'danke schön',
    'danke sehr', 'vielen dank', 'dankeschön', 'obrigado', 'obrigada', 'muito obrigado', 'muito obrigada', 'valeu',
    'grazie', 'grazie mille', 'ti ringrazio',
  ],
  greeting: [
    'hi', 'hello', 'hey', 'heya', 'hiya', 'howdy', 'greetings', 'yo', 'hey there', 'hi there', 'hello there',
    'good morning', 'good afternoon', 'good evening', 'morning',
    'hola', 'buenos días', 'buenas', 'buenas tardes', 'buenas noches',
    'bonjour', 'bonsoir', 'salut', 'coucou',
    'hallo', 'guten tag', 'guten morgen', 'guten abend', 'servus', 'moin',
    'olá', 'oi', 'bom dia', 'boa tarde', 'boa noite',
    'ciao', 'buongiorno', 'buonasera', 'salve',
  ],
  farewell: [
    'bye', 'goodbye', 'bye bye', 'good bye', 'see you', 'see ya', 'see you later', 'later', 'good night',
    'goodnight', 'gotta go',
    'adiós', 'hasta luego', 'hasta pronto', 'chao', 'au revoir', 'à bientôt', 'bonne nuit',
    'tschüss', 'tschüs', 'auf wiedersehen', 'bis bald', 'gute nacht', 'tchau', 'até logo', 'até mais',
    'arrivederci', 'a presto', 'buonanotte',
  ],
  decline: [
    'no', 'nope', 'nah', 'no thanks', 'no thank you', 'non', 'non merci', 'nein', 'nein danke', 'não', 'no gracias',
  ],
  ack: [
    'ok', 'okay', 'okey', 'k', 'kk', 'cool', 'nice', 'great', 'awesome', 'perfect', 'amazing', 'wow', 'beautiful',
    'lovely', 'excellent', 'good job', 'well done', 'nice work', 'great job', 'love it', 'i love it', 'love this',
    'i like it', "that's great", 'thats great', 'looks great', 'looks good', "that's nice", 'so cool', 'very nice',
    'fantastic', 'sweet', 'neat', 'lol', 'haha', 'hahaha', 'yes', 'yeah', 'yep', 'sure', 'fine',
    'good', 'got it', 'understood', 'interesting',
    'genial', 'perfecto', 'bien', 'guay', 'muy bien', 'me encanta', 'qué bonito', 'sí', 'claro',
    "d'accord", 'génial', 'parfait', 'super', 'très bien', "j'adore", 'oui', 'trop bien',
    'toll', 'prima', 'klasse', 'perfekt', 'sehr gut', 'gefällt mir', 'ja', 'gut', 'alles klar',
    'ótimo', 'legal', 'perfeito', 'muito bom', 'adorei', 'sim', 'beleza', 'massa', 'show',
    'bello', 'bella', 'perfetto', 'fantastico', 'bellissimo', 'molto bene', 'mi piace', 'va bene', 'ottimo',
  ],
};

/** Words that may sit around chat phrases without making the message a request ("hi there atelier!"). */
export const CHAT_FILLERS = [
  'atelier', 'there', 'again', 'so', 'much', 'very', 'a', 'lot', 'all', 'everyone', 'guys', 'friend', 'buddy',
  'mate', 'bot', 'dear', 'oh', 'just', 'really', 'too', 'and', 'you', 'then', 'well', 'um', 'hmm', 'y', 'et',
  'und', 'e', 'tu', 'toi', 'du', 'dir', 'te', 'ti', 'lots',
] as const;

/** Words that open a question. */
export const QUESTION_WORDS = [
  'what', "what's", 'whats', 'why', 'how', "how's", 'who', "who's", 'when', 'where', "where's", 'which', 'is',
  'are', 'do', 'does', 'did', 'can', 'could', 'would', 'will', 'should', 'was', 'were', 'am', 'have', 'has',
  'qué', 'por qué', 'cómo', 'quién', 'cuándo', 'dónde', 'cuál', 'cuánto',
  'quoi', 'pourquoi', 'comment', 'qui', 'quand', 'où', 'quel', 'quelle', 'est-ce',
  'was', 'warum', 'wieso', 'wie', 'wer', 'wann', 'wo', 'welche', 'welcher',
  'o que', 'por que', 'porque', 'como', 'quem', 'quando', 'onde', 'qual',
  'cosa', 'che cosa', 'perché', 'come', 'chi', 'dove', 'quale',
] as const;

/** Question openings that are really suggestions for an image ("how about a cat in a hat?"). */
export const SUGGESTIONS = [
  'how about', 'what about', 'what if', 'qué tal', 'y si', 'et si', 'und wenn', 'wie wäre es mit', 'que tal',
  'e se', 'che ne dici di',
] as const;

/** Questions with these words and no image request are about the assistant ("can you speak Spanish?"). */
export const SECOND_PERSON = [
  'you', 'your', 'yourself', 'u', 'tú', 'usted', 'te', 'ti', 'vous', 'toi', 'du', 'dich', 'dir', 'você', 'vc',
] as const;
