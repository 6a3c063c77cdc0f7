/**
 * Outlet names: one key for the spellings of a name ("the Washington Times", "The Washington
 * Times", washingtontimes.com), short forms resolved against known outlets ("the Times", "AP"),
 * and a guess at whether a capitalised name is a news outlet at all.
 */
import { nlp } from './nlp.js';

/** Lower-case letters and digits only, without a leading "the", a possessive or a domain's www/TLD. */
export function outletKey(name: string): string {
  let s = name.trim().toLowerCase();
  if (/^(?:https?:\/\/)?(?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)+\/?$/.test(s)) {
    s = s.replace(/^(?:https?:\/\/)?(?:www\.)?/, '').replace(/\/$/, '');
    s = s.split('.').slice(0, -1).join('.');
  }
  return s.replace(/^the\s+/, '').replace(/'s$/, '').replace(/[^\p{L}\p{N}]+/gu, '');
}

const nameWords = (s: string) =>
  s
    .toLowerCase()
    .replace(/'s\b/g, '')
    .split(/[^\p{L}\p{N}&]+/u)
    .filter((w) => w && w !== 'the');

/**
 * The known outlet a short or variant name stands for: same key, a trailing part of the name
 * ("the Times" → "The Washington Times"), or its initials ("AP" → "Associated Press"). Null when
 * none or several known outlets fit.
 */
export function resolveOutlet(short: string, knownOutlets: readonly string[]): string | null {
  const key = outletKey(short);
  if (!key) return null;
  const exact = knownOutlets.filter((k) => outletKey(k) === key);
  if (exact.length > 0) return exact[0];
  const sw = nameWords(short);
  const acronym = /^[A-Z]{2,6}$/.test(short.replace(/^the\s+/i, '').replace(/\./g, ''));
  const fits = knownOutlets.filter((k) => {
    const kw = nameWords(k);
    if (acronym) return kw.filter((w) => !/^(?:of|and|for|&)$/.test(w)).map((w) => w[0]).join('') === key;
    return sw.length > 0 && sw.length < kw.length && kw.slice(kw.length - sw.length).join(' ') === sw.join(' ');
  });
  const distinct = [...new Set(fits.map(outletKey))];
  return distinct.length === 1 ? fits[0] : null;
}

/** Do two written names stand for one outlet, either way round ("the Times" / "The Washington Times")? */
export function sameOutlet(a: string, b: string): boolean {
  return resolveOutlet(a, [b]) !== null || resolveOutlet(b, [a]) !== null;
}

/** Words that make a capitalised name a news outlet. */
const NEWS_WORDS = new Set(
  `times post news press journal herald tribune guardian telegraph reuters afp ap upi examiner line daily gazette observer
  independent mail express sun mirror star chronicle standard wire broadcasting radio tv television magazine review monitor
  insider beacon axios politico bloomberg cnn bbc npr nbc abc cbs msnbc fox jazeera welt spiegel monde figaro haaretz tass
  xinhua inquirer register courier dispatch sentinel bulletin record globe economist atlantic breitbart newsweek slate vox
  intercept caller blaze federalist media newspaper agence ansa dpa efe kyodo yonhap sputnik rt semafor hill ledger gazette`.split(/\s+/),
);

/** Heads of names that are institutions, not outlets ("the State Department", "the White House"). */
const INSTITUTION_WORDS = new Set(
  `administration department ministry office council committee congress senate house government pentagon police court
  commission army navy bureau service party university institute foundation center centre group bank fund organization
  organisation union assembly parliament kremlin treasury republic states nations agency company corporation campaign`.split(/\s+/),
);

export type OutletClass = 'news' | 'institution' | 'person' | 'place' | 'unknown';

/**
 * classifyName's answer where the word lists alone decide it; null where only the tagger can
 * (a person, a place, or unknown). Cheap: callers that need no more than "news or not" or
 * "institution or not" stop here.
 */
export function classifyByWords(name: string): OutletClass | null {
  const words = nameWords(name);
  if (words.length === 0) return 'unknown';
  // "Meridian Press Agency", "Daily News Service": a news word outweighs an institutional one.
  if (words.some((w) => NEWS_WORDS.has(w))) return 'news';
  if (words.some((w) => INSTITUTION_WORDS.has(w))) return 'institution';
  return null;
}

/** What kind of thing a capitalised name probably is. */
export function classifyName(name: string): OutletClass {
  const byWords = classifyByWords(name);
  if (byWords !== null) return byWords;
  const words = nameWords(name);
  // Only a name that is wholly a person or a place is one ("The Boston Ledger" is neither).
  const whole = (found: string) => nameWords(found).join(' ') === words.join(' ');
  const doc = nlp(name);
  if (whole(doc.people().text())) return 'person';
  if (whole(doc.places().text())) return 'place';
  return 'unknown';
}

/** Capitalised only because they open a sentence: never part of an outlet's name. */
const LEADING_FUNCTION_WORDS =
  /^(?:(?:As|It|Its|This|That|These|Those|He|She|They|We|I|But|And|Or|So|Then|When|While|Also|Earlier|Later|Meanwhile|However|Previously|In|On|At|Last|Yet|Still|Now|Today|Officials|Sources)\b\s*)+/;

/** "Germany's Die Welt" → "Die Welt"; trims possessives and stray punctuation at the ends. */
export function cleanOutletName(raw: string): string {
  let s = raw.trim().replace(/[.,;:'-]+$/, '');
  s = s.replace(LEADING_FUNCTION_WORDS, '');
  const possessive = /^(?:[Tt]he\s+)?[\p{Lu}][\p{L}.-]*'s\s+(?=\p{Lu})/u.exec(s);
  if (possessive) s = s.slice(possessive[0].length);
  return s.replace(/'s$/, '');
}
