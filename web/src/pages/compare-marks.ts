/** The marks of one side of a comparison: boilerplate, passages, word changes, quotes. */
import type { Mark } from '../components/AnnotatedText';
import type { CompareResult } from '../types';

type Side = 'a' | 'b';

function otherName(result: CompareResult, side: Side): string {
  const d = result.relation.direction;
  if ((d === 'a->b' && side === 'b') || (d === 'b->a' && side === 'a')) return 'original';
  if (d !== null) return 'copy';
  return 'other text';
}

export function sideMarks(result: CompareResult, side: Side): Mark[] {
  const other: Side = side === 'a' ? 'b' : 'a';
  const mine = result[side];
  const theirs = result[other];
  const label = otherName(result, side);
  const marks: Mark[] = [];
  for (const b of mine.boilerplate) marks.push({ start: b.start, end: b.end, className: 'bp', tip: `boilerplate (${b.kind.replace(/_/g, ' ')})` });
  result.relation.passages.forEach((p, i) => {
    marks.push({ start: p[side][0], end: p[side][1], className: 'passage', passage: i });
    for (const e of p.edits) {
      const here = e[side];
      const there = e[other];
      if (!here) continue;
      if ((e.op === 'synonym' || e.op === 'replace') && there) {
        const word = theirs.text.slice(there[0], there[1]);
        marks.push({ start: here[0], end: here[1], className: e.op === 'synonym' ? 'sub syn' : 'sub', tip: `${label}: “${word}”` });
      } else if (e.op === 'delete' || e.op === 'insert') {
        const cls = side === 'a' ? 'del' : 'ins';
        marks.push({ start: here[0], end: here[1], className: cls, tip: side === 'a' ? 'not in text B' : 'not in text A' });
      }
    }
  });
  for (const q of result.quotes) {
    for (const o of q.occurrences) {
      if (o.side !== side) continue;
      const altered = o.kind === 'altered';
      const changes = o.changes.map((c) => `“${c.from}” → “${c.to}”`).join(', ');
      marks.push({
        start: o.start,
        end: o.end,
        className: altered ? 'quote altered' : 'quote',
        tip: altered ? `altered quote${q.speaker ? ` (${q.speaker})` : ''}: ${changes}` : `quote carried by both${q.speaker ? ` (${q.speaker})` : ''}`,
      });
    }
  }
  return marks;
}
