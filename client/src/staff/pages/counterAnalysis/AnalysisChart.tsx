/**
 * One chart of 窓口の分析, drawn by Chart.js (only the parts used are
 * registered, so the page's chunk stays small; the console's resident bundle
 * never imports this). The canvas is an image with a short description; the
 * table next to it holds the same numbers for screen readers and print.
 * No animation: figures appear at once and nothing moves for those who
 * prefer reduced motion.
 */
import { BarController, BarElement, CategoryScale, Chart as ChartJS, Legend, LineController, LineElement, LinearScale, PointElement, Tooltip, type ChartData, type ChartOptions } from 'chart.js';
import { Chart } from 'react-chartjs-2';

ChartJS.register(BarController, BarElement, LineController, LineElement, PointElement, CategoryScale, LinearScale, Legend, Tooltip);
ChartJS.defaults.font.family = 'system-ui, "Hiragino Sans", "Noto Sans JP", "Yu Gothic UI", sans-serif';
ChartJS.defaults.color = '#1a1a1c';

/** The console's palette (staff.css), distinguishable in grey print as dark and light. */
export const CHART_COLORS = { primary: '#0031d8', secondary: '#7096f8', line: '#ce0000' } as const;

export function AnalysisChart({ data, options, description, height = 260 }: { data: ChartData<'bar' | 'line'>; options?: ChartOptions<'bar' | 'line'>; description: string; height?: number }) {
  return (
    <div className="analysis__chart" style={{ height }}>
      <Chart
        type="bar"
        data={data as ChartData<'bar'>}
        options={{ animation: false, maintainAspectRatio: false, responsive: true, ...(options as ChartOptions<'bar'>) }}
        role="img"
        aria-label={description}
      />
    </div>
  );
}
