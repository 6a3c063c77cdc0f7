/** Plain-text renderings of evaluation results (the JSON is the result object itself). */
import type { ClassificationReport } from './metrics.js';
import { formatLoadReport } from './meter.js';
import type { MeterEvalResult } from './run-meter.js';
import type { Thresholds } from './thresholds.js';

const f3 = (x: number) => (Number.isNaN(x) ? 'n/a' : x.toFixed(3));

export function formatClassification(r: ClassificationReport): string {
  const w = Math.max(8, ...r.labels.map((l) => l.length));
  const lines = [`${'class'.padEnd(w)}  precision  recall     f1  support`];
  for (const c of r.perClass) {
    lines.push(`${c.label.padEnd(w)}  ${f3(c.precision).padStart(9)}  ${f3(c.recall).padStart(6)}  ${f3(c.f1).padStart(5)}  ${String(c.support).padStart(7)}`);
  }
  lines.push(`macro-F1 ${f3(r.macroF1)}   accuracy ${f3(r.accuracy)}   n ${r.n}`);
  lines.push(`confusion (rows gold, columns predicted): ${r.labels.join(' / ')}`);
  for (let g = 0; g < r.labels.length; g++) lines.push(`  ${r.labels[g].padEnd(w)} ${r.confusion[g].map((x) => String(x).padStart(5)).join('')}`);
  return lines.join('\n');
}

function formatThresholds(t: Thresholds): string {
  return `wholly ≥ ${f3(t.wholly)}${t.non === null ? '' : `, non < ${f3(t.non)}`}`;
}

export function formatMeterReport(r: MeterEvalResult): string {
  const o = r.options;
  const cv = r.crossValidated;
  return [
    `METER courts: ${r.dataset}`,
    formatLoadReport(r.load),
    `evaluated ${r.evaluated} stories${r.errors.length ? `, ${r.errors.length} comparison errors (excluded): ${r.errors.slice(0, 5).map((e) => `${e.id}: ${e.error}`).join('; ')}` : ''}`,
    `derived decided by: ${o.decideDerivedBy}; mean coverage by gold label: ${Object.entries(r.meanCoverage).map(([l, c]) => `${l} ${f3(c)}`).join(', ')}`,
    '',
    `== fixed thresholds (${formatThresholds(r.fixed.thresholds)})`,
    formatClassification(r.fixed.report),
    '',
    `== ${o.folds}-fold cross-validation (seed ${o.seed}; thresholds fitted on training folds only)`,
    ...cv.folds.map((f) => `  fold ${f.fold}: train ${f.trainSize}, test ${f.testSize}, ${formatThresholds(f.thresholds)}, test macro-F1 ${f3(f.testMacroF1)}${f.model ? `; weights ${f.model.features.map((n, k) => `${n} ${f.model!.weights[k].toFixed(2)}`).join(', ')}` : ''}`),
    `  mean fold macro-F1 ${f3(cv.meanFoldMacroF1)}; pooled held-out predictions:`,
    formatClassification(cv.report),
    '',
    `== plagdet on SGML Verbatim/Rewrite spans (newspaper side only; ${r.plagdet.documents} stories, ${r.plagdet.cases} cases, ${r.plagdet.detections} detections)`,
    `  plagdet ${f3(r.plagdet.plagdet)}   precision ${f3(r.plagdet.precision)}   recall ${f3(r.plagdet.recall)}   granularity ${f3(r.plagdet.granularity)}`,
  ].join('\n');
}
