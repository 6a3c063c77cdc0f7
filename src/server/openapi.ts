/**
 * The OpenAPI 3.1 description of the HTTP API, served at /openapi.json. A test checks that
 * every route the app answers is described here and every path here is answered.
 */
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const json = (schema: unknown) => ({ 'application/json': { schema } });
const ok = (description: string, schema: unknown) => ({ description, content: json(schema) });
const errors = (...codes: number[]) =>
  Object.fromEntries(codes.map((c) => [String(c), { $ref: `#/components/responses/Error${c}` }]));
const nullableString = { type: ['string', 'null'] };

const ERROR_TEXT: Record<number, string> = {
  400: 'Bad input (code bad_input or bad_request)',
  404: 'No such article, story or route (code not_found)',
  409: 'An id prefix matches several items (code ambiguous)',
  413: 'Body or text too large (code too_large)',
  415: 'Unsupported Content-Type (code unsupported_media_type)',
  500: 'Internal error (code internal or store); no details are given',
  503: 'Too many analyses queued (code busy) or the request timed out (code timeout)',
};

const pasted = {
  type: 'object',
  description: 'A pasted article: text or html (one of them), optional metadata.',
  properties: {
    text: { type: 'string' }, html: { type: 'string' }, title: { type: 'string' }, outlet: { type: 'string' },
    author: { type: 'string' }, published: { type: 'string', description: 'a date, ISO 8601 preferred' },
    url: { type: 'string' },
  },
};

const schemas = {
  Error: {
    type: 'object', required: ['error'],
    properties: { error: { type: 'object', required: ['code', 'message'], properties: { code: { type: 'string' }, message: { type: 'string' } } } },
  },
  PastedArticle: pasted,
  ArticleSummary: {
    type: 'object',
    properties: {
      id: { type: 'string' }, source: { type: 'string' }, title: nullableString, outlet: nullableString, author: nullableString,
      published: nullableString, url: nullableString, chars: { type: 'integer' },
    },
  },
  Span: { type: 'object', properties: { start: { type: 'integer' }, end: { type: 'integer' } } },
  Article: {
    type: 'object',
    description: 'A stored or pasted article: metadata, normalised text, and character offsets (UTF-16, half-open) into it.',
    properties: {
      id: { type: 'string' }, source: { type: 'string' }, title: nullableString, outlet: nullableString, author: nullableString,
      published: nullableString, url: nullableString, text: { type: 'string' }, contentHash: { type: 'string' },
      boilerplate: { type: 'array', items: { allOf: [ref('Span'), { type: 'object', properties: { kind: { type: 'string' } } }] } },
      paragraphs: { type: 'array', items: ref('Span') }, sentences: { type: 'array', items: ref('Span') },
    },
  },
  PairRelation: {
    type: 'object',
    description: 'The relation of two texts with its evidence: passages (offsets in both), edits, substitutions, shares, direction.',
    properties: {
      a: { type: 'string' }, b: { type: 'string' },
      relation: { enum: ['duplicate', 'near_duplicate', 'spun_copy', 'excerpt', 'abridged', 'rewrite', 'same_event', 'related', 'unrelated'] },
      confidence: { type: 'number' }, explanation: { type: 'string' }, direction: { enum: ['a->b', 'b->a', null] },
      direction_confidence: { type: 'number' }, direction_reasons: { type: 'array', items: { type: 'string' } },
      share_a: { type: 'number' }, share_b: { type: 'number' },
      passages: { type: 'array', items: { type: 'object' } }, substitutions: { type: 'array', items: { type: 'object' } },
      features: { type: 'object', additionalProperties: { type: 'number' } },
    },
  },
  CompareSide: {
    oneOf: [{ type: 'object', required: ['id'], properties: { id: { type: 'string', description: 'a stored id or a unique prefix (4+)' } } }, pasted],
  },
  StorySummary: {
    type: 'object',
    properties: {
      id: { type: 'string' }, title: nullableString, size: { type: 'integer' }, first_published: nullableString, last_published: nullableString,
      outlets: { type: 'array', items: { type: 'string' } }, uncredited: { type: 'integer' },
      hidden_source: { oneOf: [{ type: 'null' }, { type: 'object', properties: { id: { type: 'string' }, name: nullableString, copies: { type: 'integer' } } }] },
    },
  },
  Story: {
    type: 'object',
    description: 'A story: members, derivation graph {nodes, edges, timeline}, hidden sources with reconstructed text and per-passage provenance, credits, additions.',
  },
  QuoteGroup: {
    type: 'object',
    properties: {
      text: { type: 'string' }, speaker: nullableString,
      occurrences: { type: 'array', items: { type: 'object', properties: {
        document: { type: 'string' }, start: { type: 'integer' }, end: { type: 'integer' }, text: { type: 'string' },
        kind: { enum: ['verbatim', 'trimmed', 'altered'] }, quoted: { type: 'boolean' },
        changes: { type: 'array', items: { type: 'object', properties: { from: { type: 'string' }, to: { type: 'string' } } } },
      } } },
    },
  },
};

