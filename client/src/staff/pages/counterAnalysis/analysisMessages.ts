/**
 * 窓口の分析's words, in the common catalogue form; kept apart so that only
 * this page's chunk carries them (the console's resident catalogue holds just
 * the menu label).
 */
import { useCallback } from 'react';
import { useLanguage } from '../../../common/i18n/LanguageContext';
import { translateFrom, type Catalogue, type TextParams } from '../../../common/i18n/catalogue';

export const ANALYSIS_MESSAGES = {
  title: ['窓口の分析', 'Counter analysis'],
  lead: [
    '書かない窓口で記録した各手順の時刻から、待ち時間・対応時間などを集計します。時間帯は来庁した時刻（日本時間）です。待っている方・対応中の方は「未終了」に数え、時間の集計には含めません。',
    'Figures from the time of every step recorded at the counter. Hours are the time of arrival (Japan time). Visitors still waiting or being served count as open and are left out of the durations.',
  ],
  from: ['開始日', 'From'],
  to: ['終了日', 'To'],
  show: ['表示', 'Show'],
  period: ['{from}〜{to}', '{from} to {to}'],
  loading: ['読み込んでいます…', 'Loading…'],
  none: ['この期間の来庁はありません。', 'No visits in this period.'],
  // headline
  headline: ['概要', 'Summary'],
  visits: ['来庁数', 'Visits'],
  openNote: ['うち未終了 {n}件', '{n} still open'],
  waitingMedian: ['待ち時間（中央値）', 'Waiting (median)'],
  serviceMedian: ['対応時間（中央値）', 'Service (median)'],
  proceduresPerVisit: ['1来庁あたりの手続数', 'Procedures per visit'],
  prefilledShare: ['事前入力の割合', 'Pre-filled'],
  cardReadShare: ['カード読取の割合', 'Card read'],
  submissions: ['窓口からの申請', 'Applications from the counter'],
  // charts
  byHour: ['時間帯別', 'By hour'],
  byHourChart: ['時間帯別の来庁数（棒）と待ち時間の中央値（線）。数値は下の表のとおりです。', 'Visits per hour (bars) and median waiting time (line). The figures are in the table below.'],
  byDesk: ['窓口別', 'By desk'],
  byDeskChart: ['窓口別の待ち時間と対応時間の中央値。数値は下の表のとおりです。', 'Median waiting and service time per desk. The figures are in the table below.'],
  byProcedure: ['手続別', 'By procedure'],
  byProcedureChart: ['手続ごとの所要時間（中央値と90%値）。数値は下の表のとおりです。', 'Time per procedure (median and 90th percentile). The figures are in the table below.'],
  // columns
  hour: ['時間帯', 'Hour'],
  hourValue: ['{h}時台', '{h}:00–'],
  desk: ['窓口', 'Desk'],
  notCalled: ['（呼出前）', '(not called yet)'],
  procedure: ['手続', 'Procedure'],
  open: ['未終了', 'Open'],
  waiting: ['待ち時間', 'Waiting'],
  service: ['対応時間', 'Service'],
  procedureTime: ['手続の所要時間', 'Time per procedure'],
  confirmation: ['確認時間', 'Confirmation'],
  median: ['中央値', 'median'],
  p90: ['90%値', '90th pct'],
  leadTime: ['到達から完了まで', 'Arrival to closing'],
  minutes: ['{n}分', '{n} min'],
  hours: ['{n}時間', '{n} h'],
  percent: ['{n}%', '{n}%'],
  visitsAxis: ['来庁数（件）', 'Visits'],
  minutesAxis: ['分', 'Minutes'],
  // export
  csv: ['CSVで保存', 'Save as CSV'],
  csvVisits: ['来庁ごと', 'One row per visit'],
  csvFigures: ['集計', 'Figures'],
  csvEncoding: ['文字コード', 'Encoding'],
  csvUtf8: ['UTF-8（Excel 2016以降）', 'UTF-8 (Excel 2016 and later)'],
  exported: ['{rows}行を保存しました。', 'Saved {rows} rows.'],
} as const satisfies Catalogue;

export type AnalysisMessageKey = keyof typeof ANALYSIS_MESSAGES;
export type AnalysisT = (key: AnalysisMessageKey, params?: TextParams) => string;

export function useAnalysisText(): AnalysisT {
  const { language } = useLanguage();
  return useCallback<AnalysisT>((key, params) => translateFrom(ANALYSIS_MESSAGES, language, key, params), [language]);
}
