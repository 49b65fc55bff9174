/**
 * Scale words by language, as data: the word (or abbreviation) that follows a
 * number and multiplies it. Looked up by the full tag, then its language
 * ("pt-BR", then "pt"); languages not listed use English. Longer words come
 * first where one starts another ("Billionen" before "Billion", "万亿" before
 * "万"). `spaced`: the language puts spaces between words, so a scale word must
 * end at a word boundary (not in Chinese, Japanese, Korean or Thai).
 */

export interface ScaleWords {
  spaced: boolean
  words: [word: string, factor: number][]
}

export const scaleWords: Readonly<Record<string, ScaleWords>> = {
  en: {
    spaced: true,
    words: [
      ['trillions?', 1e12],
      ['billions?', 1e9],
      ['millions?', 1e6],
      ['thousands?', 1e3],
      ['bn', 1e9],
      ['lakhs?', 1e5],
      ['crores?', 1e7],
    ],
  },
  de: {
    spaced: true,
    words: [
      ['Billion(?:en)?', 1e12],
      ['Milliarden?', 1e9],
      ['Mrd\\.', 1e9],
      ['Million(?:en)?', 1e6],
      ['Mio\\.', 1e6],
      ['Tausend', 1e3],
    ],
  },
  fr: {
    spaced: true,
    words: [
      ['milliards?', 1e9],
      ['millions?', 1e6],
      ['billions?', 1e12],
      ['mille', 1e3],
    ],
  },
  es: {
    spaced: true,
    words: [
      ['mil\\s+millones', 1e9],
      ['mill(?:ón|ones)', 1e6],
      ['bill(?:ón|ones)', 1e12],
      ['mil', 1e3],
    ],
  },
  pt: {
    spaced: true,
    words: [
      ['mil\\s+milhões', 1e9],
      ['bilh(?:ão|ões)', 1e9],
      ['bili(?:ão|ões)', 1e12],
      ['trilh(?:ão|ões)', 1e12],
      ['milh(?:ão|ões)', 1e6],
      ['mil', 1e3],
    ],
  },
  it: {
    spaced: true,
    words: [
      ['miliard[oi]', 1e9],
      ['milion[ei]', 1e6],
      ['mila', 1e3],
    ],
  },
  ru: {
    spaced: true,
    words: [
      ['(?:млрд|миллиард)\\p{L}*', 1e9],
      ['(?:млн|миллион)\\p{L}*', 1e6],
      ['(?:трлн|триллион)\\p{L}*', 1e12],
      ['(?:тыс|тысяч)\\p{L}*', 1e3],
    ],
  },
  el: {
    spaced: true,
    words: [
      ['τρισεκατομμύρι[οα]', 1e12],
      ['δισεκατομμύρι[οα]', 1e9],
      ['δισ\\.', 1e9],
      ['εκατομμύρι[οα]', 1e6],
      ['εκατ\\.', 1e6],
      ['χιλιάδ(?:ες|ων)', 1e3],
    ],
  },
  he: {
    spaced: true,
    words: [
      ['טריליון', 1e12],
      ['מיליארד', 1e9],
      ['מיליון', 1e6],
      ['אלף', 1e3],
    ],
  },
  ar: {
    spaced: true,
    words: [
      ['(?:مليارات|مليار|بلايين|بليون)', 1e9],
      ['(?:ملايين|مليون)', 1e6],
      ['(?:تريليونات|تريليون)', 1e12],
      ['(?:آلاف|ألف)', 1e3],
    ],
  },
  hi: {
    spaced: true,
    words: [
      ['खरब', 1e11],
      ['अरब', 1e9],
      ['करोड़', 1e7],
      ['करोड़', 1e7],
      ['लाख', 1e5],
      ['हज़ार', 1e3],
      ['हजार', 1e3],
    ],
  },
  // Chinese, Simplified and Traditional characters.
  zh: {
    spaced: false,
    words: [
      ['万亿', 1e12],
      ['萬億', 1e12],
      ['百万', 1e6],
      ['百萬', 1e6],
      ['千万', 1e7],
      ['千萬', 1e7],
      ['亿', 1e8],
      ['億', 1e8],
      ['兆', 1e12],
      ['万', 1e4],
      ['萬', 1e4],
      ['千', 1e3],
    ],
  },
  ja: {
    spaced: false,
    words: [
      ['兆', 1e12],
      ['億', 1e8],
      ['万', 1e4],
      ['千', 1e3],
    ],
  },
  ko: {
    spaced: false,
    words: [
      ['조', 1e12],
      ['억', 1e8],
      ['만', 1e4],
      ['천', 1e3],
    ],
  },
  th: {
    spaced: false,
    words: [
      ['ล้าน', 1e6],
      ['แสน', 1e5],
      ['หมื่น', 1e4],
      ['พัน', 1e3],
    ],
  },
}

const compiled = new Map<string, [RegExp, number][]>()

/** Scale-word patterns for a tag, each anchored at the start of the text after a number. */
export function scalePatterns(language: string): [RegExp, number][] {
  let patterns = compiled.get(language)
  if (!patterns) {
    const table = scaleWords[language] ?? scaleWords[language.split('-')[0]!] ?? scaleWords.en!
    const end = table.spaced ? '(?![\\p{L}\\p{M}])' : ''
    patterns = table.words.map(([word, factor]) => [new RegExp(`^[\\s\\u00a0\\u202f]*(?:${word})${end}`, 'iu'), factor])
    compiled.set(language, patterns)
  }
  return patterns
}
