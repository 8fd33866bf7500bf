/**
 * 窓口の分析 as CSV, for a desk's Excel: `visits` has one row per visit (its
 * step times in Japan time and its durations in minutes; ready for a pivot
 * table), `figures` the grouped figures as on screen (overall, per desk, per
 * procedure, per hour). Same encodings and formula-injection guard as the
 * inbox export (exports/csvEncode.ts). No answers, only the timed steps.
 */
import { japanClock, type CounterSessionStatus, type CounterTimeline, type Language } from '@madoguchi/shared';
import type { CounterAnalysis, CounterGroupFigures } from '@madoguchi/shared/contract';
import { csvText, encodeCsv, type CsvEncoding } from '../exports/csvEncode';
import { visitDurations } from './counterFigures';
import type { Period } from './counterAnalysis';

export type CounterCsvKind = 'visits' | 'figures';

type Text = readonly [ja: string, en: string];
const pick = (t: Text, language: Language) => (language === 'en' ? t[1] : t[0]);

const STATUS: Record<CounterSessionStatus, Text> = {
  waiting: ['待ち', 'Waiting'],
  serving: ['対応中', 'Being served'],
  confirming: ['確認中', 'Confirming'],
  confirmed: ['確認済', 'Confirmed'],
  submitted: ['申請済', 'Submitted'],
  ended: ['終了', 'Ended'],
};

const VISIT_COLUMNS: Text[] = [
  ['受付番号', 'Ticket'],
  ['来庁日', 'Date'],
  ['来庁時刻', 'Arrived'],
  ['窓口', 'Desk'],
  ['担当者', 'Clerk'],
  ['状態', 'Status'],
  ['手続', 'Procedures'],
  ['手続数', 'Number of procedures'],
  ['事前入力', 'Pre-filled'],
  ['カード読取', 'Card read'],
  ['呼出時刻', 'Called'],
  ['確認依頼時刻', 'Confirmation asked'],
  ['確認時刻', 'Confirmed'],
  ['終了時刻', 'Ended'],
  ['待ち時間（分）', 'Waiting (min)'],
  ['対応時間（分）', 'Service (min)'],
  ['確認時間（分）', 'Confirmation (min)'],
  ['手続ごとの時間（分）', 'Time per procedure (min)'],
  ['申請数', 'Applications'],
];

const FIGURE_COLUMNS: Text[] = [
  ['区分', 'Group'],
  ['名前', 'Name'],
  ['来庁数', 'Visits'],
  ['未終了', 'Open'],
  ['終了', 'Ended'],
  ['待ち時間 中央値（分）', 'Waiting median (min)'],
  ['待ち時間 90%値（分）', 'Waiting 90th pct (min)'],
  ['対応時間 中央値（分）', 'Service median (min)'],
  ['対応時間 90%値（分）', 'Service 90th pct (min)'],
  ['手続ごとの時間 中央値（分）', 'Per procedure median (min)'],
  ['手続ごとの時間 90%値（分）', 'Per procedure 90th pct (min)'],
  ['確認時間 中央値（分）', 'Confirmation median (min)'],
  ['確認時間 90%値（分）', 'Confirmation 90th pct (min)'],
  ['1来庁あたりの手続数', 'Procedures per visit'],
  ['事前入力の割合（%）', 'Pre-filled (%)'],
  ['カード読取の割合（%）', 'Card read (%)'],
  ['申請数', 'Applications'],
  ['到達から完了まで 中央値（時間）', 'Arrival to closing median (h)'],
  ['到達から完了まで 90%値（時間）', 'Arrival to closing 90th pct (h)'],
];

const GROUP: Record<'overall' | 'desk' | 'procedure' | 'hour', Text> = {
  overall: ['全体', 'Overall'],
  desk: ['窓口', 'Desk'],
  procedure: ['手続', 'Procedure'],
  hour: ['時間帯', 'Hour'],
};
const UNASSIGNED: Text = ['（呼出前）', '(not called yet)'];
const YES: Text = ['あり', 'yes'];
const NO: Text = ['なし', 'no'];

