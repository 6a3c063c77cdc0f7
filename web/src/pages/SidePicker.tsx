/** One side of a comparison: a stored article from a list, or a pasted text. */
import { useGet, articleName } from '../components/common';
import type { ArticleSummary } from '../types';
import { getPasted } from './pasted';

export type SideChoice = { kind: 'stored'; id: string } | { kind: 'pasted'; text: string; html: boolean };

export function sideFromRoute(value: string | null): SideChoice {
  if (value === 'pasted') {
    const p = getPasted();
    return p ? { kind: 'pasted', text: p.text, html: p.html } : { kind: 'pasted', text: '', html: false };
  }
  return { kind: 'stored', id: value ?? '' };
}

export function SidePicker({ label, value, onChange }: { label: string; value: SideChoice; onChange: (v: SideChoice) => void }) {
  const list = useGet<{ articles: ArticleSummary[] }>('/api/articles?limit=1000');
  const articles = list.state === 'ok' ? list.data.articles : [];
  return (
    <fieldset className="picker">
      <legend>{label}</legend>
      <label>
        <input type="radio" checked={value.kind === 'stored'} onChange={() => onChange({ kind: 'stored', id: '' })} /> stored article
      </label>{' '}
      <label>
        <input type="radio" checked={value.kind === 'pasted'} onChange={() => onChange({ kind: 'pasted', text: '', html: false })} /> paste a text
      </label>
      {value.kind === 'stored' ? (
        <select aria-label={`${label}: stored article`} value={value.id} onChange={(e) => onChange({ kind: 'stored', id: e.target.value })}>
          <option value="">— choose an article —</option>
          {value.id && !articles.some((a) => a.id === value.id) && <option value={value.id}>{value.id}</option>}
          {articles.map((a) => (
            <option key={a.id} value={a.id}>
              {(a.published ?? '').slice(0, 10)} {articleName(a, a.id)}
            </option>
          ))}
        </select>
      ) : (
        <>
          <textarea aria-label={`${label}: pasted text`} rows={6} value={value.text} onChange={(e) => onChange({ ...value, text: e.target.value })} />
          <label>
            <input type="checkbox" checked={value.html} onChange={(e) => onChange({ ...value, html: e.target.checked })} /> this is HTML
          </label>
        </>
      )}
    </fieldset>
  );
}
