/**
 * Plain data shared by every stage of the pipeline. Stages take these and return these;
 * only ingest, store, cli and server do IO (see docs/ARCHITECTURE.md).
 */

/** Half-open character range [start, end) into an article's stored `text`. */
export interface Span {
  start: number;
  end: number;
}

/** Why a stretch of text was set apart from the article body. */
export type BoilerplateKind =
  | 'repeated_title' // headline repeated as the first body line
  | 'social' // share buttons, "Join our Telegram channel", "Follow us"
  | 'comments' // "Leave a Reply", "No comments:", "Post a Comment", email-not-published
  | 'newsletter' // newsletter / subscription plugs
  | 'photo' // captions and "(photo credit: …)" lines
  | 'related_links' // "For more stories, go to", "Read more", "Find Out More"
  | 'byline' // "Redak staff", "By Jane Doe" lines standing alone
  | 'dateline' // a line holding only a date
  | 'footer' // author bios, intern notes, copyright lines
  | 'other';

export interface BoilerplateSpan extends Span {
  kind: BoilerplateKind;
}

/** Metadata of an article; every field may be unknown. Dates are ISO 8601 (`YYYY-MM-DD` or full). */
export interface ArticleMeta {
  title: string | null;
  outlet: string | null;
  author: string | null;
  published: string | null;
  url: string | null;
}

/** What an ingest reader yields: one document before cleaning. */
export interface RawDocument {
  /** Where it came from: a file path, `path:line` for JSON lines, a URL, or `-` for stdin. */
  source: string;
  /** `html` bodies go through main-text extraction; `text` bodies are used as they are. */
  kind: 'text' | 'html';
  body: string;
  /** Metadata the container already knew (JSONL fields, HTML meta, WARC headers). */
  meta: Partial<ArticleMeta>;
}

/** A cleaned, segmented article: what the store keeps and every analysis reads. */
export interface Article extends ArticleMeta {
  /** Stable id derived from the content hash (hex, 16 chars). */
  id: string;
  source: string;
  /** Normalised full text, boilerplate included; all offsets point into it. */
  text: string;
  /** sha256 (hex) of the body text with boilerplate removed and whitespace/case folded. */
  contentHash: string;
  boilerplate: BoilerplateSpan[];
  paragraphs: Span[];
  /** Sentences of the body (boilerplate excluded). */
  sentences: Span[];
}

/** A word of an article with its place in the stored text. */
export interface Token extends Span {
  /** As written. */
  surface: string;
  /** Lower-cased, quotes/dashes folded. */
  norm: string;
  /** Dictionary form (wink-lemmatizer), lower case. */
  lemma: string;
  /** Synonym-class id: equal for words WordNet says are synonyms ("sought"/"seek"/"look for"). */
  canon: string;
  /** A function word (spinners leave these alone). */
  stop: boolean;
  /** Index of the sentence holding it, into Article.sentences. */
  sentence: number;
}

/** The nine relations of shared/SPEC.md. */
export type RelationType =
  | 'duplicate'
  | 'near_duplicate'
  | 'spun_copy'
  | 'excerpt'
  | 'abridged'
  | 'rewrite'
  | 'same_event'
  | 'related'
  | 'unrelated';

export const DERIVED_RELATIONS: readonly RelationType[] = [
  'duplicate',
  'near_duplicate',
  'spun_copy',
  'excerpt',
  'abridged',
  'rewrite',
];

/** One change inside an aligned passage, from a's wording to b's. */
export interface Edit {
  op: 'same' | 'synonym' | 'replace' | 'insert' | 'delete';
  /** Character range in a (null for an insertion into b). */
  a: [number, number] | null;
  b: [number, number] | null;
}

/** A word (or short phrase) swap found between two texts, or inside one text from a broken set phrase. */
export interface Substitution {
  a: string;
  b: string;
  a_at: number;
  b_at: number;
  /** thesaurus: WordNet says synonyms; context: flanked by identical words; phrase: broken set phrase. */
  evidence: 'thesaurus' | 'context' | 'phrase';
}

export interface AlignedPassage {
  a: [number, number];
  b: [number, number];
  /** Share of the passage's content tokens that match (identical or synonym), 0..1. */
  similarity: number;
  /** Token-level diff inside the passage. */
  edits: Edit[];
}

/** A relation between two articles with its evidence (the shape of `compare --json`). */
export interface PairRelation {
  a: string;
  b: string;
  relation: RelationType;
  confidence: number;
  /** The rule that decided the relation, in words. */
  explanation: string;
  /** Which text is the source: "a->b" means a is the source of b. */
  direction: 'a->b' | 'b->a' | null;
  direction_confidence: number;
  direction_reasons: string[];
  /** Share of each text's body covered by aligned passages, 0..1. */
  share_a: number;
  share_b: number;
  passages: AlignedPassage[];
  substitutions: Substitution[];
  /** Measured features behind the decision, for the curious and for evaluation. */
  features: Record<string, number>;
}

/** What `src/align` returns for two texts: the raw evidence that `src/relate` classifies. */
export interface Alignment {
  passages: AlignedPassage[];
  /** Share of each body's content tokens inside aligned passages, 0..1. */
  share_a: number;
  share_b: number;
  /** Word swaps found inside passages (a's wording vs b's), ordered by a_at. */
  substitutions: Substitution[];
  /** Counts over all passages, for features. */
  stats: AlignmentStats;
}

export interface AlignmentStats {
  /** Content tokens of each body. */
  tokens_a: number;
  tokens_b: number;
  /** Tokens matched identically / as synonyms / replaced by non-synonyms, counted on a's side. */
  same: number;
  synonym: number;
  replaced: number;
  /** Tokens only in a's passages (deleted in b) / only in b's passages (inserted). */
  deleted: number;
  inserted: number;
  /** Longest run of identical consecutive tokens. */
  longest_run: number;
  /** 1 when passages appear in the same order in both texts, lower when reordered. */
  order_kept: number;
}
