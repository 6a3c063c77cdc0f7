/** Small pieces every page uses. Untrusted strings only ever reach React as text children. */
import { useEffect, useState, type ReactNode } from 'react';
import { ApiError, getJson } from '../api';

export type Loaded<T> = { state: 'loading' } | { state: 'error'; error: ApiError | Error } | { state: 'ok'; data: T };

/** GETs a path whenever it changes. */
export function useGet<T>(path: string | null): Loaded<T> {
  const [result, setResult] = useState<Loaded<T>>({ state: 'loading' });
  useEffect(() => {
    if (path === null) return;
    let live = true;
    setResult({ state: 'loading' });
    getJson<T>(path).then(
      (data) => live && setResult({ state: 'ok', data }),
      (error: Error) => live && setResult({ state: 'error', error }),
    );
    return () => {
      live = false;
    };
  }, [path]);
  return result;
}

export function Show<T>({ loaded, children }: { loaded: Loaded<T>; children: (data: T) => ReactNode }) {
  if (loaded.state === 'loading') return <p className="muted">Loading…</p>;
  if (loaded.state === 'error') return <ErrorBox error={loaded.error} />;
  return <>{children(loaded.data)}</>;
}

export function ErrorBox({ error }: { error: Error }) {
  return <p className="error" role="alert">{error.message}</p>;
}

/** Only http(s) URLs become links; anything else (javascript:, data:) is shown as plain text. */
export function SafeLink({ url, children }: { url: string | null | undefined; children?: ReactNode }) {
  if (!url) return null;
  let ok = false;
  try {
    const u = new URL(url);
    ok = u.protocol === 'http:' || u.protocol === 'https:';
  } catch {
    ok = false;
  }
  if (!ok) return <span className="muted">{url}</span>;
  return (
    <a href={url} target="_blank" rel="noopener noreferrer">
      {children ?? url}
    </a>
  );
}

export function percent(x: number): string {
  return `${Math.round(x * 100)}%`;
}

export function shortId(id: string): string {
  return id.slice(0, 8);
}

/** "The outlet — title", or the file name when both are unknown. */
export function articleName(a: { title: string | null; outlet: string | null; source: string } | null | undefined, id = ''): string {
  if (!a) return shortId(id);
  const name = a.title ?? a.source.split('/').pop() ?? id;
  return a.outlet ? `${a.outlet} — ${name}` : name;
}

export const RELATION_COLORS: Record<string, string> = {
  duplicate: '#222222',
  near_duplicate: '#6b6b6b',
  spun_copy: '#d7301f',
  excerpt: '#2166ac',
  abridged: '#1a9850',
  rewrite: '#e08214',
  derived_from_hidden: '#7b3294',
  same_event: '#9e9e9e',
  related: '#c7c7c7',
  unrelated: '#e0e0e0',
};

export function RelationBadge({ relation }: { relation: string }) {
  return <span className={`badge rel-${relation}`}>{relation.replace(/_/g, ' ')}</span>;
}
