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
  helpEn: string;
  options: string;
  optionsEn: string;
}
export interface ItemValues {
  procedureId: string;
  title: string;
  titleEn: string;
  reason: string;
  reasonEn: string;
  deadline: string;
  deadlineEn: string;
  where: string;
  whereEn: string;
  when: ConditionValues[];
}
export interface GuideValues {
  lifeEvent: string;
  title: string;
  titleEn: string;
  lead: string;
  leadEn: string;
  questions: QuestionValues[];
  items: ItemValues[];
}

export const emptyQuestion = (n: number): QuestionValues => ({ id: `q${n}`, text: '', textEn: '', help: '', helpEn: '', options: 'はい\nいいえ', optionsEn: '' });
export const emptyItem = (): ItemValues => ({ procedureId: '', title: '', titleEn: '', reason: '', reasonEn: '', deadline: '', deadlineEn: '', where: '', whereEn: '', when: [] });

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
    leadEn: guide.leadEn ?? '',
    questions: guide.questions.map((q) => ({
      id: q.id,
      text: q.text,
      textEn: q.textEn ?? '',
      help: q.help ?? '',
      helpEn: q.helpEn ?? '',
      options: q.options.join('\n'),
      optionsEn: (q.optionsEn ?? []).join('\n'),
    })),
    items: guide.items.map((i) => ({
      procedureId: i.procedureId ?? '',
      title: i.title ?? '',
      titleEn: i.titleEn ?? '',
      reason: i.reason,
      reasonEn: i.reasonEn ?? '',
      deadline: i.deadline ?? '',
      deadlineEn: i.deadlineEn ?? '',
      where: i.where ?? '',
      whereEn: i.whereEn ?? '',
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
    leadEn: opt(v.leadEn),
    questions: v.questions.map((q) =>
      defined({
        id: q.id.trim(),
        text: q.text.trim(),
        textEn: opt(q.textEn),
        help: opt(q.help),
        helpEn: opt(q.helpEn),
        options: lines(q.options),
        optionsEn: lines(q.optionsEn).length ? lines(q.optionsEn) : undefined,
      }),
    ),
    items: v.items.map((i) =>
      defined({
        procedureId: opt(i.procedureId),
        title: opt(i.title),
        titleEn: opt(i.titleEn),
        reason: i.reason.trim(),
        reasonEn: opt(i.reasonEn),
        deadline: opt(i.deadline),
        deadlineEn: opt(i.deadlineEn),
        where: opt(i.where),
        whereEn: opt(i.whereEn),
        when: i.when.length ? i.when.map((c) => ({ field: c.field, [c.op]: c.value })) : undefined,
      }),
    ),
  });
}
