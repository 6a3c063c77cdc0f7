/**
 * Broken names: a capitalised run equal to a multi-word name seen elsewhere in the corpus except
 * for a few swapped related words ("Structure for Defense of Democracies"). The names are
 * indexed once by their words (KnownNames), so a text is checked only where one of its words
 * could anchor a name, not at every position against every name.
 */
import type { PhraseLexicon } from '../lexicon/lexicon.js';
import type { Substitution, Token } from '../types.js';

const isCapitalised = (s: string): boolean => /^\p{Lu}/u.test(s);

/** Words a name may hold that count as function words when the text does not use them. */
const FALLBACK_STOP = /^(of|for|the|and|on|in|to|a|an|at|by)$/;

/** One position of a known name: a word, or a WordNet expression inside it that one word may stand for. */
interface NameSlot {
  norm: string;
  lemma: string;
  stop: boolean;
  /** This slot stands for several words of the name ("Plan of Action" -> one slot "plan of action"). */
  collapsed: boolean;
  /** Index of the name's word this slot is (-1 when collapsed). */
  word: number;
}

interface NameVariant {
  name: string;
  slots: NameSlot[];
}

interface NameEntry {
  name: string;
  /** Lower-case words as the name is split for matching. */
  norms: string[];
  lemmas: string[];
  /** First and last word capitalised and at least two words: the only names that can be broken. */
  usable: boolean;
}

/**
 * Multi-word names known to a corpus, indexed by their words. `counts` says how often the
 * corpus carries each name; a name is known to a text when the corpus carries it more often
 * than the text itself does (a plain list: every name is known to every text).
 */
export class KnownNames {
  private readonly entries: NameEntry[] = [];
  private readonly counts = new Map<string, number>();
  /** norm or lemma of a name's word -> [entry, word index] (function words left out). */
  private readonly byNorm = new Map<string, Array<[number, number]>>();
  private readonly byLemma = new Map<string, Array<[number, number]>>();
  /** Variants per name and stop-word pattern (the pattern depends on the text). */
  private readonly variantCache = new Map<string, NameVariant[]>();

  constructor(
    names: Iterable<string> | ReadonlyMap<string, number>,
    readonly lexicon: PhraseLexicon,
  ) {
    const list: Array<[string, number]> = isMap(names) ? [...names] : [...names].map((n) => [n, Infinity]);
    for (const [name, count] of list) {
      if (this.counts.has(name)) continue;
      this.counts.set(name, count);
      const norms = name.split(/\s+/).map((w) => w.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '')).filter((w) => w.length > 0);
      const usable = norms.length >= 2 && isCapitalised(norms[0]) && isCapitalised(norms[norms.length - 1]);
      const lower = norms.map((w) => w.toLowerCase());
      const entry: NameEntry = { name, norms: lower, lemmas: usable ? lower.map((w) => lexicon.lemma(w)) : [], usable };
      const at = this.entries.push(entry) - 1;
      if (!usable) continue;
      lower.forEach((w, k) => {
        if (FALLBACK_STOP.test(w)) return;
        push(this.byNorm, w, [at, k]);
        push(this.byLemma, entry.lemmas[k], [at, k]);
      });
    }
  }

  /** Known to a text that itself carries `own` (name -> occurrences in that text). */
  isKnown(name: string, own?: ReadonlyMap<string, number>): boolean {
    const total = this.counts.get(name);
    return total !== undefined && total > (own?.get(name) ?? 0);
  }

  /** Entries whose word `k` has this norm or lemma. */
  anchored(norm: string, lemma: string): Array<[number, number]> {
    const a = this.byNorm.get(norm) ?? [];
    const b = this.byLemma.get(lemma) ?? [];
    return a.length === 0 ? b : b.length === 0 ? a : [...a, ...b];
  }

  entry(i: number): NameEntry {
    return this.entries[i];
  }

  /** Every usable entry (for texts whose function words are tokenised unusually). */
  allPositions(): Array<[number, number]> {
    const out: Array<[number, number]> = [];
    this.entries.forEach((e, i) => e.usable && e.norms.forEach((_, k) => out.push([i, k])));
    return out;
  }

  variants(i: number, stop: (w: string) => boolean): NameVariant[] {
    const e = this.entries[i];
    const stops = e.norms.map(stop);
    const key = e.name + '\u0001' + stops.map((s) => (s ? 1 : 0)).join('');
    let v = this.variantCache.get(key);
    if (!v) this.variantCache.set(key, (v = nameVariants(e, stops, this.lexicon)));
    return v;
  }
}

const isMap = (x: unknown): x is ReadonlyMap<string, number> => x instanceof Map;

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** A known name and its variants with each WordNet expression inside it collapsed to one slot. */
function nameVariants(e: NameEntry, stops: readonly boolean[], lexicon: PhraseLexicon): NameVariant[] {
  if (!e.usable) return [];
  const slots: NameSlot[] = e.norms.map((norm, k) => ({ norm, lemma: e.lemmas[k], stop: stops[k], collapsed: false, word: k }));
  const variants: NameVariant[] = [{ name: e.name, slots }];
  for (let from = 0; from < slots.length; from++) {
    for (let size = 2; size <= 4 && from + size <= slots.length; size++) {
      const span = slots.slice(from, from + size);
      if (span[0].stop || span[size - 1].stop || !lexicon.isPhrase(span.map((x) => x.lemma))) continue;
      const joined = span.map((x) => x.lemma).join(' ');
      const merged: NameSlot = { norm: joined, lemma: joined, stop: false, collapsed: true, word: -1 };
      variants.push({ name: e.name, slots: [...slots.slice(0, from), merged, ...slots.slice(from + size)] });
    }
  }
  return variants;
}

