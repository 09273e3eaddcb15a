// WARNING: this file names explicit, vulgar and offensive words: it is the review of a word list.

/**
 * How Atelier uses each language's list of the `naughty-words` package (LDNOOBW, the lists
 * Shutterstock made to keep its image search from suggesting what people should not be shown).
 * The lists mix sexual terms with mere swearing, insults and, in several languages, everyday words
 * ("pesce", "cerveja", "女の子", "am"), and nothing in them tells those apart; this review does.
 *
 * - `list`: the whole list (so an upgrade's new terms count at once), less `except`: swearing,
 *   insults, words with an ordinary meaning, violence and drugs (not what this check is for).
 * - `picked`: for lists that are mostly swearing, only the terms named here.
 * - `suggestive` (either way): made, never blocked, but the image is marked nsfw: words with an
 *   innocent reading ("cock", "tit", "dick") or that suggest without being explicit ("sexy").
 *
 * Every term is spelled as in the list; a test checks each one is there. Kabyle (kab), Klingon
 * (tlh) and Quebec French (fr-CA, only church swearing) are not used: not reviewed, or nothing sexual.
 */
export type LanguageUse =
  | { use: 'list'; except: readonly string[]; suggestive: readonly string[] }
  | { use: 'picked'; explicit: readonly string[]; suggestive: readonly string[] };

