/**
 * Emoji the offline engine reads as subjects, in English words the rest of the vocabulary knows.
 * Keys are written without variation selectors (U+FE0F); the lookup strips them too.
 */
export const EMOJI_WORDS: Readonly<Record<string, string>> = {
  // conversation
  '👋': 'hello', '🙏': 'thanks', '👍': 'ok', '👌': 'ok',
  // sky and time of day
  '🌅': 'sunset', '🌄': 'sunrise over mountains', '🌇': 'city sunset', '🌆': 'city at dusk', '🌃': 'city at night',
  '🌙': 'moon', '🌕': 'full moon', '🌛': 'crescent moon', '⭐': 'star', '🌟': 'glowing star', '✨': 'sparkles',
  '🌠': 'shooting star', '🌌': 'milky way galaxy', '☀': 'sun', '🌞': 'sun', '🌈': 'rainbow', '⛅': 'clouds',
  '☁': 'clouds', '🌧': 'rain', '⛈': 'thunderstorm', '🌩': 'lightning', '❄': 'snow', '☃': 'snowman',
  '⛄': 'snowman', '🌪': 'tornado', '🌫': 'fog', '🔥': 'fire', '⚡': 'lightning',
  // nature
  '🌊': 'ocean waves', '🏖': 'beach', '🏝': 'tropical island', '🏔': 'snowy mountain', '⛰': 'mountain',
  '🌋': 'volcano', '🏜': 'desert', '🏞': 'national park landscape', '🌲': 'forest', '🌳': 'tree', '🌴': 'palm tree',
  '🌵': 'cactus', '🍂': 'autumn leaves', '🍁': 'maple leaf', '🍄': 'mushroom', '🌿': 'herbs', '🍀': 'four-leaf clover',
  '🌸': 'cherry blossom flowers', '🌹': 'rose', '🌷': 'tulip', '🌻': 'sunflower', '🌺': 'hibiscus flower',
  '🌼': 'flower', '💐': 'bouquet of flowers', '🪷': 'lotus flower', '🐚': 'seashell',
  // animals
  '🐱': 'cat', '🐈': 'cat', '🐶': 'dog', '🐕': 'dog', '🐩': 'poodle', '🐺': 'wolf', '🦊': 'fox', '🦁': 'lion',
  '🐯': 'tiger', '🐅': 'tiger', '🐴': 'horse', '🐎': 'horse', '🦄': 'unicorn', '🐮': 'cow', '🐷': 'pig',
  '🐑': 'sheep', '🐰': 'rabbit', '🐇': 'rabbit', '🐻': 'bear', '🐼': 'panda', '🐨': 'koala', '🐸': 'frog',
  '🐵': 'monkey', '🐒': 'monkey', '🐔': 'chicken', '🐧': 'penguin', '🐦': 'bird', '🦅': 'eagle', '🦉': 'owl',
  '🦜': 'parrot', '🦋': 'butterfly', '🐝': 'bee', '🐞': 'ladybug', '🐢': 'turtle', '🐍': 'snake', '🦎': 'lizard',
  '🐙': 'octopus', '🐬': 'dolphin', '🐳': 'whale', '🐋': 'whale', '🦈': 'shark', '🐟': 'fish', '🐠': 'tropical fish',
  '🦀': 'crab', '🐘': 'elephant', '🦒': 'giraffe', '🦓': 'zebra', '🦌': 'deer', '🐿': 'squirrel', '🦔': 'hedgehog',
  '🐉': 'dragon', '🐲': 'dragon', '🦖': 'dinosaur', '🦕': 'dinosaur',
  // people and fantasy
  '👩': 'woman', '👨': 'man', '🧑': 'person', '👧': 'girl', '👦': 'boy', '👶': 'baby', '👴': 'old man',
  '👵': 'old woman', '🧔': 'bearded man', '🤳': 'selfie portrait', '👸': 'princess', '🤴': 'prince',
  '🧙': 'wizard', '🧚': 'fairy', '🧜': 'mermaid', '🧛': 'vampire', '🧝': 'elf', '👻': 'ghost', '🤖': 'robot',
  '👽': 'alien', '👾': 'alien', '💀': 'skull', '🎃': 'jack-o-lantern', '🎅': 'santa claus',
  '👨\u200d🚀': 'astronaut', '👩\u200d🚀': 'astronaut', '🧑\u200d🚀': 'astronaut',
  '👨\u200d🍳': 'chef', '👩\u200d🍳': 'chef', '🧑\u200d🍳': 'chef',
  // space and vehicles
  '🚀': 'rocket in space', '🛸': 'flying saucer', '🪐': 'ringed planet', '🌍': 'planet earth', '🌎': 'planet earth',
  '🌏': 'planet earth', '☄': 'comet', '🛰': 'satellite', '🚗': 'car', '🚙': 'car', '🏎': 'race car',
  '🚕': 'taxi', '🚌': 'bus', '🚂': 'steam train', '🚆': 'train', '🚲': 'bicycle', '🏍': 'motorcycle',
  '✈': 'airplane', '🛩': 'airplane', '🚁': 'helicopter', '🚢': 'ship', '⛵': 'sailboat', '🚤': 'speedboat',
  '🚜': 'tractor', '🎈': 'balloon',
  // places and buildings
  '🏰': 'castle', '🏯': 'japanese castle', '🏠': 'house', '🏡': 'house with a garden', '⛪': 'church',
  '🕌': 'mosque', '🗼': 'tower', '🗽': 'statue of liberty', '🌉': 'bridge at night', '🏛': 'classical building',
  '🏙': 'city skyline', '🎡': 'ferris wheel', '🎢': 'roller coaster', '⛩': 'shrine gate', '🗻': 'mount fuji',
  '🏕': 'camping in the mountains', '⛺': 'tent',
  // food
  '🍕': 'pizza', '🍔': 'burger', '🍟': 'fries', '🌮': 'tacos', '🍣': 'sushi', '🍜': 'ramen', '🍝': 'spaghetti',
  '🥗': 'salad', '🍰': 'cake', '🎂': 'birthday cake', '🧁': 'cupcake', '🍩': 'donut', '🍪': 'cookie',
  '🍫': 'chocolate', '🍦': 'ice cream', '🍨': 'ice cream', '🍎': 'apple', '🍓': 'strawberries', '🍒': 'cherries',
  '🍋': 'lemon', '🍉': 'watermelon', '🍇': 'grapes', '🍑': 'peach', '🥑': 'avocado', '☕': 'coffee',
  '🍵': 'tea', '🍷': 'wine', '🍺': 'beer', '🍹': 'cocktail', '🥐': 'croissant', '🍞': 'bread', '🧀': 'cheese',
  // things
  '❤': 'red heart', '💖': 'sparkling heart', '💎': 'diamond', '👑': 'crown', '⚽': 'soccer ball', '🎸': 'guitar',
  '🎹': 'piano', '📚': 'books', '💡': 'light bulb', '⏰': 'alarm clock', '🎄': 'christmas tree', '🎁': 'gift',
  '🕯': 'candle', '🌐': 'globe', '🗺': 'map', '🧸': 'teddy bear', '🎨': 'painting palette', '📷': 'camera',
  '📸': 'camera', '🏆': 'trophy',
};
