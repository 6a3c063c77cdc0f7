/** Pages live in the URL's hash (#/story/ID, #/compare?a=…&b=…): the server serves one page. */
import { useEffect, useState } from 'react';

export interface Route {
  path: string[];
  query: URLSearchParams;
}

export function parseHash(hash: string): Route {
  const raw = hash.replace(/^#\/?/, '');
  const [p, q = ''] = raw.split('?', 2);
  return { path: p.split('/').filter(Boolean).map(decodeURIComponent), query: new URLSearchParams(q) };
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseHash(window.location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parseHash(window.location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}

/** A page's href from its parts: every part is encoded, so ids and text can never break out. */
export function href(path: string[], query: Record<string, string> = {}): string {
  const q = new URLSearchParams(query).toString();
  return '#/' + path.map(encodeURIComponent).join('/') + (q ? '?' + q : '');
}
