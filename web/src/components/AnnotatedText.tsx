/**
 * A text with marked ranges (boilerplate, aligned passages, substitutions, quotes…), cut into
 * pieces at every mark boundary. Each piece is a React text node inside a span: the text is
 * never parsed as HTML.
 */
import { useMemo, type MouseEvent } from 'react';

export interface Mark {
  start: number;
  end: number;
  className: string;
  /** Aligned passage index: pieces of one passage light up together on both sides. */
  passage?: number;
  /** Shown in a tooltip on hover (and as the title attribute). */
  tip?: string;
}

interface Piece {
  start: number;
  end: number;
  classes: string[];
  passage: number | undefined;
  tips: string[];
}

export function cutPieces(length: number, marks: readonly Mark[]): Piece[] {
  const cuts = new Set<number>([0, length]);
  for (const m of marks) {
    if (m.end <= m.start || m.start < 0 || m.end > length) continue;
    cuts.add(m.start);
    cuts.add(m.end);
  }
  const points = [...cuts].sort((x, y) => x - y);
  const pieces: Piece[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const [start, end] = [points[i], points[i + 1]];
    const covering = marks.filter((m) => m.start <= start && end <= m.end && m.end > m.start);
    pieces.push({
      start,
      end,
      classes: [...new Set(covering.map((m) => m.className))],
      passage: covering.find((m) => m.passage !== undefined)?.passage,
      tips: covering.map((m) => m.tip).filter((t): t is string => !!t),
    });
  }
  return pieces;
}

export interface AnnotatedTextProps {
  text: string;
  marks: readonly Mark[];
  /** Prefix of element ids, so the other side can scroll a passage into view. */
  side: string;
  activePassage?: number | null;
  onPassage?: (passage: number | null, fromClick: boolean) => void;
  onTip?: (tip: string | null, event: MouseEvent<HTMLElement>) => void;
}

export function AnnotatedText({ text, marks, side, activePassage, onPassage, onTip }: AnnotatedTextProps) {
  const pieces = useMemo(() => cutPieces(text.length, marks), [text, marks]);
  const firstOfPassage = new Set<number>();
  return (
    <div className="annotated" data-side={side}>
      {pieces.map((p) => {
        const classes = [...p.classes];
        if (p.passage !== undefined && p.passage === activePassage) classes.push('active');
        let id: string | undefined;
        if (p.passage !== undefined && !firstOfPassage.has(p.passage)) {
          firstOfPassage.add(p.passage);
          id = `${side}-passage-${p.passage}`;
        }
        const tip = p.tips.join(' · ') || undefined;
        if (classes.length === 0) return <span key={p.start}>{text.slice(p.start, p.end)}</span>;
        return (
          <span
            key={p.start}
            id={id}
            className={classes.join(' ')}
            title={tip}
            data-passage={p.passage}
            onMouseEnter={(e) => {
              if (p.passage !== undefined) onPassage?.(p.passage, false);
              if (tip) onTip?.(tip, e);
            }}
            onMouseLeave={(e) => tip && onTip?.(null, e)}
            onClick={() => p.passage !== undefined && onPassage?.(p.passage, true)}
          >
            {text.slice(p.start, p.end)}
          </span>
        );
      })}
    </div>
  );
}
