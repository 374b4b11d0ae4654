/**
 * Scores across regions as a bar chart in plain SVG (presentation attributes only: the page's CSP allows no inline
 * style), with the levelled line; its text alternative is a summary sentence (the matrix beside it holds every figure).
 */
import { useId } from 'react';
import { useDesigner } from '../../context.ts';
import type { MatrixRow } from './types.ts';
import { useReviewWords } from './words.ts';

const band = (score: number, levelled: number) => (score >= levelled ? '#2e7d32' : score >= 70 ? '#b26a00' : '#a4161a');

export function ScoreChart({ rows, levelled }: { rows: readonly MatrixRow[]; levelled: number }) {
  const { locale } = useDesigner();
  const w = useReviewWords();
  const id = useId();
  if (rows.length === 0) return null;
  const bar = 22;
  const gap = 6;
  const left = 170;
  const width = 440;
  const height = rows.length * (bar + gap) + 26;
  const x = (score: number) => left + (score / 100) * width;
  const sorted = [...rows].sort((a, b) => a.score - b.score);
  const low = sorted[0]!;
  const high = sorted[sorted.length - 1]!;
  const summary = w.chartSummary(low.region.name[locale], low.score, high.region.name[locale], high.score, rows.filter((r) => !r.levelled).length, levelled);
  return (
    <figure className="review-chart" data-testid="review-chart">
      <svg role="img" aria-labelledby={`${id}-title ${id}-desc`} viewBox={`0 0 ${left + width + 60} ${height}`}>
        <title id={`${id}-title`}>{w.chartTitle}</title>
        <desc id={`${id}-desc`}>{summary}</desc>
        <line x1={x(levelled)} x2={x(levelled)} y1={0} y2={height - 20} stroke="#1b1b1b" strokeDasharray="4 3" />
        {rows.map((r, i) => {
          const y = i * (bar + gap);
          return (
            <g key={r.region.code} data-region={r.region.code} data-score={r.score}>
              <text x={left - 8} y={y + 16} textAnchor="end" fill="#1b1b1b" fontSize="13">{r.region.name[locale]}</text>
              <rect x={left} y={y} width={Math.max(1, x(r.score) - left)} height={bar} rx={3} fill={band(r.score, levelled)} />
              <text x={x(r.score) + 6} y={y + 16} fill="#1b1b1b" fontSize="13">{r.score}</text>
            </g>
          );
        })}
        <line x1={left} x2={left + width} y1={height - 20} y2={height - 20} stroke="#4a4a4a" />
        <text x={left} y={height - 4} fill="#1b1b1b" fontSize="12">0</text>
        <text x={x(levelled) - 4} y={height - 4} fill="#1b1b1b" fontSize="12" textAnchor="end">{w.chartThreshold(levelled)}</text>
        <text x={left + width} y={height - 4} fill="#1b1b1b" fontSize="12" textAnchor="end">100</text>
      </svg>
      <figcaption>{summary}</figcaption>
    </figure>
  );
}
