/** 窓口の分析's API (server/src/http/counterAnalysisRoutes.ts; shapes in shared/src/api/contract/counterAnalysisOperations.ts). */
import type { CounterAnalysis } from '@madoguchi/shared/contract';
import { apiFetch } from '../../../common/api/http';
import { currentLanguage } from '../../../common/i18n/languageStore';
import { staffApi } from '../../api';
import { saveDownload } from '../../saveDownload';

export type { CounterAnalysis, CounterGroupFigures } from '@madoguchi/shared/contract';

export interface PeriodQuery {
  from: string;
  to: string;
}

const base = (code: string) => `/municipalities/${encodeURIComponent(code)}/counter/analysis`;
const search = (q: Record<string, string>) => new URLSearchParams(Object.entries(q).filter(([, v]) => v !== '')).toString();

export const counterAnalysisApi = {
  figures: (code: string, p: PeriodQuery) => staffApi<CounterAnalysis>('GET', `${base(code)}?${search({ from: p.from, to: p.to })}`),
  /** Downloads the CSV; returns the number of rows. */
  async downloadCsv(code: string, p: PeriodQuery, kind: 'visits' | 'figures', encoding: 'utf-8' | 'cp932'): Promise<number> {
    const res = await apiFetch(`/staff${base(code)}/csv?${search({ from: p.from, to: p.to, kind, encoding })}`, { language: currentLanguage() });
    saveDownload(await res.blob(), res.headers.get('Content-Disposition'), `counter_${kind}.csv`);
    return Number(res.headers.get('X-Export-Rows') ?? 0);
  },
};
