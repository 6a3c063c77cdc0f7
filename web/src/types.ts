/** The shapes the API answers with (see /openapi.json and src/types.ts of the engine). */
export interface Span {
  start: number;
  end: number;
}

export interface ArticleSummary {
  id: string;
  source: string;
  title: string | null;
  outlet: string | null;
  author: string | null;
  published: string | null;
  url?: string | null;
  chars: number;
}

export interface Article extends Omit<ArticleSummary, 'chars'> {
  text: string;
  boilerplate: Array<Span & { kind: string }>;
  paragraphs: Span[];
  sentences: Span[];
}

export interface Edit {
  op: 'same' | 'synonym' | 'replace' | 'insert' | 'delete';
  a: [number, number] | null;
  b: [number, number] | null;
}

export interface PairRelation {
  a: string;
  b: string;
  relation: string;
  confidence: number;
  explanation: string;
  direction: 'a->b' | 'b->a' | null;
  direction_confidence: number;
  direction_reasons: string[];
  share_a: number;
  share_b: number;
  passages: Array<{ a: [number, number]; b: [number, number]; similarity: number; edits: Edit[] }>;
  substitutions: Array<{ a: string; b: string; a_at: number; b_at: number; evidence: string }>;
}

export interface CompareQuote {
  text: string;
  speaker: string | null;
  occurrences: Array<{ side: 'a' | 'b'; start: number; end: number; kind: 'verbatim' | 'trimmed' | 'altered'; changes: Array<{ from: string; to: string }> }>;
}

export interface CompareResult {
  relation: PairRelation;
  a: Article;
  b: Article;
  quotes: CompareQuote[];
}

export interface TraceResult {
  article: Article;
  relations: Array<PairRelation & { other: ArticleSummary | null }>;
}

export interface StorySummary {
  id: string;
  title: string | null;
  size: number;
  first_published: string | null;
  last_published: string | null;
  outlets: string[];
  hidden_source: { id: string; name: string | null; copies: number } | null;
  uncredited: number;
}

export interface GraphNode {
  id: string;
  kind: 'article' | 'hidden_source';
  label: string;
  outlet: string | null;
  published: string | null;
}

export interface GraphEdge {
  from: string;
  to: string;
  relation: string;
  directed: boolean;
  confidence: number;
  reasons: string[];
}

export interface Segment {
  text: string;
  from: string[];
  variants?: Array<{ document: string; text: string }>;
  corrected?: 'majority' | 'quote' | 'set_phrase';
}

export interface Story {
  id: string;
  members: string[];
  title: string | null;
  first_published: string | null;
  last_published: string | null;
  outlets: string[];
  graph: { nodes: GraphNode[]; edges: GraphEdge[]; timeline: Array<{ date: string | null; id: string; label: string }> };
  hidden_sources: Array<{ id: string; name: string | null; authors: string[]; copies: string[]; text: string; evidence: string[]; confidence: number; segments: Segment[] }>;
  credits: Array<{ document: string; credits: boolean | null; source: string | null; evidence: string[] }>;
  additions: Array<Span & { document: string; text: string; opinion: boolean; cues: string[] }>;
}

export interface QuoteGroup {
  text: string;
  speaker: string | null;
  occurrences: Array<{ document: string; start: number; end: number; text: string; kind: 'verbatim' | 'trimmed' | 'altered'; quoted: boolean; changes?: Array<{ from: string; to: string }> }>;
}

/** One side of a comparison request. */
export type CompareSide = { id: string } | { text: string } | { html: string };
