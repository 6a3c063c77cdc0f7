/**
 * Word material of the synthetic news corpus: Zipfian content words by part of speech (a
 * head of common English words we listed ourselves, then made-up words with English endings),
 * function words, synonym groups for spinning, and names for entities. Nothing is real text.
 */
import { pick, zipfSampler as zipf } from '../../src/fingerprint/synthetic.js';

/** splitmix32 step: the one source of randomness of the generator (seeded, no Math.random). */
export function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x9e3779b9) | 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return ((z ^ (z >>> 16)) >>> 0) / 4294967296;
  };
}

export type Rand = () => number;

/** Seed of item `b` under `a` (order matters). */
export function mix(a: number, b: number): number {
  let h = Math.imul(a ^ 0x27d4eb2d, 0x165667b1) ^ Math.imul(b + 0x61c88647, 0x85ebca77);
  h = Math.imul(h ^ (h >>> 15), 0x2c1b3c6d);
  return (h ^ (h >>> 13)) >>> 0;
}

/** Uniform pick and Zipf sampler: the fingerprint tests' generator has them already. */
export { pick, zipf };

const words = (s: string): string[] => s.trim().split(/\s+/);

const NOUNS = words(`government minister report plan water price company market city people year week police court
  border election vote budget tax school hospital road bridge river farmer worker union strike deal talks council
  region village official spokesman agency statement project law bill party leader president army fire storm flood
  crop harvest factory mine port ship train airport contract loan bank debt fund inquiry trial judge witness crowd
  protest rally campaign survey study scientist doctor patient vaccine disease outbreak drought heat power grid fuel
  oil gas coal plant reactor dam canal network service ministry office staff mayor governor province district`);
const VERBS = words(`said announced reported confirmed denied approved rejected blocked opened closed delayed raised
  cut signed agreed warned urged promised launched ordered halted resumed expanded reduced questioned criticised
  welcomed proposed accepted planned expected estimated revealed admitted claimed argued found showed suggested`);
const BASE_VERBS = words(`open close pay build start stop cut raise sign meet visit review cancel delay reach fund
  protect repair expand replace support oppose end restore send accept refuse`);
const ADJECTIVES = words(`new old large small local national public private major minor early late final recent
  strong weak high low rural urban central northern southern eastern western heavy serious senior former`);

/** Synonym groups a spinner draws from (common words; a spun copy swaps within a group). */
export const SYNONYMS: readonly string[][] = [
  ['said', 'stated', 'declared'], ['announced', 'declared', 'revealed'], ['large', 'big', 'huge'],
  ['small', 'little', 'minor'], ['plan', 'scheme', 'proposal'], ['report', 'account', 'study'],
  ['people', 'residents', 'citizens'], ['city', 'town', 'municipality'], ['price', 'cost', 'charge'],
  ['company', 'firm', 'business'], ['talks', 'negotiations', 'discussions'], ['official', 'officer', 'administrator'],
  ['delayed', 'postponed', 'deferred'], ['warned', 'cautioned', 'alerted'], ['new', 'fresh', 'novel'],
  ['road', 'route', 'highway'], ['strong', 'powerful', 'robust'], ['recent', 'latest', 'new'],
  ['government', 'administration', 'authorities'], ['protest', 'demonstration', 'march'], ['week', 'seven days'],
  ['leader', 'head', 'chief'], ['approved', 'endorsed', 'backed'], ['criticised', 'condemned', 'attacked'],
];

export const FUNCTION = {
  det: words('the the the a a this that its their every'),
  prep: words('in on at for with from by over after before during under against between without about into'),
  conj: words('and but while because although after as'),
  aux: words('would could will might should must'),
  pron: words('it they he she we'),
};

const SYL = words(`ba be bi bo da de di do fa fe fi ga ge go ka ke ki ko la le li lo ma me mi mo na ne ni no pa
  pe pi po ra re ri ro sa se si so ta te ti to va ve vi vo za ze`);

/** Made-up word with an English-looking ending for its part of speech. */
function coin(r: Rand, ending: string): string {
  const n = 1 + Math.floor(r() * 3);
  let w = '';
  for (let i = 0; i < n; i++) w += pick(r, SYL);
  return w + ending;
}

export interface Vocabulary {
  nouns: string[];
  verbs: string[];
  baseVerbs: string[];
  adjectives: string[];
  /** word -> its synonym group (spinning). */
  synonymOf: Map<string, string[]>;
  firstNames: string[];
  lastNames: string[];
  places: string[];
  orgWords: string[];
}

function extend(head: string[], r: Rand, size: number, endings: string[]): string[] {
  const out = new Set(head);
  while (out.size < size) out.add(coin(r, pick(r, endings)));
  return [...out];
}

const cap = (w: string): string => w.charAt(0).toUpperCase() + w.slice(1);

/** The corpus vocabulary: deterministic for a seed. */
export function makeVocabulary(seed: number): Vocabulary {
  const r = rng(mix(seed, 0x766f63));
  const synonymOf = new Map<string, string[]>();
  for (const g of SYNONYMS) for (const w of g) if (!w.includes(' ')) synonymOf.set(w, g);
  const names = (n: number, endings: string[]) => extend([], r, n, endings).map(cap);
  return {
    nouns: extend(NOUNS, r, 30000, ['tion', 'ment', 'er', 'ity', 'ance', 'ship', 'ist', 'age', '']),
    verbs: extend(VERBS, r, 6000, ['ed', 'ated', 'ised']),
    baseVerbs: extend(BASE_VERBS, r, 3000, ['ate', 'ise', 'en']),
    adjectives: extend(ADJECTIVES, r, 8000, ['al', 'ous', 'ive', 'ic', 'ful', 'able']),
    synonymOf,
    firstNames: names(3000, ['a', 'o', 'en', 'ia', 'el', 'is']),
    lastNames: names(20000, ['son', 'ez', 'ova', 'er', 'i', 'ado', 'ski']),
    places: names(8000, ['ton', 'burg', 'ville', 'ia', 'stad', 'ford']),
    orgWords: words('Ministry Council Agency Authority Bank Union Institute Commission Party Court Company Group'),
  };
}
