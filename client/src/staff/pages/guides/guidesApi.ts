/** The staff API of the municipality's life-event guides (server/src/http/guideStaffRoutes.ts). */
import type { GuideEditorView, GuideListEntry, GuideVersionSummary, LifeEventGuide } from '@madoguchi/shared';
import { staffApi } from '../../api';

export type { GuideEditorView, GuideListEntry, GuideSource, GuideVersionSummary } from '@madoguchi/shared';

const base = (code: string) => `/municipalities/${encodeURIComponent(code)}/guides`;
const one = (code: string, id: string) => `${base(code)}/${encodeURIComponent(id)}`;

export const guidesApi = {
  list: (code: string) => staffApi<{ items: GuideListEntry[] }>('GET', base(code)),
  create: (code: string, body: { id: string; lifeEvent: string; title: string }) => staffApi<GuideEditorView>('POST', base(code), body),
  view: (code: string, id: string) => staffApi<GuideEditorView>('GET', one(code, id)),
  save: (code: string, id: string, guide: LifeEventGuide, version: number) => staffApi<GuideEditorView>('PUT', `${one(code, id)}/draft`, { guide, version }),
  publish: (code: string, id: string) => staffApi<GuideVersionSummary>('POST', `${one(code, id)}/publish`),
  setHidden: (code: string, id: string, hidden: boolean) => staffApi<GuideEditorView>('PUT', `${one(code, id)}/hidden`, { hidden }),
};
