/** Resident-facing names of categories and life events (ぴったりサービス's wording). */
import type { LifeEvent, ProcedureCategory } from '@madoguchi/shared';
import type { Language } from '../../common/i18n/LanguageContext';

export const LIFE_EVENT_LABELS: Record<LifeEvent, [string, string]> = {
  'pregnancy-birth': ['妊娠・出産', 'Pregnancy and birth'],
  childrearing: ['子育て', 'Raising children'],
  nursery: ['保育園・幼稚園', 'Nursery and kindergarten'],
  care: ['介護', 'Long-term care'],
  disaster: ['災害', 'Disasters'],
  moving: ['引越し', 'Moving'],
  bereavement: ['おくやみ', 'Bereavement'],
  other: ['その他', 'Other'],
};

export const CATEGORY_LABELS: Record<ProcedureCategory, [string, string]> = {
  childcare: ['子育て・教育', 'Children and education'],
  care: ['介護・高齢者', 'Care and older people'],
  disaster: ['防災・災害', 'Disasters'],
  health: ['健康・医療', 'Health'],
  residence: ['住まい・戸籍', 'Residence and family register'],
  tax: ['税金', 'Taxes'],
  other: ['その他', 'Other'],
};

export const labelIn = (pair: [string, string], language: Language) => (language === 'en' ? pair[1] : pair[0]);
