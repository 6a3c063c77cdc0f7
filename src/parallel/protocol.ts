/** Messages between the main thread and the workers of src/parallel (plain, cloneable data). */
import type { EngineOptions } from '../engine/engine.js';
import type { EncodedArticle } from '../store/encoded-article.js';
import type { TermStats } from '../relate/topic.js';
import type { FinishJob, FinishReply, RankJob, RankReply } from '../engine/trace-shard.js';
import type { Article, PairRelation, RawDocument } from '../types.js';

/**
 * One document prepared by a worker: what the main thread writes to the store, packed so that
 * the message is cheap to read there (span lists as JSON text, keys in one typed array).
 */
export interface PreparedDocument {
  ok: true;
  article: EncodedArticle;
  /** encodeFingerprint() of the article's fingerprint. */
  fingerprint: Uint8Array;
  /**
   * Name keys (articleEntityKeys, for same-event search) followed by the LSH band keys of
   * every sketch (StoreCandidateIndex's keys).
   */
  bucketKeys: Float64Array;
}

/** A document refused while preparing (no text, unreadable HTML …). */
export interface RefusedDocument {
  ok: false;
  source: string;
  message: string;
  /** True when the cause was a bug rather than bad input. */
  internal: boolean;
}

/** What relation workers need besides the two articles, to judge pairs as the main thread would. */
export interface RelateContext {
  /** Corpus document frequencies for topic weights (analyzeAll's); none = no corpus weighting. */
  stats?: TermStats;
  /**
   * Multi-word names and how many times the corpus carries them (occurrences summed over
   * articles); an article's known phrases are the names other articles carry. None = the names
   * of the two articles of the pair (as trace and compare do).
   */
  nameCounts?: Map<string, number>;
}

export type WorkerTask =
  | { type: 'prepare'; options: EngineOptions; docs: RawDocument[] }
  | { type: 'context'; options: EngineOptions; context: RelateContext }
  | { type: 'relate'; pairs: Array<[Article, Article]> }
  /** The two halves of a trace shard's work (src/engine/trace-shard.ts), after 'context'. */
  | { type: 'trace-rank'; job: RankJob }
  | { type: 'trace-finish'; job: FinishJob }
  | { type: 'trace-drop'; traceId: number };

export type WorkerReply =
  | { type: 'prepared'; docs: Array<PreparedDocument | RefusedDocument> }
  | { type: 'ready' }
  | { type: 'related'; relations: PairRelation[] }
  | { type: 'ranked'; reply: RankReply }
  | { type: 'finished'; reply: FinishReply }
  | { type: 'failed'; message: string };
