/**
 * Credit: where an article names another outlet or author as the origin of what it says.
 * An `attribution` gives credit ("The Washington Times reported", "an abridged version of an
 * article by A and B for X", "Source: X"); a `mention` only names an outlet someone spoke to
 * ("told X", "spoke with X"). A full copy keeps its original's mentions, so only attributions
 * count as crediting a source (creditsSource).
 */
import { classifyByWords, classifyName, cleanOutletName, outletKey, resolveOutlet, type OutletClass } from './credit-outlet.js';

export { outletKey, resolveOutlet } from './credit-outlet.js';

export type CreditKind =
  | 'reported' | 'according_to' | 'report_says' | 'first_reported' | 'version_of' | 'originally_published'
  | 'via' | 'source_line' | 'copyright' | 'contributed' | 'link' | 'written_for' | 'report_from'
  | 'told' | 'spoke_to' | 'has_learned' | 'interview' | 'comment_request';

export interface Credit {
  /** The outlet as written ("the Times"), a domain for links, or null when only authors are named. */
  outlet: string | null;
  authors: string[];
  /** The credit phrase: text.slice(start, end). */
  text: string;
  start: number;
  end: number;
  strength: 'attribution' | 'mention';
  kind: CreditKind;
}

/** A capitalised run that may name an outlet: "The Washington Times", "Die Welt", "the Times". */
/** A capitalised word or a dotted acronym ("U.S."); a period after a plain word ends the name. */
const CAP = String.raw`(?:\p{Lu}\.(?:\p{Lu}\.)+|\p{Lu}[\p{L}\p{N}&'-]*)`;
const OUT = String.raw`((?:[Tt]he\s+)?${CAP}(?:\s+(?:(?:of|for|and|&|de|du|la|le|el|al|am)\s+)?${CAP})*)`;
const AUTH = String.raw`(\p{Lu}[\p{L}'.-]+(?:\s+\p{Lu}[\p{L}'.-]+){0,3}(?:(?:,\s*(?:and\s+)?|\s+and\s+)\p{Lu}[\p{L}'.-]+(?:\s+\p{Lu}[\p{L}'.-]+){0,3})*)`;
const DESCRIPTOR = String.raw`(?:\s+(?:daily|newspaper|magazine|news\s+agency|website|outlet|broadcaster|paper|agency|network|channel|tabloid|weekly))?`;

/** Which names a pattern accepts as an outlet. */
type Accept = 'news' | 'not_person' | 'any';

interface Rule {
  kind: CreditKind;
  strength: Credit['strength'];
  re: RegExp;
  /** Capture group of the outlet (0 = none) and of the authors (0 = none). */
  outlet: number;
  authors: number;
  accept: Accept;
  /**
   * Literals of which every match holds at least one: a text holding none is not searched.
   * Most rules match nowhere in most texts, and a pattern that opens on a capitalised name
   * tries a match at every capital; `includes` skips those texts for a small part of the cost.
   */
  needs: readonly string[];
}

const rule = (kind: CreditKind, strength: Credit['strength'], src: string, outlet: number, authors: number, accept: Accept, needs: readonly string[]): Rule => ({
  kind, strength, re: new RegExp(src, 'gu'), outlet, authors, accept, needs,
});