const num = (n: number | null | undefined) => (n === null || n === undefined ? '' : String(n));
const min = (ms: number | undefined) => (ms === undefined ? '' : String(Math.round((ms / 60_000) * 10) / 10));
const percent = (share: number | null) => (share === null ? '' : String(Math.round(share * 1000) / 10));

function visitRows(timelines: CounterTimeline[], titleOf: (id: string) => string, nameOf: (userId: string) => string, language: Language): string[][] {
  return timelines.map((t) => {
    const d = visitDurations(t);
    const time = (kind: CounterTimeline['steps'][number]['kind'], last = false) => {
      const steps = t.steps.filter((s) => s.kind === kind);
      const step = last ? steps.at(-1) : steps[0];
      return step ? japanClock(step.at).time : '';
    };
    const arrival = d.arrival ? japanClock(d.arrival) : { date: '', time: '' };
    return [
      t.ticketNumber,
      arrival.date,
      arrival.time,
      t.desk,
      t.servedBy ? nameOf(t.servedBy) : '',
      pick(STATUS[t.status], language),
      t.procedureIds.map(titleOf).join('・'),
      String(t.procedureIds.length),
      pick(t.prefilled ? YES : NO, language),
      pick(d.cardRead ? YES : NO, language),
      time('serviceStarted'),
      time('confirmationRequested', true),
      time('confirmed'),
      time('ended', true),
      min(d.waitingMs),
      min(d.serviceMs),
      min(d.confirmationMs),
      Object.entries(d.procedureMs)
        .map(([id, ms]) => `${titleOf(id)} ${min(ms)}`)
        .join('／'),
      String(t.submissionIds.length),
    ];
  });
}

function figureRow(group: Text, name: string, g: CounterGroupFigures, language: Language, lead?: { medianHours: number | null; p90Hours: number | null }): string[] {
  return [
    pick(group, language),
    name,
    String(g.visits),
    String(g.open),
    String(g.ended),
    num(g.waiting.medianMinutes),
    num(g.waiting.p90Minutes),
    num(g.service.medianMinutes),
    num(g.service.p90Minutes),
    num(g.procedure.medianMinutes),
    num(g.procedure.p90Minutes),
    num(g.confirmation.medianMinutes),
    num(g.confirmation.p90Minutes),
    num(g.proceduresPerVisit),
    percent(g.prefilledShare),
    percent(g.cardReadShare),
    String(g.submissions),
    num(lead?.medianHours),
    num(lead?.p90Hours),
  ];
}

function figureRows(a: CounterAnalysis, language: Language): string[][] {
  return [
    figureRow(GROUP.overall, '', a.overall, language),
    ...a.desks.map((g) => figureRow(GROUP.desk, g.key || pick(UNASSIGNED, language), g, language)),
    ...a.procedures.map((g) => figureRow(GROUP.procedure, g.title, g, language, g.inbox.leadTime)),
    ...a.hours.map((g) => figureRow(GROUP.hour, `${g.key}:00`, g, language)),
  ];
}

export interface CounterCsvInput {
  kind: CounterCsvKind;
  encoding: CsvEncoding;
  language: Language;
  municipalityCode: string;
  period: Period;
  timelines: CounterTimeline[];
  analysis: CounterAnalysis;
  titleOf: (procedureId: string) => string;
  nameOf: (userId: string) => string;
}

export function counterCsv(input: CounterCsvInput): { bytes: Buffer; fileName: string; rows: number; replaced: string[] } {
  const { kind, language } = input;
  const rows = kind === 'visits' ? visitRows(input.timelines, input.titleOf, input.nameOf, language) : figureRows(input.analysis, language);
  const header = (kind === 'visits' ? VISIT_COLUMNS : FIGURE_COLUMNS).map((c) => pick(c, language));
  const { bytes, replaced } = encodeCsv(csvText([header, ...rows]), input.encoding);
  const stamp = `${input.period.from.replace(/-/g, '')}-${input.period.to.replace(/-/g, '')}`;
  return { bytes, fileName: `counter_${kind}_${input.municipalityCode}_${stamp}${input.encoding === 'cp932' ? '_sjis' : ''}.csv`, rows: rows.length, replaced };
}
