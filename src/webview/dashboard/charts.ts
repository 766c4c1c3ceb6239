import uPlot from 'uplot';
import type { DashboardSnapshot } from '../../shared/dashboardProtocol';
import { usd } from '../../shared/formatDashboard';

/** Chart colours from the theme's `--vscode-charts-*` variables (read again whenever the theme changes). */
export interface ChartColours {
  foreground: string;
  lines: string;
  local: string;
  cloud: string;
  target: string;
}

export function readChartColours(root: Element = document.body): ChartColours {
  const css = getComputedStyle(root);
  const v = (name: string, fallback: string) => css.getPropertyValue(name).trim() || fallback;
  return {
    foreground: v('--vscode-charts-foreground', v('--vscode-foreground', '#888')),
    lines: v('--vscode-charts-lines', 'rgba(128,128,128,0.35)'),
    local: v('--vscode-charts-green', '#388a34'),
    cloud: v('--vscode-charts-orange', '#d18616'),
    target: v('--vscode-charts-blue', '#1a85ff'),
  };
}

const pctValue = (_u: uPlot, v: number | null) => (v === null || v === undefined ? '—' : `${Math.round(v)}%`);

function axes(c: ChartColours, yLabel: string, extra: uPlot.Axis[] = []): uPlot.Axis[] {
  const base = { stroke: c.foreground, grid: { stroke: c.lines, width: 1 }, ticks: { stroke: c.lines, width: 1 } };
  return [base, { ...base, label: yLabel, values: (_u, vals) => vals.map((x) => `${x}%`) }, ...extra];
}

/**
 * The two charts: local share per hour over the last 24 hours against the target, and per day over
 * 30 days with the day's cloud cost. uPlot instances are kept and fed new data on each snapshot;
 * a theme change rebuilds them with the new colours (uPlot takes colours at construction).
 */
export class DashboardCharts {
  private hourly: uPlot | undefined;
  private daily: uPlot | undefined;
  private colours: ChartColours;
  private last: DashboardSnapshot | undefined;

  constructor(
    private readonly hourlyEl: HTMLElement,
    private readonly dailyEl: HTMLElement,
  ) {
    this.colours = readChartColours();
  }

  update(s: DashboardSnapshot): void {
    this.last = s;
    const hourly = hourlyData(s);
    const daily = dailyData(s);
    if (this.hourly) this.hourly.setData(hourly);
    else this.hourly = new uPlot(this.hourlyOptions(), hourly, this.hourlyEl);
    if (this.daily) this.daily.setData(daily);
    else this.daily = new uPlot(this.dailyOptions(), daily, this.dailyEl);
    this.publishColours();
  }

  /** Re-reads the theme's colours and rebuilds the charts with them. */
  themeChanged(): void {
    this.colours = readChartColours();
    this.destroy();
    if (this.last) this.update(this.last);
  }

  resize(): void {
    const width = this.width();
    this.hourly?.setSize({ width, height: 200 });
    this.daily?.setSize({ width, height: 200 });
  }

  destroy(): void {
    this.hourly?.destroy();
    this.daily?.destroy();
    this.hourly = this.daily = undefined;
  }

  private width(): number {
    return Math.max(280, Math.min(900, (this.hourlyEl.parentElement?.clientWidth ?? 600) - 16));
  }

  /** The colours in use, as data attributes: the UI test checks they follow the theme. */
  private publishColours(): void {
    for (const el of [this.hourlyEl, this.dailyEl]) {
      el.dataset.local = this.colours.local;
      el.dataset.cloud = this.colours.cloud;
      el.dataset.target = this.colours.target;
      el.dataset.foreground = this.colours.foreground;
    }
  }

  private hourlyOptions(): uPlot.Options {
    const c = this.colours;
    return {
      title: 'Answered locally, last 24 hours (per hour)',
      width: this.width(),
      height: 200,
      scales: { x: { time: true }, y: { range: [0, 100] } },
      axes: axes(c, 'local'),
      series: [
        {},
        { label: 'local share', stroke: c.local, width: 2, points: { show: true, size: 5 }, value: pctValue, spanGaps: false },
        { label: 'target', stroke: c.target, width: 1, dash: [6, 4], points: { show: false }, value: pctValue },
      ],
    };
  }

  private dailyOptions(): uPlot.Options {
    const c = this.colours;
    const bars = uPlot.paths.bars?.({ size: [0.6, 40] });
    return {
      title: 'Per day, last 30 days: local share and cloud cost',
      width: this.width(),
      height: 200,
      scales: {
        // Always the 30 days ending today, so one day of data does not stretch over the whole axis.
        x: { time: true, range: () => thirtyDays(this.last?.generatedAt ?? Date.now()) },
        y: { range: [0, 100] },
        usd: { range: (_u, _min, max) => [0, Math.max(0.01, max)] },
      },
      axes: axes(c, 'local', [
        { scale: 'usd', side: 1, size: 64, stroke: c.foreground, grid: { show: false }, label: 'cloud $', values: (_u, vals) => vals.map(axisUsd) },
      ]),
      series: [
        {},
        { label: 'local share', stroke: c.local, width: 2, points: { show: true, size: 5 }, value: pctValue },
        {
          label: 'cloud cost',
          scale: 'usd',
          stroke: c.cloud,
          fill: c.cloud,
          width: 1,
          ...(bars ? { paths: bars } : {}),
          points: { show: false },
          value: (_u, v) => (v === null ? '—' : usd(v)),
        },
      ],
    };
  }
}

const DAY_S = 86_400;

/** [start, end] in seconds: 29.5 days before today's noon (UTC) to half a day after it. */
function thirtyDays(now: number): [number, number] {
  const noon = Math.floor(now / 1000 / DAY_S) * DAY_S + DAY_S / 2;
  return [noon - 29.5 * DAY_S, noon + 0.5 * DAY_S];
}

/** Axis ticks under a cent need more than two decimals ("$0.0025"), or they all read "<$0.01". */
function axisUsd(x: number): string {
  return x > 0 && x < 0.1 ? `$${x.toFixed(x < 0.01 ? 4 : 3)}` : usd(x);
}

function hourlyData(s: DashboardSnapshot): uPlot.AlignedData {
  const x = s.share.hourly.map((b) => b.at / 1000);
  return [x, s.share.hourly.map((b) => (b.share === undefined ? null : b.share * 100)), x.map(() => s.share.target * 100)];
}

function dailyData(s: DashboardSnapshot): uPlot.AlignedData {
  const days = s.share.daily;
  return [days.map((d) => Date.parse(`${d.day}T12:00:00Z`) / 1000), days.map((d) => d.share * 100), days.map((d) => d.cloudUsd)];
}
