/** The life-event guides of a municipality (public API). */
import type { LifeEventGuide } from '@madoguchi/shared';
import type { Language } from '../../common/i18n/LanguageContext';
import { apiJson } from '../../common/api/http';

export type GuideSummary = Pick<LifeEventGuide, 'id' | 'lifeEvent' | 'title' | 'titleEn' | 'lead' | 'leadEn'> & { procedureIds: string[] };

export const listGuides = async (code: string, language: Language) => (await apiJson<{ items: GuideSummary[] }>(`/municipalities/${encodeURIComponent(code)}/guides`, { language })).items;

export const getGuide = (code: string, guideId: string, language: Language) =>
  apiJson<{ guide: LifeEventGuide; online: Record<string, string> }>(`/municipalities/${encodeURIComponent(code)}/guides/${encodeURIComponent(guideId)}`, { language });
