/** The staff API of counter visits (server/src/http/counterRoutes.ts; contract: counterOperations.ts). */
import type { AnswerSources, CounterSessionView, CounterTimeline, LifeEventGuide, ProcedureDetail, ProcedureSummary, SharedAnswers } from '@madoguchi/shared';
import { publicApi, staffApi } from '../../api';

export type { CounterSessionView, CounterTimeline } from '@madoguchi/shared';

export interface CounterWorkBody {
  revision: number;
  procedureIds: string[];
  guideId?: string | null;
  shared: SharedAnswers;
  answers: Record<string, Record<string, unknown>>;
  sources: Record<string, AnswerSources>;
}

export interface CardData {
  name: string;
  address: string;
  birthdate?: string;
  sex?: string | null;
}

const base = (code: string) => `/municipalities/${encodeURIComponent(code)}/counter/sessions`;
const one = (code: string, id: string) => `${base(code)}/${encodeURIComponent(id)}`;

export const counterApi = {
  today: (code: string) => staffApi<{ items: CounterTimeline[] }>('GET', base(code)),
  open: (code: string) => staffApi<CounterSessionView>('POST', base(code), {}),
  get: (code: string, id: string) => staffApi<CounterSessionView>('GET', one(code, id)),
  start: (code: string, id: string, revision: number, desk: string) => staffApi<CounterSessionView>('POST', `${one(code, id)}/start`, { revision, desk }),
  save: (code: string, id: string, body: CounterWorkBody) => staffApi<CounterSessionView>('PUT', `${one(code, id)}/work`, body),
  step: (code: string, id: string, revision: number, kind: 'procedureStarted' | 'procedureFinished', procedureId: string) =>
    staffApi<CounterSessionView>('POST', `${one(code, id)}/steps`, { revision, kind, procedureId }),
  card: (code: string, id: string, revision: number, data: CardData) => staffApi<CounterSessionView>('POST', `${one(code, id)}/card`, { revision, ...data }),
  prefill: (code: string, id: string, revision: number, link: string) => staffApi<CounterSessionView>('POST', `${one(code, id)}/prefill`, { revision, link }),
  pair: (code: string, id: string, revision: number) => staffApi<{ session: CounterSessionView; code: string; expiresAt: string }>('POST', `${one(code, id)}/pairing`, { revision }),
  askConfirmation: (code: string, id: string, revision: number) => staffApi<CounterSessionView>('POST', `${one(code, id)}/confirmation`, { revision }),
  paperConfirmed: (code: string, id: string, revision: number) => staffApi<CounterSessionView>('POST', `${one(code, id)}/paper`, { revision }),
  paperUrl: (code: string, id: string, procedureId: string) => `/api/v1/staff${one(code, id)}/paper/${encodeURIComponent(procedureId)}`,
  submit: (code: string, id: string) =>
    staffApi<{ session: CounterSessionView; receiptNumber: string; items: Array<{ procedureId: string; receiptNumber: string }> }>('POST', `${one(code, id)}/submit`, {}),
  end: (code: string, id: string, revision: number) => staffApi<CounterSessionView>('POST', `${one(code, id)}/end`, { revision }),
};

/** A life event's guide as the catalog lists it, with the procedures it leads to. */
export type GuideSummary = Pick<LifeEventGuide, 'id' | 'lifeEvent' | 'title'> & { procedureIds: string[] };

const enc = encodeURIComponent;

/** The municipality's public catalog, as residents see it (the console's own calls, so no resident module is shared). */
export const catalogApi = {
  procedures: async (code: string) => (await publicApi<{ items: ProcedureSummary[] }>(`/municipalities/${enc(code)}/procedures`)).items,
  procedure: (code: string, procedureId: string) => publicApi<ProcedureDetail>(`/municipalities/${enc(code)}/procedures/${enc(procedureId)}`),
  guides: async (code: string) => (await publicApi<{ items: GuideSummary[] }>(`/municipalities/${enc(code)}/guides`)).items,
};
