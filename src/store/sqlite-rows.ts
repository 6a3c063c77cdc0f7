/**
 * The SQL of the embedded store (src/store/sqlite.ts): its prepared statements, and an article
 * as a row and back.
 */
import type Database from 'better-sqlite3';
import type { Article } from '../types.js';
import { articleFromColumns, spansJsonOf, type ArticleColumns, type EncodedArticle } from './encoded-article.js';

/** The ids of documents, given as one JSON array so any number of them fits one prepared statement. */
export const IDS_OF_DOCS_SQL = `SELECT doc, id FROM article_docs WHERE doc IN (SELECT value FROM json_each(?))`;

/**
 * The same rows walked in id order on the id index until `LIMIT` of them are found ("+doc"
 * keeps SQLite from looking each document up instead); see firstIdsOf. Exported, like
 * IDS_OF_DOCS_SQL, for bench/tie-walk.ts, which times the two.
 */
export const FIRST_IDS_OF_DOCS_SQL = `SELECT doc, id FROM article_docs WHERE +doc IN (SELECT value FROM json_each(?)) ORDER BY id LIMIT ?`;

/** A row of `articles`: its span columns are JSON text. */
export interface ArticleRow extends ArticleColumns {
  boilerplate: string;
  paragraphs: string;
  sentences: string;
}

const SUMMARY_COLUMNS = `id, source, title, outlet, author, published, chars`;
// NULL dates sort last, as PostgreSQL does by default, so both backends list alike.
const LIST_ORDER = `ORDER BY published IS NULL, published, id`;

/** Every statement of the store, prepared once per connection. */
export function prepareStatements(db: Database.Database) {
  const statements = {
    idByHash: db.prepare(`SELECT id FROM articles WHERE content_hash = ?`).pluck(),
    insertArticle: db.prepare(
      `INSERT INTO articles (id, content_hash, source, title, outlet, author, published, url, text, chars,
         boilerplate, paragraphs, sentences, added_at)
       VALUES (@id, @contentHash, @source, @title, @outlet, @author, @published, @url, @text, @chars,
         @boilerplate, @paragraphs, @sentences, @addedAt)
       ON CONFLICT (content_hash) DO NOTHING`,
    ),
    articleById: db.prepare(`SELECT * FROM articles WHERE id = ?`),
    // A range scan on the primary key: ids starting with the prefix, at most two to spot ambiguity.
    idsByPrefix: db.prepare(`SELECT id FROM articles WHERE id >= ? AND id < ? ORDER BY id LIMIT 2`).pluck(),
    list: db.prepare(`SELECT ${SUMMARY_COLUMNS} FROM articles ${LIST_ORDER} LIMIT ? OFFSET ?`),
    count: db.prepare(`SELECT count(*) FROM articles`).pluck(),
    getSetting: db.prepare(`SELECT value FROM settings WHERE key = ?`).pluck(),
    putSetting: db.prepare(
      `INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
    ),
    putFingerprint: db.prepare(
      `INSERT INTO fingerprints (article_id, kind, data) VALUES (?, ?, ?)
       ON CONFLICT (article_id, kind) DO UPDATE SET data = excluded.data`,
    ),
    getFingerprint: db.prepare(`SELECT data FROM fingerprints WHERE article_id = ? AND kind = ?`).pluck(),
    insertDoc: db.prepare(`INSERT INTO article_docs (id) VALUES (?)`),
    docOf: db.prepare(`SELECT doc FROM article_docs WHERE id = ?`).pluck(),
    idsOfDocs: db.prepare(IDS_OF_DOCS_SQL),
    firstIdsOfDocs: db.prepare(FIRST_IDS_OF_DOCS_SQL),
    lastDoc: db.prepare(`SELECT max(doc) FROM article_docs`).pluck(),
    putRelation: db.prepare(
      `INSERT INTO relations (a, b, json) VALUES (?, ?, ?) ON CONFLICT (a, b) DO UPDATE SET json = excluded.json`,
    ),
    relationsOf: db.prepare(`SELECT json FROM relations WHERE a = ? OR b = ? ORDER BY a, b`).pluck(),
    allRelations: db.prepare(`SELECT json FROM relations ORDER BY a, b`).pluck(),
    storyMembers: db.prepare(`SELECT id, members FROM stories`),
    deleteStory: db.prepare(`DELETE FROM stories WHERE id = ?`),
    insertStory: db.prepare(`INSERT INTO stories (id, members, data) VALUES (?, ?, ?)`),
    allStories: db.prepare(`SELECT id, members, data FROM stories ORDER BY id`),
  };
  // named by better-sqlite3's exported alias, so that declarations can name them
  return statements as { [K in keyof typeof statements]: Database.Statement };
}

/** An article as the named parameters of insertArticle. */
export function articleToRow(a: Article | EncodedArticle): Record<string, unknown> {
  const spans = spansJsonOf(a);
  return {
    id: a.id,
    contentHash: a.contentHash,
    source: a.source,
    title: a.title ?? null,
    outlet: a.outlet ?? null,
    author: a.author ?? null,
    published: a.published ?? null,
    url: a.url ?? null,
    text: a.text,
    chars: a.text.length,
    boilerplate: spans.boilerplate,
    paragraphs: spans.paragraphs,
    sentences: spans.sentences,
    addedAt: new Date().toISOString(),
  };
}

/** A row of `articles` as an article. */
export function rowToArticle(r: ArticleRow): Article {
  return articleFromColumns(r, { boilerplate: JSON.parse(r.boilerplate), paragraphs: JSON.parse(r.paragraphs), sentences: JSON.parse(r.sentences) });
}
