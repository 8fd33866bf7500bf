/**
 * The guide editor's form values and their conversion to and from a guide:
 * options are edited one per line, conditions as question + comparison +
 * answer. What the server stores is always the plain guide document.
 */
import type { FieldCondition, LifeEventGuide } from '@madoguchi/shared';

export interface ConditionValues {
  field: string;
  op: 'equals' | 'notEquals';
  value: string;
}
export interface QuestionValues {
  id: string;
  text: string;
  textEn: string;
  help: string;
  options: string;
  optionsEn: string;
}
export interface ItemValues {
  procedureId: string;
  title: string;
  reason: string;
  deadline: string;
  where: string;
  when: ConditionValues[];
}
export interface GuideValues {
  lifeEvent: string;
  title: string;
  titleEn: string;
  lead: string;
  questions: QuestionValues[];
  items: ItemValues[];
}

export const emptyQuestion = (n: number): QuestionValues => ({ id: `q${n}`, text: '', textEn: '', help: '', options: 'はい\nいいえ', optionsEn: '' });
export const emptyItem = (): ItemValues => ({ procedureId: '', title: '', reason: '', deadline: '', where: '', when: [] });

const lines = (text: string) =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);

const conditionValues = (c: FieldCondition): ConditionValues =>
  c.notEquals !== undefined ? { field: c.field, op: 'notEquals', value: String(c.notEquals) } : { field: c.field, op: 'equals', value: String(c.equals ?? '') };

export function toValues(guide: LifeEventGuide): GuideValues {
  return {
    lifeEvent: guide.lifeEvent,
    title: guide.title,
    titleEn: guide.titleEn ?? '',
    lead: guide.lead,
    questions: guide.questions.map((q) => ({ id: q.id, text: q.text, textEn: q.textEn ?? '', help: q.help ?? '', options: q.options.join('\n'), optionsEn: (q.optionsEn ?? []).join('\n') })),
    items: guide.items.map((i) => ({
      procedureId: i.procedureId ?? '',
      title: i.title ?? '',
      reason: i.reason,
      deadline: i.deadline ?? '',
      where: i.where ?? '',
      when: (i.when ?? []).map(conditionValues),
    })),
  };
}

const opt = (v: string) => (v.trim() ? v.trim() : undefined);
const defined = <T extends object>(o: T): T => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;

export function toGuide(id: string, v: GuideValues): LifeEventGuide {
  return defined({
    id,
    lifeEvent: v.lifeEvent.trim(),
    title: v.title.trim(),
    titleEn: opt(v.titleEn),
    lead: v.lead.trim(),
    questions: v.questions.map((q) =>
      defined({ id: q.id.trim(), text: q.text.trim(), textEn: opt(q.textEn), help: opt(q.help), options: lines(q.options), optionsEn: lines(q.optionsEn).length ? lines(q.optionsEn) : undefined }),
    ),
    items: v.items.map((i) =>
      defined({
        procedureId: opt(i.procedureId),
        title: opt(i.title),
        reason: i.reason.trim(),
        deadline: opt(i.deadline),
        where: opt(i.where),
        when: i.when.length ? i.when.map((c) => ({ field: c.field, [c.op]: c.value })) : undefined,
      }),
    ),
  });
}
