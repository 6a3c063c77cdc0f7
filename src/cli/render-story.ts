/** Human-readable stories: members, derivation edges, hidden sources, credit, timeline. */
import type { Story } from '../story/build.js';
import { writeLine, type OutStream } from './context.js';

interface DocLike {
  id: string;
  title: string | null;
  outlet: string | null;
  published: string | null;
  path?: string;
}

function docName(d: DocLike | undefined, id: string): string {
  if (!d) return id;
  const where = d.outlet ? ` - ${d.outlet}` : '';
  return `${id.slice(0, 8)} ${d.title ?? d.path ?? ''}${where}`.trim();
}

export function renderStorySummary(out: OutStream, s: Story, docs: Map<string, DocLike>): void {
  writeLine(out);
  const dates = s.first_published ? ` (${s.first_published}${s.last_published !== s.first_published ? ` to ${s.last_published}` : ''})` : '';
  writeLine(out, `story ${s.id}: ${s.members.length} article${s.members.length === 1 ? '' : 's'}${dates} - ${s.title ?? 'untitled'}`);
  for (const id of s.members) {
    const credit = s.credits.find((c) => c.document === id);
    const note = credit?.credits === false ? '  [reuses without credit]' : credit?.credits ? '  [credits its source]' : '';
    writeLine(out, `  ${docName(docs.get(id), id)}${note}`);
  }
  for (const h of s.hidden_sources) {
    writeLine(out, `  hidden source: ${h.name ?? 'unnamed'}${h.authors.length ? ` by ${h.authors.join(', ')}` : ''} (confidence ${h.confidence.toFixed(2)}), copied by ${h.copies.map((c) => c.slice(0, 8)).join(', ')}`);
  }
  for (const e of s.graph.edges) {
    const arrow = e.directed ? '->' : '--';
    writeLine(out, `  ${e.from.slice(0, 12)} ${arrow} ${e.to.slice(0, 12)}  ${e.relation}`);
  }
}

/** The full story: summary, timeline, reasons of each edge, hidden source text, additions. */
export function renderStoryDetail(out: OutStream, s: Story, docs: Map<string, DocLike>): void {
  renderStorySummary(out, s, docs);
  writeLine(out);
  writeLine(out, 'timeline:');
  for (const t of s.graph.timeline) writeLine(out, `  ${t.date ?? 'undated   '}  ${docName(docs.get(t.id), t.id)}`);
  writeLine(out);
  writeLine(out, 'derivation:');
  for (const e of s.graph.edges) {
    writeLine(out, `  ${e.from} ${e.directed ? '->' : '--'} ${e.to}: ${e.relation} (confidence ${e.confidence})`);
    for (const r of e.reasons) writeLine(out, `      ${r}`);
  }
  for (const h of s.hidden_sources) {
    writeLine(out);
    writeLine(out, `hidden source ${h.id}: ${h.name ?? 'unnamed'}`);
    for (const ev of h.evidence) writeLine(out, `  evidence: ${ev}`);
    writeLine(out, '  reconstructed text:');
    for (const line of h.text.split('\n')) writeLine(out, `    ${line}`);
  }
  const adds = s.additions.filter((a) => a.opinion);
  if (adds.length) {
    writeLine(out);
    writeLine(out, 'added opinion:');
    for (const a of adds) writeLine(out, `  ${a.document.slice(0, 8)}: ${a.text} [${a.cues.join(', ')}]`);
  }
}
