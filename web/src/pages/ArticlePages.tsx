/** The list of stored articles and one article with its boilerplate greyed. */
import { useMemo } from 'react';
import { AnnotatedText, type Mark } from '../components/AnnotatedText';
import { SafeLink, Show, useGet, articleName } from '../components/common';
import { href } from '../router';
import type { Article, ArticleSummary } from '../types';

export function ArticlesPage() {
  const loaded = useGet<{ total: number; articles: ArticleSummary[] }>('/api/articles?limit=1000');
  return (
    <section>
      <h1>Articles</h1>
      <Show loaded={loaded}>
        {({ total, articles }) => (
          <>
            <p className="muted">{total} stored{total > articles.length ? `, first ${articles.length} shown` : ''}.</p>
            <table className="articles">
              <thead>
                <tr><th>date</th><th>outlet</th><th>title</th><th>id</th></tr>
              </thead>
              <tbody>
                {articles.map((a) => (
                  <tr key={a.id}>
                    <td>{a.published?.slice(0, 10) ?? '—'}</td>
                    <td>{a.outlet ?? '—'}</td>
                    <td><a href={href(['article', a.id])}>{a.title ?? a.source}</a></td>
                    <td className="mono">{a.id.slice(0, 8)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        )}
      </Show>
    </section>
  );
}

export function ArticlePage({ id }: { id: string }) {
  const loaded = useGet<Article>(`/api/articles/${encodeURIComponent(id)}`);
  return <Show loaded={loaded}>{(a) => <ArticleView article={a} />}</Show>;
}

function ArticleView({ article }: { article: Article }) {
  const marks = useMemo<Mark[]>(
    () => article.boilerplate.map((b) => ({ start: b.start, end: b.end, className: 'bp', tip: `boilerplate (${b.kind.replace(/_/g, ' ')})` })),
    [article],
  );
  return (
    <section>
      <h1>{article.title ?? 'Untitled'}</h1>
      <p className="meta">
        {article.outlet ?? 'unknown outlet'} · {article.published ?? 'no date'} {article.author ? `· ${article.author}` : ''} · <span className="mono">{article.id}</span>{' '}
        <SafeLink url={article.url} />
      </p>
      <p>
        <a href={href(['compare'], { a: article.id })}>Compare with another article</a> ·{' '}
        <a href={href(['story', article.id])}>Its story</a>
      </p>
      <p className="muted">Source: {articleName({ title: null, outlet: null, source: article.source })}. Greyed: boilerplate set apart from the body.</p>
      <AnnotatedText text={article.text} marks={marks} side="article" />
    </section>
  );
}
