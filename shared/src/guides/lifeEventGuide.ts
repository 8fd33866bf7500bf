/**
 * Life-event guides (ライフイベントから探す): a few plain questions, and the
 * procedures a resident needs, each with the rule (data, not code) that
 * makes it apply, why, and its deadline. The same `evaluateGuide` runs in
 * the browser as the resident answers and on the server (the API and,
 * later, the counter), so both always agree.
 */
import { conditionHolds } from '../form/conditions';
import type { FieldCondition } from '../form/types';

export interface GuideQuestion {
  id: string;
  text: string;
  textEn?: string;
  /** A plain hint under the question. */
  help?: string;
  helpEn?: string;
  options: string[];
  optionsEn?: string[];
}

/** One thing the resident may need to do: an online procedure (by id) or a step at a desk or elsewhere. */
export interface GuideItem {
  /** The procedure of the catalog this item is; absent for steps that are not online here (出生届…). */
  procedureId?: string;
  /** The step's name when it is not a procedure of the catalog. */
  title?: string;
  /** The name English-speaking residents see (for a procedure of the catalog too, whose title is Japanese). */
  titleEn?: string;
  /** Applies when every condition holds (answers by question id); no conditions: always. */
  when?: FieldCondition[];
  /** Why it applies, in the resident's words. */
  reason: string;
  reasonEn?: string;
  /** The deadline as the law or the municipality sets it (e.g. 出生日の翌日から15日以内). */
  deadline?: string;
  deadlineEn?: string;
  /** Where it is done when not online here (e.g. 「市区町村の窓口」「勤務先」). */
  where?: string;
  whereEn?: string;
}

export interface LifeEventGuide {
  id: string;
  /** The life event (出生, 介護, 被災, …). */
  lifeEvent: string;
  title: string;
  titleEn?: string;
  lead: string;
  leadEn?: string;
  questions: GuideQuestion[];
  items: GuideItem[];
}

export interface GuideResultItem extends GuideItem {
  /** Whether the resident can do it online in this municipality (the procedure is in its catalog). */
  online: boolean;
}

/**
 * The items that apply to these answers. An item whose conditions name a
 * question not answered yet is left out until it is answered, so the list
 * only grows with certainty. `offered`: the procedure ids the municipality
 * takes online.
 */
export function evaluateGuide(guide: LifeEventGuide, answers: Record<string, string | undefined>, offered: ReadonlySet<string>): GuideResultItem[] {
  return guide.items
    .filter((item) => (item.when ?? []).every((c) => answers[c.field] !== undefined && conditionHolds(c, answers)))
    .map((item) => ({ ...item, online: item.procedureId !== undefined && offered.has(item.procedureId) }));
}

/** One thing wrong with a guide, where (a JSON pointer inside the guide) and what, so each caller words it in its language. */
export type GuideProblem =
  | { pointer: string; kind: 'duplicateQuestionIds' }
  | { pointer: string; kind: 'itemWithoutName' }
  | { pointer: string; kind: 'emptyEnglish' }
  | { pointer: string; kind: 'unknownProcedure'; procedureId: string }
  | { pointer: string; kind: 'unknownQuestion'; question: string }
  | { pointer: string; kind: 'unknownOption'; question: string; option: string };

/** The English texts of a guide by their pointer (optional each; when given, shown instead of the Japanese in the English interface). */
function englishTexts(guide: LifeEventGuide): Array<[string, string | undefined]> {
  return [
    ['/titleEn', guide.titleEn],
    ['/leadEn', guide.leadEn],
    ...guide.questions.flatMap((q, i): Array<[string, string | undefined]> => [
      [`/questions/${i}/textEn`, q.textEn],
      [`/questions/${i}/helpEn`, q.helpEn],
    ]),
    ...guide.items.flatMap((item, i): Array<[string, string | undefined]> => (['titleEn', 'reasonEn', 'deadlineEn', 'whereEn'] as const).map((key) => [`/items/${i}/${key}`, item[key]])),
  ];
}

/**
 * What is wrong with a guide (unknown questions or options in rules, items without a name, English texts given
 * but empty, which would show a blank instead of the Japanese), for loading, saving and publishing.
 */
export function guideIssues(guide: LifeEventGuide, procedureIds: ReadonlySet<string>): GuideProblem[] {
  const problems: GuideProblem[] = [];
  for (const [pointer, text] of englishTexts(guide)) if (text !== undefined && !text.trim()) problems.push({ pointer, kind: 'emptyEnglish' });
  const questions = new Map(guide.questions.map((q) => [q.id, q]));
  if (questions.size !== guide.questions.length) problems.push({ pointer: '/questions', kind: 'duplicateQuestionIds' });
  for (const [i, item] of guide.items.entries()) {
    if (!item.procedureId && !item.title) problems.push({ pointer: `/items/${i}`, kind: 'itemWithoutName' });
    if (item.procedureId && !procedureIds.has(item.procedureId)) problems.push({ pointer: `/items/${i}/procedureId`, kind: 'unknownProcedure', procedureId: item.procedureId });
    for (const [j, c] of (item.when ?? []).entries()) {
      const q = questions.get(c.field);
      if (!q) problems.push({ pointer: `/items/${i}/when/${j}`, kind: 'unknownQuestion', question: c.field });
      const values = [c.equals, c.notEquals, ...(c.in ?? [])].filter((v) => v !== undefined);
      for (const v of values) if (q && !q.options.includes(String(v))) problems.push({ pointer: `/items/${i}/when/${j}`, kind: 'unknownOption', question: c.field, option: String(v) });
    }
  }
  return problems;
}

/** `guideIssues` as plain English lines (for a preset author reading a load error). */
export function guideProblems(guide: LifeEventGuide, procedureIds: ReadonlySet<string>): string[] {
  const item = (pointer: string) => pointer.split('/').slice(1, 3).join('/');
  const where = (pointer: string) => pointer.slice(1);
  return guideIssues(guide, procedureIds).map((p) => {
    switch (p.kind) {
      case 'duplicateQuestionIds':
        return 'questions: ids must be unique';
      case 'itemWithoutName':
        return `${item(p.pointer)}: needs a procedureId or a title`;
      case 'emptyEnglish':
        return `${where(p.pointer)}: English text is empty (leave it out to show the Japanese)`;
      case 'unknownProcedure':
        return `${item(p.pointer)}: unknown procedure ${p.procedureId}`;
      case 'unknownQuestion':
        return `${item(p.pointer)}: rule names unknown question ${p.question}`;
      case 'unknownOption':
        return `${item(p.pointer)}: ${p.question} has no option 「${p.option}」`;
    }
  });
}
