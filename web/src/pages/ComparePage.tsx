/** Side-by-side comparison of two stored articles or pasted texts. */
import { useEffect, useMemo, useState, type MouseEvent } from 'react';
import { postJson } from '../api';
import { AnnotatedText } from '../components/AnnotatedText';
import { ErrorBox, SafeLink, percent, RelationBadge, articleName } from '../components/common';
import type { Route } from '../router';
import type { CompareResult, CompareSide } from '../types';
import { sideMarks } from './compare-marks';
import { SidePicker, sideFromRoute, type SideChoice } from './SidePicker';

interface Tip {
  text: string;
  x: number;
  y: number;
}

export function ComparePage({ route }: { route: Route }) {
  const [a, setA] = useState<SideChoice>(() => sideFromRoute(route.query.get('a')));
  const [b, setB] = useState<SideChoice>(() => sideFromRoute(route.query.get('b')));
  const [result, setResult] = useState<CompareResult | null>(null);
  const [error, setError] = useState<Error | null>(null);
  const [busy, setBusy] = useState(false);

  const run = (x: SideChoice, y: SideChoice) => {
    const sa = toRequest(x);
    const sb = toRequest(y);
    if (!sa || !sb) return setError(new Error('Choose or paste both texts first.'));
    setBusy(true);
    setError(null);
    postJson<CompareResult>('/api/compare', { a: sa, b: sb }).then(
      (r) => (setResult(r), setBusy(false)),
      (e: Error) => (setError(e), setBusy(false), setResult(null)),
    );
  };

  useEffect(() => {
    const x = sideFromRoute(route.query.get('a'));
    const y = sideFromRoute(route.query.get('b'));
    setA(x);
    setB(y);
    if (toRequest(x) && toRequest(y)) run(x, y);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [route.query.toString()]);

  return (
    <section>
      <h1>Compare two texts</h1>
      <div className="pickers">
        <SidePicker label="Text A" value={a} onChange={setA} />
        <SidePicker label="Text B" value={b} onChange={setB} />
      </div>
      <button type="button" onClick={() => run(a, b)} disabled={busy}>
        {busy ? 'Comparing…' : 'Compare'}
      </button>
      {error && <ErrorBox error={error} />}
      {result && <CompareView result={result} />}
    </section>
  );
}

function toRequest(s: SideChoice): CompareSide | null {
  if (s.kind === 'stored') return s.id ? { id: s.id } : null;
  if (!s.text.trim()) return null;
  return s.html ? { html: s.text } : { text: s.text };
}

function directionText(r: CompareResult): string {
  if (r.relation.direction === 'a->b') return 'A is the source of B';
  if (r.relation.direction === 'b->a') return 'B is the source of A';
  return 'no direction';
}

export function CompareView({ result }: { result: CompareResult }) {
  const [active, setActive] = useState<number | null>(null);
  const [tip, setTip] = useState<Tip | null>(null);
  const marksA = useMemo(() => sideMarks(result, 'a'), [result]);
  const marksB = useMemo(() => sideMarks(result, 'b'), [result]);
  const r = result.relation;

  const onPassage = (fromSide: 'a' | 'b') => (i: number | null, click: boolean) => {
    setActive(i);
    if (click && i !== null) {
      const other = fromSide === 'a' ? 'b' : 'a';
      document.getElementById(`${other}-passage-${i}`)?.scrollIntoView({ block: 'center', behavior: 'smooth' });
    }
  };
  const onTip = (text: string | null, e: MouseEvent<HTMLElement>) => setTip(text ? { text, x: e.clientX, y: e.clientY } : null);

  return (
    <div className="compare">
      <div className="summary">
        <RelationBadge relation={r.relation} /> <strong>{directionText(result)}</strong>
        {r.direction && <span className="muted"> ({percent(r.direction_confidence)} sure: {r.direction_reasons.join('; ')})</span>}
        <div>
          A reuses {percent(r.share_a)} of its text, B {percent(r.share_b)} · {r.passages.length} aligned passages · {r.substitutions.length} substitutions ·{' '}
          {result.quotes.length} shared quotes
        </div>
        <div className="muted">{r.explanation}</div>
      </div>
      <Legend />
      <div className="columns">
        {(['a', 'b'] as const).map((side) => (
          <div className="column" key={side}>
            <h2>
              {side.toUpperCase()}: {articleName(result[side], result[side].id)}
            </h2>
            <div className="meta">
              {result[side].published ?? 'no date'} {result[side].author ? `· ${result[side].author}` : ''} <SafeLink url={result[side].url} />
            </div>
            <div className="scroll">
              <AnnotatedText
                text={result[side].text}
                marks={side === 'a' ? marksA : marksB}
                side={side}
                activePassage={active}
                onPassage={onPassage(side)}
                onTip={onTip}
              />
            </div>
          </div>
        ))}
      </div>
      {tip && (
        <div className="tooltip" role="tooltip" style={{ left: Math.min(tip.x + 12, window.innerWidth - 340), top: tip.y + 18 }}>
          {tip.text}
        </div>
      )}
    </div>
  );
}

function Legend() {
  return (
    <div className="legend">
      <span className="passage">aligned passage</span> <span className="sub">substituted word</span> <span className="sub syn">synonym</span>{' '}
      <span className="del">only in A</span> <span className="ins">only in B</span> <span className="quote">shared quote</span>{' '}
      <span className="quote altered">altered quote</span> <span className="bp">boilerplate</span>
      <span className="muted"> — hover a passage to see its match, click to scroll the other side to it</span>
    </div>
  );
}
