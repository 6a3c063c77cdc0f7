/** The stories of the last analysis, largest first, and a button to analyse again. */
import { useState } from 'react';
import { postJson } from '../api';
import { ErrorBox, Show, useGet } from '../components/common';
import { href } from '../router';
import type { StorySummary } from '../types';

export function StoriesPage() {
  const [version, setVersion] = useState(0);
  const loaded = useGet<{ stories: StorySummary[] }>(`/api/stories?v=${version}`);
  return (
    <section>
      <h1>Stories</h1>
      <AnalyzeButton onDone={() => setVersion((v) => v + 1)} />
      <Show loaded={loaded}>
        {({ stories }) =>
          stories.length === 0 ? (
            <p className="muted">No stories with two or more articles yet. Add articles, then analyse the store.</p>
          ) : (
            <table className="stories">
              <thead>
                <tr><th>story</th><th>articles</th><th>dates</th><th>outlets</th><th>hidden source</th><th>no credit</th></tr>
              </thead>
              <tbody>
                {stories.map((s) => (
                  <tr key={s.id}>
                    <td><a href={href(['story', s.id])}>{s.title ?? s.id}</a></td>
                    <td className="num">{s.size}</td>
                    <td>{s.first_published === s.last_published ? s.first_published ?? '—' : `${s.first_published ?? '?'} – ${s.last_published ?? '?'}`}</td>
                    <td>{s.outlets.join(', ')}</td>
                    <td>{s.hidden_source ? `${s.hidden_source.name ?? 'unnamed'} (${s.hidden_source.copies} copies)` : '—'}</td>
                    <td className={s.uncredited > 0 ? 'num flag' : 'num'}>{s.uncredited}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )
        }
      </Show>
    </section>
  );
}

function AnalyzeButton({ onDone }: { onDone: () => void }) {
  const [state, setState] = useState<{ busy: boolean; note: string; error: Error | null }>({ busy: false, note: '', error: null });
  const run = () => {
    setState({ busy: true, note: '', error: null });
    postJson<{ articles: number; computed: number; stories_with_several_articles: number; ms: number }>('/api/analyze', {}).then(
      (r) => {
        setState({ busy: false, note: `${r.articles} articles, ${r.computed} new pairs compared, ${r.stories_with_several_articles} stories (${r.ms} ms)`, error: null });
        onDone();
      },
      (error: Error) => setState({ busy: false, note: '', error }),
    );
  };
  return (
    <p>
      <button type="button" onClick={run} disabled={state.busy}>{state.busy ? 'Analysing…' : 'Analyse the store'}</button>{' '}
      <span className="muted">{state.note}</span>
      {state.error && <ErrorBox error={state.error} />}
    </p>
  );
}
