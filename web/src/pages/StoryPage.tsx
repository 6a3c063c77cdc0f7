/** One story: derivation graph, timeline, reconstructed hidden source, credit per article. */
import { useState } from 'react';
import { Show, useGet, articleName, shortId } from '../components/common';
import { StoryGraph } from '../components/StoryGraph';
import { href } from '../router';
import type { ArticleSummary, Segment, Story } from '../types';

type Articles = Record<string, ArticleSummary>;

export function StoryPage({ id }: { id: string }) {
  const loaded = useGet<{ story: Story; articles: Articles }>(`/api/stories/${encodeURIComponent(id)}`);
  return <Show loaded={loaded}>{({ story, articles }) => <StoryView story={story} articles={articles} />}</Show>;
}

function StoryView({ story, articles }: { story: Story; articles: Articles }) {
  const name = (docId: string) => articles[docId]?.outlet ?? shortId(docId);
  return (
    <section>
      <h1>{story.title ?? 'Untitled story'}</h1>
      <p className="muted">
        {story.members.length} articles · {story.first_published ?? '?'} to {story.last_published ?? '?'} · {story.outlets.join(', ')}
      </p>
      <h2>Derivation graph</h2>
      <StoryGraph story={story} />
      <h2>Timeline</h2>
      <ol className="timeline">
        {story.graph.timeline.map((t) => (
          <li key={t.id}>
            <span className="date">{t.date ?? 'no date'}</span> <a href={href(['article', t.id])}>{articleName(articles[t.id], t.id)}</a>
          </li>
        ))}
      </ol>
      {story.hidden_sources.map((h) => (
        <div key={h.id} id="hidden-source">
          <h2>Hidden source: {h.name ?? 'unnamed'}</h2>
          <p className="muted">
            Not in the store; {h.copies.length} copies derive from it ({h.copies.map(name).join(', ')}). Confidence {Math.round(h.confidence * 100)}%.
            {h.authors.length > 0 && ` Credited authors: ${h.authors.join(', ')}.`}
          </p>
          <HiddenText text={h.text} segments={h.segments} name={name} />
        </div>
      ))}
      <h2>Credit</h2>
      <CreditTable story={story} articles={articles} />
      {story.members.length >= 2 && (
        <p>
          <a href={href(['compare'], { a: story.graph.timeline[0].id, b: story.graph.timeline[1].id })}>Compare the first two articles side by side</a>
        </p>
      )}
    </section>
  );
}

/** Each segment with the text between it and the previous one (spaces, paragraph breaks). */
function withGaps(text: string, segments: Segment[]): Array<{ gap: string; segment: Segment }> {
  let pos = 0;
  return segments.map((segment) => {
    const at = text.indexOf(segment.text, pos);
    if (at < 0) return { gap: pos === 0 ? '' : ' ', segment };
    const gap = text.slice(pos, at);
    pos = at + segment.text.length;
    return { gap, segment };
  });
}

function HiddenText({ text, segments, name }: { text: string; segments: Segment[]; name: (id: string) => string }) {
  const [picked, setPicked] = useState<Segment | null>(null);
  const pieces = withGaps(text, segments);
  return (
    <div className="hidden-text">
      <p className="legend">
        Passages shaded by how many copies carry them (<span className="seg from-1">one</span> <span className="seg from-2">two</span>{' '}
        <span className="seg from-3">three or more</span>); <span className="seg corrected">corrected readings</span> differ from the base copy. Hover a
        passage for its provenance.
      </p>
      <div className="annotated">
        {pieces.map(({ gap, segment: s }, i) => {
          const cls = `seg from-${Math.min(3, s.from.length)}${s.corrected ? ' corrected' : ''}${picked === s ? ' active' : ''}`;
          const variants = (s.variants ?? []).map((v) => `${name(v.document)}: “${v.text}”`).join('; ');
          return (
            <span key={i}>
              {gap}
              <span className={cls} title={`carried by ${s.from.map(name).join(', ')}${variants ? ` — readings: ${variants}` : ''}`} onMouseEnter={() => setPicked(s)}>
                {s.text}
              </span>
            </span>
          );
        })}
      </div>
      <div className="provenance" aria-live="polite">
        {picked ? (
          <>
            <strong>Carried by:</strong> {picked.from.map(name).join(', ')}
            {picked.corrected && <> · <strong>corrected</strong> ({picked.corrected.replace('_', ' ')})</>}
            {(picked.variants ?? []).map((v, i) => (
              <div key={i} className="variant">
                {name(v.document)}: “{v.text}”
              </div>
            ))}
          </>
        ) : (
          <span className="muted">Hover a passage to see which copies carry it.</span>
        )}
      </div>
    </div>
  );
}

function CreditTable({ story, articles }: { story: Story; articles: Articles }) {
  const sourceName = (s: string | null) => (s === null ? '—' : articles[s] ? articleName(articles[s], s) : s);
  return (
    <table className="credits">
      <thead>
        <tr><th>article</th><th>derives from</th><th>credit</th><th>evidence</th></tr>
      </thead>
      <tbody>
        {story.credits.map((c) => (
          <tr key={c.document}>
            <td><a href={href(['article', c.document])}>{articleName(articles[c.document], c.document)}</a></td>
            <td>{sourceName(c.source)}</td>
            <td>
              {c.credits === null ? <span className="muted">not derived</span> : c.credits ? <span className="ok">credits its source</span> : <span className="flag">no credit</span>}
            </td>
            <td className="muted">{c.evidence.join('; ')}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
