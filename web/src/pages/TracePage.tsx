/** Paste or upload an article and see which stored articles it relates to, strongest first. */
import { useState, type ChangeEvent } from 'react';
import { postJson } from '../api';
import { ErrorBox, RelationBadge, articleName, percent } from '../components/common';
import { href } from '../router';
import type { TraceResult } from '../types';
import { setPasted } from './pasted';

export function TracePage() {
  const [text, setText] = useState('');
  const [html, setHtml] = useState(false);
  const [result, setResult] = useState<TraceResult | null>(null);
  const [error, setError] = useState<Error | null>(null);
  const [busy, setBusy] = useState(false);
  const [stored, setStored] = useState('');

  const onFile = (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    if (!file) return;
    file.text().then((t) => {
      setText(t);
      setHtml(/\.x?html?$/i.test(file.name) || /^\s*<(!doctype|html)/i.test(t));
    });
  };
  const body = () => (html ? { html: text } : { text });
  const trace = () => {
    setBusy(true);
    setError(null);
    setStored('');
    postJson<TraceResult>('/api/trace', body()).then(
      (r) => (setResult(r), setBusy(false), setPasted({ text, html })),
      (e: Error) => (setError(e), setBusy(false), setResult(null)),
    );
  };
  const store = () =>
    postJson<{ added: unknown[]; duplicates: unknown[]; errors: Array<{ message: string }> }>('/api/articles', body()).then(
      (r) => setStored(r.added.length ? 'Stored. Analyse the store to update stories.' : r.duplicates.length ? 'Already stored.' : r.errors.map((x) => x.message).join('; ')),
      (e: Error) => setError(e),
    );

  return (
    <section>
      <h1>Trace an article</h1>
      <p className="muted">Paste an article (text or HTML) or pick a file. It is compared with the store, not stored, unless you ask.</p>
      <textarea aria-label="article to trace" rows={10} value={text} onChange={(e) => setText(e.target.value)} />
      <div className="row">
        <input type="file" aria-label="upload an article" accept=".txt,.html,.htm,.xhtml,text/plain,text/html" onChange={onFile} />
        <label><input type="checkbox" checked={html} onChange={(e) => setHtml(e.target.checked)} /> this is HTML</label>
        <button type="button" onClick={trace} disabled={busy || !text.trim()}>{busy ? 'Tracing…' : 'Trace'}</button>
        <button type="button" onClick={store} disabled={!text.trim()}>Store it</button>
        <span className="muted">{stored}</span>
      </div>
      {error && <ErrorBox error={error} />}
      {result && <TraceResults result={result} />}
    </section>
  );
}

function TraceResults({ result }: { result: TraceResult }) {
  const a = result.article;
  if (result.relations.length === 0) return <p className="muted">No related article in the store.</p>;
  return (
    <>
      <h2>Related to “{a.title ?? 'the pasted text'}”</h2>
      <table className="trace">
        <thead>
          <tr><th>relation</th><th>article</th><th>date</th><th>this text reuses</th><th>it reuses</th><th>direction</th><th></th></tr>
        </thead>
        <tbody>
          {result.relations.map((r) => (
            <tr key={r.b}>
              <td><RelationBadge relation={r.relation} /></td>
              <td><a href={href(['article', r.b])}>{articleName(r.other, r.b)}</a></td>
              <td>{r.other?.published ?? '—'}</td>
              <td className="num">{percent(r.share_a)}</td>
              <td className="num">{percent(r.share_b)}</td>
              <td>{r.direction === 'a->b' ? 'this is its source' : r.direction === 'b->a' ? 'it is the source' : '—'}</td>
              <td><a href={href(['compare'], { a: 'pasted', b: r.b })}>compare</a></td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
