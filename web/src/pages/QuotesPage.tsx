/** Every quote carried by two or more articles, who said it, and how each outlet carried it. */
import type { ReactNode } from 'react';
import { Show, useGet, articleName } from '../components/common';
import { href } from '../router';
import type { ArticleSummary, QuoteGroup } from '../types';

export function QuotesPage() {
  const loaded = useGet<{ quotes: QuoteGroup[]; articles: Record<string, ArticleSummary> }>('/api/quotes');
  return (
    <section>
      <h1>Quotes</h1>
      <Show loaded={loaded}>
        {({ quotes, articles }) =>
          quotes.length === 0 ? (
            <p className="muted">No quote is carried by two or more articles (analyse the store first).</p>
          ) : (
            <ul className="quotes">
              {quotes.map((q, i) => (
                <li key={i} className="quote-group">
                  <blockquote>“{q.text}”</blockquote>
                  <div className="speaker">{q.speaker ? `— ${q.speaker}` : 'speaker unknown'}</div>
                  <ul>
                    {q.occurrences.map((o, j) => (
                      <li key={j} className={`occurrence ${o.kind}`}>
                        <span className={`badge kind-${o.kind}`}>{o.kind}{o.quoted ? '' : ', unmarked'}</span>{' '}
                        <a href={href(['article', o.document])}>{articleName(articles[o.document], o.document)}</a>
                        {o.kind === 'altered' && <AlteredText text={o.text} changes={o.changes ?? []} />}
                      </li>
                    ))}
                  </ul>
                </li>
              ))}
            </ul>
          )
        }
      </Show>
    </section>
  );
}

/** The altered version as carried, with the changed words marked and the group's words on hover. */
function AlteredText({ text, changes }: { text: string; changes: Array<{ from: string; to: string }> }) {
  const marks: Array<{ start: number; end: number; from: string }> = [];
  const lower = text.toLowerCase();
  for (const c of changes) {
    if (!c.to) continue;
    const at = lower.indexOf(c.to.toLowerCase());
    if (at >= 0 && !marks.some((m) => at < m.end && m.start < at + c.to.length)) marks.push({ start: at, end: at + c.to.length, from: c.from });
  }
  marks.sort((x, y) => x.start - y.start);
  const parts: ReactNode[] = [];
  let pos = 0;
  marks.forEach((m, i) => {
    parts.push(<span key={'t' + i}>{text.slice(pos, m.start)}</span>);
    parts.push(<mark key={'m' + i} className="changed" title={`others: “${m.from}”`}>{text.slice(m.start, m.end)}</mark>);
    pos = m.end;
  });
  parts.push(<span key="end">{text.slice(pos)}</span>);
  const dropped = changes.filter((c) => !c.to).map((c) => c.from);
  return (
    <div className="altered">
      “{parts}”{dropped.length > 0 && <span className="muted"> (drops: {dropped.join(', ')})</span>}
    </div>
  );
}
