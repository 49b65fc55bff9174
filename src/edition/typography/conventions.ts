/**
 * Typographic conventions per language: quotation marks (outer and inner),
 * the dash between clauses, French spacing, and the unit and scale words a
 * number is kept with. A language not listed takes its base language's
 * conventions, then the English ones.
 */

export type DashStyle = 'closed-em' | 'spaced-en' | 'spaced-em' | 'cjk'

export interface Conventions {
  /** Outer opening and closing, inner opening and closing quotation marks. */
  quotes: readonly [string, string, string, string]
  dash: DashStyle
  /** Narrow no-break space before ; : ! ? % and inside « » (French). */
  frenchSpacing: boolean
  /** The separator of digit groups written with a space ("1 000"), kept unbreakable. */
  groupSpace?: string
  /** Words after a number that stay on its line ("3,74 млрд", "2.5 million"). */
  scaleWords: readonly string[]
  /** Full-width punctuation after CJK characters, no space after it (zh, ja). */
  cjk: boolean
  /** Arabic comma, semicolon and question mark after Arabic letters. */
  arabic: boolean
}

const units = ['km', 'm', 'cm', 'mm', 'kg', 'g', 't', 'GB', 'MB', 'TB', 'kB', 'Gbit/s', 'Mbit/s', 'Gbps', 'Mbps', 'kW', 'MW', 'GW', 'kWh']

const english: Conventions = {
  quotes: ['“', '”', '‘', '’'],
  dash: 'closed-em',
  frenchSpacing: false,
  scaleWords: [...units, 'million', 'millions', 'billion', 'billions', 'trillion', 'trillions', 'thousand', 'percent', 'per cent'],
  cjk: false,
  arabic: false,
}

const table: Record<string, Conventions> = {
  en: english,
  fr: {
    ...english,
    quotes: ['«', '»', '“', '”'],
    dash: 'spaced-en',
    frenchSpacing: true,
    groupSpace: '\u202F',
    scaleWords: [...units, 'million', 'millions', 'milliard', 'milliards', 'billion', 'billions', 'mille', 'pour cent'],
  },
  de: {
    ...english,
    quotes: ['„', '“', '‚', '‘'],
    dash: 'spaced-en',
    scaleWords: [...units, 'Million', 'Millionen', 'Milliarde', 'Milliarden', 'Billion', 'Billionen', 'Tausend', 'Prozent'],
  },
  es: {
    ...english,
    quotes: ['«', '»', '“', '”'],
    dash: 'spaced-em',
    groupSpace: '\u00A0',
    scaleWords: [...units, 'millón', 'millones', 'mil', 'billón', 'billones', 'por ciento'],
  },
  ru: {
    ...english,
    quotes: ['«', '»', '„', '“'],
    dash: 'spaced-em',
    groupSpace: '\u00A0',
    scaleWords: [
      ...units,
      'км',
      'кг',
      'ГБ',
      'тыс.',
      'тыс',
      'млн',
      'млрд',
      'трлн',
      'миллион',
      'миллиона',
      'миллионов',
      'миллиард',
      'миллиарда',
      'миллиардов',
      'тысяч',
      'тысячи',
      'процентов',
      'процента',
      'процент',
    ],
  },
  zh: { ...english, quotes: ['“', '”', '‘', '’'], dash: 'cjk', scaleWords: units, cjk: true },
  ja: { ...english, quotes: ['「', '」', '『', '』'], dash: 'cjk', scaleWords: units, cjk: true },
  ar: {
    ...english,
    quotes: ['«', '»', '“', '”'],
    dash: 'spaced-en',
    scaleWords: [...units, 'مليون', 'ملايين', 'مليار', 'مليارات', 'تريليون', 'ألف', 'آلاف', 'في المائة', 'بالمائة'],
    arabic: true,
  },
  it: { ...english, quotes: ['«', '»', '“', '”'], dash: 'spaced-en' },
  pt: { ...english, quotes: ['“', '”', '‘', '’'], dash: 'spaced-en' },
  pl: { ...english, quotes: ['„', '”', '«', '»'], dash: 'spaced-en' },
  uk: { ...english, quotes: ['«', '»', '„', '“'], dash: 'spaced-em' },
}

/** The conventions of a language tag ("fr-CA" → French). */
export function conventionsOf(language: string): Conventions {
  const tag = language.toLowerCase()
  return table[tag] ?? table[tag.split('-')[0]!] ?? english
}
