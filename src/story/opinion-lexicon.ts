/**
 * Word lists behind opinion cues. Kept to words a news report rarely uses in its own voice:
 * "dangerous" or "remarkable" appear in plain reporting and are left out on purpose.
 */

export interface WeightedPattern {
  label: string;
  re: RegExp;
  weight: number;
}

const words = (list: string) => list.trim().split(/\s+/);

/** Judging adverbs, loaded adjectives, nouns and verbs. */
const EVALUATIVE = words(`
  simply clearly obviously surely undoubtedly frankly sadly unfortunately thankfully fortunately shockingly
  disgracefully ironically absurdly predictably conveniently laughably outrageously hopelessly blatantly shamelessly
  naively foolishly rightly wrongly arguably mercifully tragically pathetically
  shameful shameless disgraceful disastrous disaster naive naivete naivety suckered duped fooled hoodwinked conned
  gullible absurd ridiculous outrageous pathetic reckless foolish stupid idiotic incompetent appalling despicable
  sham farce debacle fiasco betrayal treasonous cowardly spineless scandalous disgusting vile brilliant heroic
  courageous wonderful terrible horrible awful nonsense hypocrisy hypocritical hypocrite hypocrites misguided
  inexcusable unacceptable laughable pitiful woeful dismal embarrassing embarrassment deplorable dishonest sinister
  nefarious insane crazy mindless feckless sycophantic grotesque egregious galling admirable commendable
  praiseworthy apologists apologist mullahs warmongers thugs propaganda so-called hell-bent terror-sponsoring
  cronies stooges puppet puppets
`);

export const EVALUATIVE_WORDS: WeightedPattern[] = [
  { label: 'evaluative', re: new RegExp(`\\b(?:${EVALUATIVE.join('|')})\\b`, 'gi'), weight: 1 },
];

/** Generalisations hedged in the writer's voice, and stance markers. */
export const HEDGES: WeightedPattern[] = [
  {
    label: 'hedge',
    re: /\b(?:many|some|most|few)\s+(?:people\s+|observers\s+|critics\s+|americans\s+)?(?:would\s+)?(?:suspect|believe|think|feel|fear|wonder|say|argue|consider|agree|doubt)\b/gi,
    weight: 1,
  },
  { label: 'hedge', re: /\bit\s+(?:seems|would\s+seem|appears)\b/gi, weight: 1 },
  { label: 'hedge', re: /\bone\s+(?:might|could|would|can|must)\s+(?:argue|say|think|wonder|ask)\b/gi, weight: 1 },
  {
    label: 'stance',
    re: /\b(?:needless\s+to\s+say|of\s+course|no\s+doubt|without\s+a\s+doubt|to\s+be\s+sure|make\s+no\s+mistake|let'?s\s+be\s+honest|the\s+truth\s+is|the\s+fact\s+is|it\s+is\s+clear\s+that|there\s+is\s+no\s+question)\b/gi,
    weight: 1,
  },
  { label: 'stance', re: /\bin\s+fact\b/gi, weight: 0.5 },
];

/** Intensifiers: weak alone, tip a sentence together with another cue. */
export const INTENSIFIERS: WeightedPattern[] = [
  { label: 'intensifier', re: /\b(?:utterly|absolutely|totally|incredibly|truly|downright|outright)\b/gi, weight: 0.5 },
];
