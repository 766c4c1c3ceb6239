/** A dependency-free SVG of the workload runs: one panel per metric, one bar per run. */
import type { LabelledRun } from './report';
import type { RunSummary } from './metrics';

const PANELS: { title: string; value: (r: RunSummary) => number; format: (v: number) => string }[] = [
  { title: 'Cost per run (USD)', value: (r) => r.costUsd, format: (v) => `$${v.toFixed(2)}` },
  { title: 'Mean response (s)', value: (r) => r.meanMs / 1000, format: (v) => v.toFixed(1) },
  { title: 'p95 response (s)', value: (r) => r.p95Ms / 1000, format: (v) => v.toFixed(1) },
  { title: 'Errors the user sees', value: (r) => r.errorRate * 100, format: (v) => `${v.toFixed(0)}%` },
  { title: 'Answers good enough', value: (r) => r.goodShare * 100, format: (v) => `${v.toFixed(0)}%` },
  { title: 'Cache hits', value: (r) => r.cacheHitRate * 100, format: (v) => `${v.toFixed(0)}%` },
];

const esc = (t: string) => t.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function workloadChart(runs: LabelledRun[], caption: string): string {
  const barW = 22;
  const gap = 6;
  const panelW = runs.length * (barW + gap) + 30;
  const panelH = 170;
  const cols = 3;
  const width = cols * panelW + 20;
  const legendH = 16 * runs.length + 10;
  const height = Math.ceil(PANELS.length / cols) * (panelH + 40) + legendH + 40;
  const colour = (label: string, i: number) =>
    label.startsWith('baseline')
      ? ['#9e9e9e', '#616161'][i % 2]
      : ['#1e88e5', '#43a047', '#fb8c00', '#8e24aa', '#00897b', '#e53935', '#3949ab', '#6d4c41'][i % 8];
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" font-family="sans-serif" font-size="10">`,
    `<rect width="100%" height="100%" fill="white"/>`,
  ];
  out.push(`<text x="10" y="16" font-size="12" font-weight="bold">${esc(caption)}</text>`);
  PANELS.forEach((p, k) => {
    const x0 = 10 + (k % cols) * panelW;
    const y0 = 30 + Math.floor(k / cols) * (panelH + 40);
    const values = runs.map((r) => p.value(r.summary));
    const max = Math.max(...values.filter(Number.isFinite), 1e-9);
    out.push(`<text x="${x0}" y="${y0 + 10}" font-weight="bold">${esc(p.title)}</text>`);
    out.push(`<line x1="${x0}" y1="${y0 + panelH}" x2="${x0 + panelW - 20}" y2="${y0 + panelH}" stroke="#333"/>`);
    values.forEach((v, i) => {
      const h = Number.isFinite(v) ? (v / max) * (panelH - 40) : 0;
      const x = x0 + 5 + i * (barW + gap);
      out.push(
        `<rect x="${x}" y="${(y0 + panelH - h).toFixed(1)}" width="${barW}" height="${h.toFixed(1)}" fill="${colour(runs[i].label, i)}"><title>${esc(`${runs[i].label}: ${p.format(v)}`)}</title></rect>`,
      );
      out.push(`<text x="${x + barW / 2}" y="${(y0 + panelH - h - 3).toFixed(1)}" text-anchor="middle" font-size="8">${esc(p.format(v))}</text>`);
      out.push(`<text x="${x + barW / 2}" y="${y0 + panelH + 11}" text-anchor="middle" font-size="8">${i + 1}</text>`);
    });
  });
  const ly = height - legendH;
  runs.forEach((r, i) => {
    out.push(`<rect x="10" y="${ly + i * 16}" width="10" height="10" fill="${colour(r.label, i)}"/>`);
    out.push(`<text x="26" y="${ly + i * 16 + 9}">${i + 1}. ${esc(r.label)}</text>`);
  });
  out.push('</svg>');
  return out.join('\n');
}