/** Whether a text window reads as the name with a few related words swapped. */
function isSwappedName(window: readonly Token[], slots: readonly NameSlot[], lexicon: PhraseLexicon, maxSwaps: number): boolean {
  let swaps = 0;
  let anchors = 0;
  for (let k = 0; k < slots.length; k++) {
    const t = window[k];
    const slot = slots[k];
    if (!slot.collapsed && (t.norm === slot.norm || t.lemma === slot.lemma)) {
      if (!slot.stop) anchors++;
      continue;
    }
    if (t.stop || slot.stop || !isCapitalised(t.surface)) return false;
    swaps++;
  }
  if (swaps === 0 || swaps > maxSwaps || anchors < swaps) return false;
  // a long frame of identical words is strong context: allow two thesaurus hops there
  const hops = anchors >= 2 ? 2 : 1;
  return slots.every((slot, k) => {
    const t = window[k];
    const same = !slot.collapsed && (t.norm === slot.norm || t.lemma === slot.lemma);
    return same || lexicon.relatedWithin(t.lemma, slot.lemma, hops);
  });
}

/** Lower-case words that may sit inside a name ("Bank of England", "Foundation for Defense of Democracies"). */
const NAME_CONNECTORS = new Set(['of', 'for', 'and', 'the', 'on', 'de', 'del', 'la', 'von', 'van', 'der']);

/**
 * Multi-word names in a text, for other texts' `knownPhrases`: runs of capitalised words
 * (small function words allowed inside, as in "Foundation for Defense of Democracies").
 */
export function namePhrases(text: string, tokens: readonly Token[]): string[] {
  const names = new Set<string>();
  let run: Token[] = [];
  const flush = (): void => {
    while (run.length > 0 && !isCapitalised(run[run.length - 1].surface)) run.pop();
    if (run.length >= 2) names.add(text.slice(run[0].start, run[run.length - 1].end));
    run = [];
  };
  tokens.forEach((t, i) => {
    const joined = i > 0 && t.sentence === tokens[i - 1].sentence && /^[ \t]+$/.test(text.slice(tokens[i - 1].end, t.start));
    if (run.length > 0 && !joined) flush();
    if (isCapitalised(t.surface) && !/^\p{Lu}+$/u.test(t.surface)) run.push(t);
    else if (run.length > 0 && NAME_CONNECTORS.has(t.surface) && run.length < 6) run.push(t);
    else flush();
  });
  flush();
  return [...names].sort();
}

/**
 * Where a known name could start in the text: a swapped name keeps at least one of its content
 * words (anchors ≥ swaps ≥ 1), so only positions a text word anchors are tried. Sorted as a
 * scan of every position against every name would meet them (position, name, variant).
 */
function anchoredStarts(tokens: readonly Token[], known: KnownNames, stop: (w: string) => boolean, own?: ReadonlyMap<string, number>) {
  // The index leaves out FALLBACK_STOP words; only a text that tokenises one of them as a
  // content word (no real tokenizer does) needs every position tried.
  const unusual = tokens.some((t) => !t.stop && FALLBACK_STOP.test(t.norm));
  const found = new Map<string, [number, number, number]>();
  const variantsOf = new Map<number, NameVariant[]>(); // this text's stop words fix the variants
  const consider = (j: number, entry: number, word: number): void => {
    let variants = variantsOf.get(entry);
    if (!variants) variantsOf.set(entry, (variants = known.isKnown(known.entry(entry).name, own) ? known.variants(entry, stop) : []));
    variants.forEach((v, vi) => {
      const k = v.slots.findIndex((s) => s.word === word);
      if (k < 0 || j - k < 0) return;
      found.set(`${j - k}|${entry}|${vi}`, [j - k, entry, vi]);
    });
  };
  if (unusual) {
    const all = known.allPositions();
    for (let j = 0; j < tokens.length; j++) for (const [e, w] of all) consider(j, e, w);
  } else {
    tokens.forEach((t, j) => {
      for (const [e, w] of known.anchored(t.norm, t.lemma)) consider(j, e, w);
    });
  }
  return [...found.values()].sort((x, y) => x[0] - y[0] || x[1] - y[1] || x[2] - y[2]);
}

/** Capitalised runs that equal a known name except for swapped related words. */
export function brokenNames(
  text: string,
  tokens: readonly Token[],
  known: KnownNames,
  maxSwaps: number,
  own?: ReadonlyMap<string, number>,
): Substitution[] {
  const lexicon = known.lexicon;
  const stopOf = new Map(tokens.map((t) => [t.norm, t.stop]));
  const stop = (w: string): boolean => stopOf.get(w) ?? FALLBACK_STOP.test(w);
  const ownNames = new Set(namePhrases(text, tokens));
  const found: Substitution[] = [];
  for (const [i, entry, vi] of anchoredStarts(tokens, known, stop, own)) {
    if (!isCapitalised(tokens[i].surface)) continue;
    const v = known.variants(entry, stop)[vi];
    const w = tokens.slice(i, i + v.slots.length);
    if (w.length < v.slots.length || w.some((t) => t.sentence !== w[0].sentence)) continue;
    const written = text.slice(w[0].start, w[w.length - 1].end);
    // only a whole name ("Joint Comprehensive Plan" inside "... Plan of Action" is not one), and not a name in its own right
    if (!ownNames.has(written) || known.isKnown(written, own) || lexicon.isPhrase(w.map((t) => t.norm))) continue;
    if (!isSwappedName(w, v.slots, lexicon, maxSwaps)) continue;
    found.push({ a: written, b: v.name, a_at: w[0].start, b_at: w[0].start, evidence: 'phrase' });
  }
  return found;
}