/** Exported for the test that every rule's match holds one of its `needs`. */
export const RULES: Rule[] = [
  rule('version_of', 'attribution', String.raw`\b(?:[Aa]n?|[Tt]he|[Tt]his\s+is\s+an?)\s+(?:(?:abridged|edited|shortened|condensed|updated|modified|adapted|longer|shorter)\s+)?version\s+of\s+(?:an?|the|this)\s+(?:article|story|report|piece|column)\s+(?:(?:that\s+)?(?:was\s+)?(?:originally\s+|first\s+)?(?:written|published|appeared)\s+)?(?:by\s+${AUTH}\s*)?(?:(?:for|in|on|by)\s+${OUT})?`, 2, 1, 'any', ['version']),
  rule('originally_published', 'attribution', String.raw`\b(?:originally|first)\s+(?:published|appeared|ran|posted)\s+(?:in|on|by|at)\s+${OUT}`, 1, 0, 'not_person', ['originally', 'first']),
  rule('first_reported', 'attribution', String.raw`\b[Aa]s\s+(?:first\s+|originally\s+|previously\s+|earlier\s+)?reported\s+(?:by|in)\s+${OUT}`, 1, 0, 'not_person', ['reported']),
  rule('reported', 'attribution', String.raw`${OUT}${DESCRIPTOR}(?:,\s*\p{Ll}+,)?\s+(?:(?:has|had|have|first|also|previously|earlier|recently|originally)\s+)*reported\b(?!\s+to\b)`, 1, 0, 'not_person', ['reported']),
  rule('according_to', 'attribution', String.raw`\b[Aa]ccording\s+to\s+(?:(?:an?|the)\s+(?:report|story|article|investigation)\s+(?:by|in|from)\s+)?${OUT}`, 1, 0, 'news', ['ccording']),
  rule('report_from', 'attribution', String.raw`\b(?:[Ff]rom|[Ii]n)\s+(?:(?:this\s+morning's|this\s+evening's|yesterday's|today's|last\s+night's|an?|the)\s+)?${OUT}(?:'s)?\s+(?:report|story|article|piece|investigation)(?:\s+by\s+${AUTH})?`, 1, 2, 'news', ['report', 'story', 'article', 'piece', 'investigation']),
  rule('report_says', 'attribution', String.raw`${OUT}(?:'s)?\s+(?:report|story|article|investigation|reporting)s?\s+(?:(?:also|further|first|previously)\s+)?(?:notes|noted|says|said|states|stated|found|finds|reveals|revealed|shows|showed|adds|added|claims|claimed)\b`, 1, 0, 'not_person', ['report', 'story', 'article', 'investigation']),
  // "(via Reuters)" or a line "Via: X"; a bare "via X" in a sentence is usually a route.
  rule('via', 'attribution', String.raw`(?:\(\s*[Vv]ia|(?:^|\n)[ \t]*[Vv]ia\s*:)\s*${OUT}`, 1, 0, 'news', ['via', 'Via']),
  rule('written_for', 'attribution', String.raw`\b(?:[Ww]ritten|[Rr]eported|[Ff]iled|[Pp]roduced)\s+by\s+${AUTH}\s+(?:for|of|at)\s+${OUT}`, 2, 1, 'any', ['ritten', 'eported', 'iled', 'roduced']),
  rule('source_line', 'attribution', String.raw`(?:^|\n)[ \t]*(?:Source|SOURCE|Sources)\s*:\s*${OUT}`, 1, 0, 'not_person', ['Source', 'SOURCE']),
  // A copyright line names the page's own publisher: a mention, never credit to a source.
  rule('copyright', 'mention', String.raw`(?:\u00a9|\([cC]\)|Copyright)\s*(?:\d{4}\s+)?${OUT}`, 1, 0, 'not_person', ['\u00a9', '(c)', '(C)', 'Copyright']),
  rule('contributed', 'attribution', String.raw`${AUTH}\s+contributed\s+to\s+this\s+(?:report|story|article)`, 1, 1, 'any', ['contributed']),
  rule('told', 'mention', String.raw`\b(?:told|tells|telling|said\s+to|reported\s+to|noted\s+to|explained\s+to|elaborated\s+to|expounded\s+to|confirmed\s+to)\s+${OUT}`, 1, 0, 'news', ['told', 'tells', 'telling', 'said', 'reported', 'noted', 'explained', 'elaborated', 'expounded', 'confirmed']),
  rule('spoke_to', 'mention', String.raw`\b(?:spoke|speaking|talking|talked)\s+(?:to|with)\s+${OUT}`, 1, 0, 'news', ['spoke', 'speaking', 'talking', 'talked']),
  rule('has_learned', 'mention', String.raw`${OUT}\s+(?:has|have)\s+learned\b`, 1, 0, 'news', ['learned']),
  rule('interview', 'mention', String.raw`\bin\s+an?\s+(?:exclusive\s+)?interview\s+with\s+${OUT}`, 1, 0, 'news', ['interview']),
  rule('comment_request', 'mention', String.raw`\brequests?\s+for\s+comment\s+(?:by|from)\s+${OUT}`, 1, 0, 'news', ['request']),
  rule('comment_request', 'mention', String.raw`${OUT}\s+requests?\s+for\s+comment`, 1, 0, 'news', ['request']),
];

const SOCIAL = /(?:^|\.)(?:twitter|x|facebook|instagram|youtube|youtu|t|tiktok|linkedin|reddit|telegram|wa|bit|goo)\.[a-z]+$/;

/**
 * Does a rule take `name` as its outlet? Only 'not_person' must tell a person or a place from an
 * unknown name, which needs the part-of-speech tagger; for 'news' and 'any' the word lists
 * decide (the tagger only ever tells apart classes both treat alike), so most names never
 * reach it.
 */
function acceptsOutlet(name: string, accept: Accept, classify: Classifier): boolean {
  const cls = accept === 'not_person' ? classify(name) : classifyByWords(name);
  if (accept === 'any') return cls !== 'institution';
  if (accept === 'news') return cls === 'news';
  return cls === 'news' || cls === 'unknown';
}

function splitAuthors(s: string | undefined): string[] {
  if (!s) return [];
  return s.split(/\s*,\s*(?:and\s+)?|\s+and\s+/).map((a) => a.trim()).filter(Boolean);
}

/** classifyName runs a part-of-speech tagger; a corpus names the same outlets and people again and again. */
const CLASS_MEMO_LIMIT = 50_000;
const classMemo = new Map<string, OutletClass>();
function classOf(name: string): OutletClass {
  let cls = classMemo.get(name);
  if (cls === undefined) {
    if (classMemo.size >= CLASS_MEMO_LIMIT) classMemo.clear();
    classMemo.set(name, (cls = classifyName(name)));
  }
  return cls;
}

/** Tells what kind of thing an outlet name is: the tagger (classOf), or an assumption about it. */
type Classifier = (name: string) => OutletClass;

