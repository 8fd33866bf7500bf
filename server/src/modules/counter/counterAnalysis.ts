/**
 * 窓口の分析: the period asked for (Japan dates, both ends inclusive), the
 * visits opened in it, their figures (counterFigures.ts), and for the
 * applications they produced the inbox's lead time from arrival to a final
 * status per procedure (from the submissions' metadata: no answer is decrypted).
 */
import { japanDayStart, todayInJapan, type CounterTimeline, type Language } from '@madoguchi/shared';
import type { CounterAnalysis } from '@madoguchi/shared/contract';
import { BadRequestError } from '../../errors';
import type { Storage } from '../../storage/types';
import { spread, type Spread } from '../inbox/processingTimes';
import { counterFigures } from './counterFigures';

export const DEFAULT_PERIOD_DAYS = 30;
/** A year (a leap year's) at most: the figures are computed in memory from every visit of the period. */
export const MAX_PERIOD_DAYS = 366;
const DAY_MS = 86_400_000;

export interface Period {
  /** First and last day, YYYY-MM-DD in Japan. */
  from: string;
  to: string;
}

const MESSAGES = {
  badDate: { ja: '期間は YYYY-MM-DD の形の日付で指定してください（{name}）。', en: 'Give the period as dates of the form YYYY-MM-DD ({name}).' },
  reversed: { ja: '期間の開始日は終了日より前の日付にしてください。', en: 'The first day of the period must not be after the last day.' },
  tooLong: { ja: '期間は{max}日以内で指定してください。', en: 'The period may be at most {max} days long.' },
} as const;

const refuse = (language: Language, key: keyof typeof MESSAGES, params: Record<string, string | number> = {}) =>
  new BadRequestError(
    MESSAGES[key][language].replace(/\{(\w+)\}/g, (_, name: string) => String(params[name])),
    'bad_period',
  );

/** A real calendar day (2026-02-30 and 2026-13-01 are not). */
function isDay(value: string): boolean {
  const at = Date.parse(`${value}T00:00:00Z`);
  return /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(at) && new Date(at).toISOString().startsWith(value);
}
const addDays = (day: string, n: number) => new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);

/** `?from=&to=`: both optional (default: the last 30 days up to today in Japan); refused in the caller's language when malformed, reversed or too long. */
export function parsePeriod(query: Record<string, unknown>, now: Date, language: Language): Period {
  const day = (name: 'from' | 'to') => {
    const v = query[name];
    if (v === undefined || v === '') return undefined;
    if (typeof v !== 'string' || !isDay(v)) throw refuse(language, 'badDate', { name });
    return v;
  };
  const to = day('to') ?? todayInJapan(now);
  const from = day('from') ?? addDays(to, -(DEFAULT_PERIOD_DAYS - 1));
  if (from > to) throw refuse(language, 'reversed');
  if ((Date.parse(to) - Date.parse(from)) / DAY_MS + 1 > MAX_PERIOD_DAYS) throw refuse(language, 'tooLong', { max: MAX_PERIOD_DAYS });
  return { from, to };
}

/** The visits opened in the period, oldest first. */
export const periodTimelines = (storage: Storage, municipalityCode: string, period: Period): Promise<CounterTimeline[]> =>
  storage.counterSessions.timelines(municipalityCode, new Date(japanDayStart(period.from)), new Date(japanDayStart(period.to, 1)));

export interface InboxLead {
  submissions: number;
  leadTime: Spread;
}

/** Per procedure, the counter's applications in the inbox and their arrival-to-final-status time. */
export async function counterLeadTimes(storage: Storage, municipalityCode: string, timelines: CounterTimeline[]): Promise<Map<string, InboxLead>> {
  const perProcedure = new Map<string, { n: number; lead: number[] }>();
  for (const id of new Set(timelines.flatMap((t) => t.submissionIds))) {
    const meta = await storage.inbox.getMeta(id);
    if (!meta || meta.municipalityCode !== municipalityCode) continue; // purged by retention meanwhile
    const acc = perProcedure.get(meta.procedureId) ?? { n: 0, lead: [] };
    perProcedure.set(meta.procedureId, acc);
    acc.n++;
    if (meta.closedAt) acc.lead.push(Date.parse(meta.closedAt) - Date.parse(meta.createdAt));
  }
  return new Map([...perProcedure].map(([procedureId, a]) => [procedureId, { submissions: a.n, leadTime: spread(a.lead) }]));
}

/** The figures of a period as the API answers them. */
export async function counterAnalysis(storage: Storage, municipalityCode: string, period: Period, titleOf: (procedureId: string) => string): Promise<CounterAnalysis> {
  const timelines = await periodTimelines(storage, municipalityCode, period);
  return analysisOf(period, timelines, await counterLeadTimes(storage, municipalityCode, timelines), titleOf);
}

export function analysisOf(period: Period, timelines: CounterTimeline[], leads: Map<string, InboxLead>, titleOf: (procedureId: string) => string): CounterAnalysis {
  const figures = counterFigures(timelines);
  const noLead: InboxLead = { submissions: 0, leadTime: spread([]) };
  return {
    ...period,
    ...figures,
    procedures: figures.procedures.map((p) => ({ ...p, title: titleOf(p.key), inbox: leads.get(p.key) ?? noLead })),
  };
}