const paths = {
  '/api/health': { get: { summary: 'Is the server up; how many articles are stored', responses: { 200: ok('Status', { type: 'object' }) } } },
  '/api/articles': {
    get: {
      summary: 'List stored articles, by date then id',
      parameters: [
        { name: 'limit', in: 'query', schema: { type: 'integer', default: 100, maximum: 1000 } },
        { name: 'offset', in: 'query', schema: { type: 'integer', default: 0 } },
      ],
      responses: { 200: ok('A page of articles', { type: 'object', properties: { total: { type: 'integer' }, limit: { type: 'integer' }, offset: { type: 'integer' }, articles: { type: 'array', items: ref('ArticleSummary') } } }), ...errors(400) },
    },
    post: {
      summary: 'Add articles: one JSON object, a JSON array, JSON lines, a text or HTML body, or files in a multipart form',
      requestBody: {
        required: true,
        content: {
          'application/json': { schema: { oneOf: [pasted, { type: 'array', items: pasted }] } },
          'application/x-ndjson': { schema: { type: 'string', description: 'one JSON object per line' } },
          'text/plain': { schema: { type: 'string' } }, 'text/html': { schema: { type: 'string' } },
          'multipart/form-data': { schema: { type: 'object', properties: { file: { type: 'array', items: { type: 'string', format: 'binary' } } } } },
        },
      },
      responses: {
        200: ok('Nothing new was added (duplicates or errors only)', { $ref: '#/components/schemas/AddReport' }),
        201: ok('Some articles were added', { $ref: '#/components/schemas/AddReport' }),
        ...errors(400, 413, 415, 503),
      },
    },
  },
  '/api/articles/{id}': {
    get: {
      summary: 'One stored article with its text and boilerplate spans',
      parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
      responses: { 200: ok('The article', ref('Article')), ...errors(404, 409) },
    },
  },
  '/api/trace': {
    post: {
      summary: 'The stored articles related to a pasted text (not stored), strongest first',
      parameters: [{ name: 'limit', in: 'query', schema: { type: 'integer', default: 20, maximum: 100 } }],
      requestBody: { required: true, content: { ...json(pasted), 'text/plain': { schema: { type: 'string' } }, 'text/html': { schema: { type: 'string' } } } },
      responses: {
        200: ok('The traced article and its relations (a = the traced text, b = a stored id, other = its metadata)', {
          type: 'object', properties: { article: ref('Article'), relations: { type: 'array', items: { allOf: [ref('PairRelation'), { type: 'object', properties: { other: ref('ArticleSummary') } }] } } },
        }),
        ...errors(400, 413, 503),
      },
    },
  },
  '/api/compare': {
    post: {
      summary: 'Compare two texts, stored ({id}) or pasted ({text}|{html})',
      requestBody: { required: true, content: json({ type: 'object', required: ['a', 'b'], properties: { a: ref('CompareSide'), b: ref('CompareSide') } }) },
      responses: {
        200: ok('The relation, both articles, and the quotes both carry', {
          type: 'object', properties: { relation: ref('PairRelation'), a: ref('Article'), b: ref('Article'), quotes: { type: 'array', items: { type: 'object' } } },
        }),
        ...errors(400, 404, 413, 503),
      },
    },
  },
  '/api/analyze': {
    post: {
      summary: 'Analyse the store: relations of new pairs, stories, hidden sources, quotes, credit',
      description: 'On a shared PostgreSQL database, waits for any analysis another server or worker is running; requests arriving while one waits share its result.',
      responses: { 200: ok('What the analysis found', { type: 'object' }), ...errors(503) },
    },
  },
  '/api/stories': {
    get: {
      summary: 'Stories of the last analysis (2+ articles unless all=1), largest first',
      parameters: [{ name: 'all', in: 'query', schema: { type: 'string', enum: ['1', 'true'] } }],
      responses: { 200: ok('Stories', { type: 'object', properties: { stories: { type: 'array', items: ref('StorySummary') } } }) },
    },
  },
  '/api/stories/{id}': {
    get: {
      summary: 'One story (by id, unique prefix, or a member article id) with its members\' metadata',
      parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
      responses: { 200: ok('The story', { type: 'object', properties: { story: ref('Story'), articles: { type: 'object', additionalProperties: ref('ArticleSummary') } } }), ...errors(404, 409) },
    },
  },
  '/api/quotes': {
    get: {
      summary: 'Quotes of the last analysis with every article that carried them (2+ articles unless all=1)',
      parameters: [{ name: 'all', in: 'query', schema: { type: 'string', enum: ['1', 'true'] } }],
      responses: { 200: ok('Quote groups', { type: 'object', properties: { quotes: { type: 'array', items: ref('QuoteGroup') }, articles: { type: 'object', additionalProperties: ref('ArticleSummary') } } }) },
    },
  },
  '/openapi.json': { get: { summary: 'This document', responses: { 200: ok('OpenAPI 3.1', { type: 'object' }) } } },
};

const addReport = {
  type: 'object',
  properties: {
    added: { type: 'array', items: { type: 'object', properties: { id: { type: 'string' }, source: { type: 'string' }, title: nullableString } } },
    duplicates: { type: 'array', items: { type: 'object', properties: { id: { type: 'string' }, source: { type: 'string' }, duplicate_of: { type: 'string' } } } },
    errors: { type: 'array', items: { type: 'object', properties: { source: { type: 'string' }, message: { type: 'string' } } } },
  },
};

export const OPENAPI_DOCUMENT = {
  openapi: '3.1.0',
  info: {
    title: 'storytrace',
    version: '0.1.0',
    description: 'Which articles are the same story, who copied whom, how, and what they changed. Errors are JSON {error: {code, message}}.',
  },
  servers: [{ url: '/' }],
  paths,
  components: {
    schemas: { ...schemas, AddReport: addReport },
    responses: Object.fromEntries(Object.entries(ERROR_TEXT).map(([code, description]) => [`Error${code}`, { description, content: json(ref('Error')) }])),
  },
} as const;