export const VOCABULARY: Readonly<Record<string, LanguageUse>> = {
  en: {
    use: 'list',
    except: [
      // swearing and insults
      'apeshit', 'arsehole', 'ass', 'asshole', 'bastard', 'bastardo', 'bitch', 'bitches', 'bollocks', 'bullshit',
      'circlejerk', 'clusterfuck', 'fuck', 'fuckin', 'fucking', 'fucktards', 'god damn', 'motherfucker',
      'piece of shit', 'shit', 'shitblimp', 'shitty', 'suck', 'sucks', 'tosser', '🖕', 'mong', 'spastic',
      // ordinary words and names, and phrases that are innocent alone
      'big black', 'girl on', 'girl on top', 'taste my', 'tight white', 'tongue in a', 'tainted love', 'huge fat',
      'jelly donut', 'pleasure chest', 'santorum', 'bung hole', 'bunghole', 'cornhole', 'dingleberry',
      'dingleberries', 'fuck buttons', 'octopussy', 'dirty pillows', 'ball kicking', 'butt', 'domination',
      'negro', 'coon', 'coons', 'poof', 'skeet', 'twinkie', 'xx', 'sexuality', 'goodpoop', 'fecal', 'eunuch',
      // violence, drugs and medicine: not what this check is for
      'how to kill', 'how to murder', 'bastinado', 'strappado', 'cialis', 'viagra',
    ],
    suggestive: [
      'cock', 'cocks', 'pussy', 'dick', 'tit', 'snatch', 'cum', 'boner', 'hard core', 'hardcore', 'fingering',
      'bareback', 'camel toe', 'scissoring', 'shrimping', 'snowballing', 'spunk', 'tied up', 'tushy', 'twink',
      'undressing', 'nipple', 'nipples', 'panties', 'panty', 'playboy', 'pissing', 'scat', 'booty call', 'busty',
      'hot chick', 'sultry women', 'kinky', 'kinkster', 'horny', 'sexy', 'sexual', 'sexually', 'erotic', 'erotism',
      'homoerotic', 'strip club', 'swinger', 'escort', 'hooker', 'grope', 'voyeur', 'voyuer', 'bimbos', 'sadism',
      'swastika', 'bbw',
    ],
  },
  de: {
    use: 'picked',
    explicit: [
      'analritter', 'arschficker', 'arschlecker', 'bumsen', 'fick', 'ficken', 'fotze', 'möse', 'nutte', 'hure',
      'onanieren', 'orgasmus', 'penis', 'pimmel', 'pimpern', 'poppen', 'porno', 'schwanzlutscher', 'titten',
      'tittchen', 'wichsen', 'wichse', 'morgenlatte', 'schlampe', 'MILF', 'neger', 'nigger', 'kanake',
      'schwuchtel', 'kampflesbe',
    ],
    suggestive: ['muschi', 'nackt', 'vögeln', 'möpse', 'nippel', 'flittchen'],
  },
  es: {
    use: 'picked',
    explicit: [
      'Chupapollas', 'Esperma', 'Follador', 'Follar', 'Hacer una paja', 'Prostituta', 'Semen', 'Sexo', 'Sexo oral',
      'Tetas grandes', 'Verga', 'Vulva', 'Coprofagía', 'Marica', 'Maricón', 'Mariconazo', 'Bollera',
    ],
    suggestive: ['Haciendo el amor', 'Mamada', 'Pezón', 'Puta', 'Maciza', 'Macizorra', 'Tía buena', 'Pervertido'],
  },
  fr: {
    use: 'picked',
    explicit: [
      'branlage', 'branler', 'branlette', 'branleuse', 'brouter le cresson', 'clito', 'clitoris', 'cramouille',
      'gouine', 'ménage à trois', 'nègre', 'pédé', 'salope', 'sac à foutre', 'tringler', 'troncher', 'teuch',
    ],
    suggestive: ['chatte', 'couilles', 'jouir', 'pute', 'suce', 'turlute', 'zigounette', 'zizi', 'trique', 'palucher'],
  },
  it: {
    use: 'picked',
    explicit: [
      'ammucchiata', 'anale', 'bocchinara', 'chiavare', 'chiavata', 'ditalino', 'mignotta', 'pompino', 'puttana',
      'sborra', 'sborrata', 'scopata', 'sveltina', 'sverginare', 'spompinare', 'tette', 'patonza', 'fregna',
      'sorca', 'sticchio', 'frocio', 'culattone', 'recchione',
    ],
    suggestive: [
      'allupato', 'arrapato', 'bocchino', 'cazzo', 'fica', 'figa', 'goldone', 'guardone', 'ingoio', 'scopare',
      'zoccola', 'zinne', 'pecorina',
    ],
  },
  pt: {
    use: 'picked',
    explicit: [
      'boceta', 'chochota', 'xochota', 'xana', 'cona', 'transar', 'esporra', 'pênis', 'vibrador', 'queca',
      'paneleiro', 'coito', 'lolita', 'dar o rabo', 'ânus', 'clitoris',
    ],
    suggestive: ['foda', 'foder', 'sacanagem', 'puta', 'camisinha', 'homoerótico', 'bumbum'],
  },
  nl: {
    use: 'picked',
    explicit: [
      'afzuigen', 'beffen', 'befborstel', 'een beurt geven', 'een nummertje maken', 'een wip maken', 'klaarkomen',
      'kontneuken', 'neuken', 'neukstier', 'opgeilen', 'slik mijn zaad', 'standje-69', 'vingeren', 'vleesroos',
      'flamoes', 'hoer', 'stoephoer', 'rothoer', 'trottoir prostituée', 'hoerenloper', 'portiekslet', 'slet',
      'sletterig', 'kuttelikkertje', 'liefdesgrot', 'paardelul', 'reetridder',
    ],
    suggestive: ['botergeil', 'geilneef', 'kut', 'lul', 'naakt', 'pik', 'tongzoeng'],
  },
  ja: {
    use: 'list',
    except: [
      // ordinary words ("girl", "fantasy", "hook", "race", "dislike"), a dish, a philosopher
      'いたずら', 'おしっこ', 'おしり', 'オシリ', 'お尻', 'カント', 'グロ', 'コカイン', 'デブ', 'なめ', 'ファンタジー',
      'フック', 'フィスト', 'ラバー', 'ラティーナ', 'ぽっちゃり', 'ホモ', 'オカマ', '嫌い', '人種', '支配', '奴隷', '拷問',
      '殺し方', '殺人事件', '殺人方法', '女の子', '女王様', '女子高生', '女装', '毛深い', '両性', '両刀', '平手打ち',
      '噴出', '糞', '糞便', '変態', 'アジアのかわいい女の子', 'sm', '3p', 'xx', 'ゲイボーイ', 'レズビアン', 'ローター',
      '直腸', '宦官', '卍', '挿入', '自己愛性', '両性具有', 'ぶっかけ', 'ゴックン', 'おもらし', 'アスホール',
      'マザー・ファッカー',
    ],
    suggestive: [
      'エスコート', 'エッチ', 'スリット', 'しばり', '縛り', '人妻', '誘惑', '覗き', 'セクシーな', 'ランジェリー',
      'パンティー', 'エクスタシー', 'ボーイズラブ', 'プレイボーイ', 'ファック', 'ハードコア', '生殖器', '肛門', '足を広げる',
      '脱衣', '剃毛', '乳首', '革抑制', 'エロティック', 'エロティズム', 'ディック', 'サディズム', 'スウィンガー',
      'ストリップ劇場', 'フェティッシュ', 'ベアバック',
    ],
  },
  zh: {
    use: 'list',
    except: [
      // single characters and words with ordinary meanings ("milk", "woman" in 女性, "dove",
      // "his mother", "adult", "passion", "backrest", "virgin" as in Virgo, "turtle head")
      '乳', '奶', '性', '卵', '奸', '姦', '妓', '幹', '淫', '爛', '逼', '鳩', '尻', '撚', '柒', '賤', '13.', '13点', '九游',
      '下三烂', '下贱', '个老子的', '十三点', '他妈', '他娘', '你妈', '你娘', '老母', '妈的', '娘的', '妈妈的', '老二',
      '老味', '祖宗', '你全家', '白痴', '白癡', '笨蛋', '成人', '激情', '私服', '处女', '月经', '包皮', '卵子', '精子',
      '屁股', '撒尿', '吃屎', '狗屁', '迷药', '花柳', '野鸡', '鸡鸡', '小鸡鸡', '玉杵', '贝肉', '肥西', '靠北', '靠背',
      '靠腰', '靠母', '靠爸', '鬼公', '刚度', '口肯', '吹箫', '后庭', '几八', '刚瘪三', '瘪三', '小瘪三', '老瘪三',
      '王八蛋', '杂种', '龟头', '龟儿子', '粉腸', '屎忽', '硬膠', '笨實', '你老闆', '你老味', '你老母', '咸家鏟', '冚家鏟',
      '咸家伶', '冚家拎', '仆街', '册那', '干你', '干死你', '插你', '射你', '日你', '操你', '奸你', '你是鸡', '你是鸭',
      '交配', '阳萎', '躝癱', '狗日', '烂货', '白烂', '瓜娃子', '瓜婆娘', '瓜批', '贱人', '贱货', '懒叫', '懒教',
      '干死CS', '干死GM', '干死客服', '姣西', '淫西', '赣您娘', '灨你娘',
    ],
    suggestive: ['乳房', '乳头', '小乳头', '妓院', '扒光', '打炮', '打飞机', '放荡', '想上你', '屌'],
  },
  ar: {
    use: 'list',
    except: ['مص', 'تمص', 'لعق', 'لحس', 'بيضان', 'شاذ', 'مبادل', 'خنثي', 'عرص', 'خول', 'لبوة'],
    suggestive: ['شهوة', 'احتلام', 'ثدي', 'حلمة'],
  },
  fa: {
    use: 'list',
    // "کس" alone is also the "person" of "هیچ کس" (nobody); "سوپر" is "super".
    except: ['سوپر', 'تجاوز', 'حشر', 'لش', 'لاشی', 'کس', 'تخمی', 'کسکش'],
    suggestive: ['داف', 'هرزه', 'منی', 'کون', 'سکسی', 'شهوت', 'شهوتی', 'چوچول', 'دودول'],
  },
  ko: {
    use: 'picked',
    // Not "보지"/"자지": also everyday verb forms (보지 않다 "not see", 자지 않다 "not sleep").
    explicit: [
      '섹스', '강간', '딸딸이', '빠구리', '사까시', '야동', '야애니', '창녀', '포르노', '몰카', '후장', '거유', '로리타',
      '스와핑', '좆', '개좆', '씹물', '바바리맨',
    ],
    suggestive: ['근친', '하드코어', '은꼴', '직촬', '불알'],
  },
  hi: {
    use: 'picked',
    explicit: [
      'chod', 'choot', 'chut', 'chudam chudai', 'lund', 'loda', 'lund choos', 'randi', 'raand', 'chinaal',
      'mooh mein le', 'jhant', 'boobe', 'chooche', 'choochi', 'chuche', 'chuchi', 'balatkar', 'balatkari', 'mutth',
    ],
    suggestive: ['gaand', 'hawas', 'tharki', 'tharak'],
  },
  tr: {
    use: 'picked',
    // Not "am" (the English word) nor "otuz birci" (also "thirty-first").
    explicit: [
      'sik', 'siki', 'sikin', 'sikmek', 'sikler', 'amcık', 'amcığa', 'amcığı', 'amcığın', 'amcıklar', 'orospu',
      'orospular', 'orospuyu', 'yarak', 'yarağı', 'yaraklar', 'götveren', 'kaltak', 'saksocu',
    ],
    suggestive: ['taşak', 'taşaklar'],
  },
  ru: {
    use: 'picked',
    explicit: [
      'дрочить', 'ебать', 'ёбарь', 'малофья', 'манда', 'половое сношение', 'секс', 'сиськи', 'траxать', 'встать раком',
      'играть на кожаной флейте', 'лысого в кулаке гонять', "trakhat'sya", 'otsosi',
    ],
    suggestive: ['голый', 'обнаженный', 'блядь', 'блядки', 'блядство'],
  },
  pl: {
    use: 'picked',
    explicit: [
      'ruchać', 'robić loda', 'robic loda', 'obciągać chuja', 'obciągać fiuta', 'obciągać loda', 'lizać pałę',
      'dziwka', 'kutas', 'ciota',
    ],
    suggestive: ['pizda', 'cipa', 'fiut', 'cyc'],
  },
  cs: {
    use: 'picked',
    explicit: ['mrdat', 'šoustat', 'prcat', 'mrdka', 'mrdník', 'koňomrd', 'oslošoust', 'buzna'],
    suggestive: ['piča', 'kunda', 'čurák', 'šulin'],
  },
  hu: {
    use: 'picked',
    explicit: ['baszik', 'pina', 'pinák', 'pinát', 'kúr', 'csöcs', 'csöcsök', 'szajha', 'szajhák'],
    suggestive: ['fasz', 'punci', 'puncik', 'picsa', 'pöcs', 'geci'],
  },
  fi: {
    use: 'picked',
    explicit: [
      'nussia', 'nussija', 'nussinta', 'pillu', 'pillut', 'runkata', 'runkkari', 'runkkaus', 'tussu', 'tussut',
      'tussukka', 'lutka', 'huorata', 'hässiä', 'paneskella', 'pantava', 'perspano', 'vakipano', 'vetää käteen',
    ],
    suggestive: ['kulli', 'kyrpä', 'panettaa'],
  },
  sv: {
    use: 'picked',
    explicit: ['knulla', 'runka', 'rövknulla', 'neger', 'nigger'],
    suggestive: ['fitta', 'kuk', 'pitt'],
  },
  no: {
    use: 'picked',
    explicit: ['ståpikk', 'ståpikkene', 'ståpikker', 'nigger', 'pakkis'],
    suggestive: ['kuk', 'kukene', 'kuker', 'pikk', 'fitte'],
  },
  da: {
    use: 'picked',
    explicit: ['fisse', 'fissehår', 'hestepik', 'kussekryller', 'pikhår', 'pikslugeri', 'piksutteri'],
    suggestive: ['pik', 'luder', 'cock'],
  },
  eo: {
    use: 'picked',
    explicit: ['fiki', 'fikado', 'fikema', 'fikiĝi', 'fikiĝu', 'fikilo', 'fiku', 'fikota', 'piĉo', 'kacsuĉulo', 'ĉiesulino'],
    suggestive: ['kaco'],
  },
  fil: { use: 'picked', explicit: ['kantot', 'jakol'], suggestive: ['burat'] },
  th: {
    use: 'picked',
    // Thai is written without spaces: only terms that are not also part of ordinary words.
    explicit: ['ควย', 'จิ๋ม', 'เย็ด', 'น้ําแตก', 'กระหรี่', 'อมนกเขา'],
    suggestive: ['จู๋', 'เจี๊ยว'],
  },
};

/**
 * Phrases in which a term is innocent; they are taken out of a text before it is checked (like
 * the whitelists of other filters). Lower case, words separated by one space.
 */
export const INNOCENT_PHRASES: readonly string[] = [
  'summa cum laude', 'magna cum laude', 'cum laude', 'blue tit', 'great tit', 'coal tit', 'moby dick', 'philip k. dick',
];