/** The credit a rule's match makes when names are classified by `cls`; null when it makes none. */
function creditOf(text: string, r: Rule, m: RegExpExecArray, cls: Classifier): Credit | null {
  const outletRaw = r.outlet ? m[r.outlet] : undefined;
  let outlet = outletRaw ? cleanOutletName(outletRaw) : null;
  let authors = r.authors && r.authors !== r.outlet ? splitAuthors(m[r.authors]) : [];
  if (r.kind === 'contributed' && outlet) {
    const c = cls(outlet);
    if (c === 'person' || (c === 'unknown' && outlet.includes(' and '))) [authors, outlet] = [splitAuthors(outlet), null];
  } else if (outlet && !acceptsOutlet(outlet, r.accept, cls)) outlet = null;
  if (!outlet && authors.length === 0) return null;
  const lead = /^[\s(\n]*/.exec(m[0])![0].length;
  const start = m.index + lead;
  const end = m.index + m[0].replace(/[\s.,;:]+$/, '').length;
  return { outlet, authors, text: text.slice(start, end), start, end, strength: r.strength, kind: r.kind };
}

function ruleMatches(text: string, r: Rule): RegExpExecArray[] {
  const out: RegExpExecArray[] = [];
  if (!r.needs.some((literal) => text.includes(literal))) return out;
  r.re.lastIndex = 0;
  for (let m = r.re.exec(text); m; m = r.re.exec(text)) out.push(m);
  return out;
}

function linkCredits(text: string, out: Credit[]): void {
  const re = /https?:\/\/(?:www\.)?([a-z0-9-]+(?:\.[a-z0-9-]+)+)[^\s)"'\]]*/gi;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const domain = m[1].toLowerCase();
    if (SOCIAL.test(domain)) continue;
    out.push({ outlet: domain, authors: [], text: m[0], start: m.index, end: m.index + m[0].length, strength: 'attribution', kind: 'link' });
  }
}

/** Overlapping finds keep the stronger, longer one; the rest in text order. */
function keepStrongest(found: Credit[]): Credit[] {
  found.sort((a, b) => (a.strength === b.strength ? 0 : a.strength === 'attribution' ? -1 : 1) || b.end - b.start - (a.end - a.start) || a.start - b.start);
  const kept: Credit[] = [];
  for (const c of found) if (!kept.some((k) => k.start < c.end && c.start < k.end)) kept.push(c);
  return kept.sort((a, b) => a.start - b.start || a.end - b.end);
}

/** The classes only the tagger tells apart (classifyByWords answers null for all three). */
const TAGGER_CLASSES: OutletClass[] = ['person', 'place', 'unknown'];

/**
 * The credit phrases of a text, found in two steps. `possible` holds every credit the text could
 * have whatever the part-of-speech tagger says of its names (each match read once per class the
 * tagger may answer), without running the tagger; `resolve()` runs it and returns findCredits'
 * answer, a subset of `possible`. A caller that only asks "does this text credit X?" can answer
 * "no" from `possible` alone, which is most pairs: the tagger costs about a millisecond a name.
 */
export interface CreditSearch {
  possible: Credit[];
  resolve(): Credit[];
}

export function searchCredits(text: string): CreditSearch {
  const matches = RULES.map((r) => ruleMatches(text, r));
  const links: Credit[] = [];
  linkCredits(text, links);
  const possible: Credit[] = [];
  RULES.forEach((r, i) => {
    for (const m of matches[i]) {
      for (const assumed of TAGGER_CLASSES) {
        const c = creditOf(text, r, m, (name) => classifyByWords(name) ?? assumed);
        if (c) possible.push(c);
      }
    }
  });
  let resolved: Credit[] | undefined;
  return {
    possible: [...possible, ...links],
    resolve(): Credit[] {
      if (!resolved) {
        const found: Credit[] = [];
        RULES.forEach((r, i) => {
          for (const m of matches[i]) {
            const c = creditOf(text, r, m, classOf);
            if (c) found.push(c);
          }
        });
        resolved = keepStrongest([...found, ...links]);
      }
      return resolved;
    },
  };
}

/** Credit phrases in a normalised text, in text order; overlapping finds keep the stronger, longer one. */
export function findCredits(text: string): Credit[] {
  return searchCredits(text).resolve();
}

const personKey = (s: string) => s.toLowerCase().replace(/[^\p{L}\s]/gu, '').replace(/\s+/g, ' ').trim();

/** Does an attribution name the source outlet (any spelling or short form) or one of its authors? */
export function creditsSource(credits: readonly Credit[], sourceOutlet: string | null, sourceAuthors: readonly string[]): boolean {
  const authors = new Set(sourceAuthors.map(personKey));
  return credits.some((c) => {
    if (c.strength !== 'attribution') return false;
    if (c.authors.some((a) => authors.has(personKey(a)))) return true;
    if (!sourceOutlet || !c.outlet) return false;
    return outletKey(c.outlet) === outletKey(sourceOutlet) || resolveOutlet(c.outlet, [sourceOutlet]) !== null;
  });
}
