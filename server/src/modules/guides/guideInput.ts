/**
 * Checks a guide document sent by the staff console before it is stored:
 * its shape and lengths here, its rules and procedures with the shared
 * `guideIssues` (the same check the national guides pass when they load).
 * Every problem becomes a per-field message in the caller's language.
 */
import { guideIssues, type FieldError, type GuideProblem, type Language, type LifeEventGuide } from '@madoguchi/shared';

export const GUIDE_ID_PATTERN = /^[a-z][a-z0-9-]{1,39}$/;
const QUESTION_ID = /^[A-Za-z][A-Za-z0-9_-]{0,39}$/;
const LIMITS = { title: 120, text: 500, questions: 30, options: 10, items: 60 } as const;

const TEXT = {
  required: { ja: '入力してください。', en: 'Enter a value.' },
  tooLong: { ja: '{n}文字以内で入力してください。', en: 'Enter at most {n} characters.' },
  tooMany: { ja: '{n}件までです。', en: 'At most {n}.' },
  questionId: { ja: '質問のIDは半角英字で始まる英数字・_・- で40文字以内にしてください。', en: 'A question id starts with a letter and has at most 40 letters, digits, _ or -.' },
  options: { ja: '選択肢を2つ以上、重ならないように入力してください。', en: 'Give at least two different options.' },
  duplicateQuestionIds: { ja: '質問のIDが重なっています。', en: 'Two questions have the same id.' },
  emptyEnglish: { ja: '英語を入力するか、空欄のままにしてください（空欄のときは日本語を表示します）。', en: 'Enter the English or leave it out (the Japanese is shown then).' },
  itemWithoutName: { ja: '手続を選ぶか、名称を入力してください。', en: 'Choose a procedure or enter a name.' },
  unknownProcedure: { ja: '手続「{v}」はこの市区町村の手続一覧にありません。', en: 'The procedure "{v}" is not in this municipality’s catalog.' },
  unknownQuestion: { ja: '条件が、ない質問「{v}」を指しています。', en: 'The condition names a question "{v}" that does not exist.' },
  unknownOption: { ja: '質問「{q}」に選択肢「{v}」はありません。', en: 'Question "{q}" has no option "{v}".' },
} as const;

type Key = keyof typeof TEXT;
const say = (key: Key, language: Language, vars: Record<string, string | number> = {}) => TEXT[key][language].replace(/\{(\w+)\}/g, (_, k: string) => String(vars[k] ?? ''));

function issueText(p: GuideProblem, language: Language): string {
  switch (p.kind) {
    case 'unknownProcedure':
      return say('unknownProcedure', language, { v: p.procedureId });
    case 'unknownQuestion':
      return say('unknownQuestion', language, { v: p.question });
    case 'unknownOption':
      return say('unknownOption', language, { q: p.question, v: p.option });
    default:
      return say(p.kind, language);
  }
}

/**
 * The problems of `guide` (already of the contract's shape) for `language`, pointers under `/guide`;
 * `procedureIds`: the procedures of the municipality's catalog.
 */
export function guideInputProblems(guide: LifeEventGuide, procedureIds: ReadonlySet<string>, language: Language): FieldError[] {
  const problems: FieldError[] = [];
  const add = (pointer: string, keyword: string, message: string) =>
    problems.push({ pointer: `/guide${pointer}`, property: `.guide${pointer.replace(/\/(\d+)/g, '[$1]').replace(/\//g, '.')}`, label: pointer, keyword, message });
  const text = (pointer: string, value: string | undefined, max: number, required = true) => {
    if (required && !value?.trim()) add(pointer, 'required', say('required', language));
    else if (value && value.length > max) add(pointer, 'maxLength', say('tooLong', language, { n: max }));
  };
  text('/title', guide.title, LIMITS.title);
  text('/titleEn', guide.titleEn, LIMITS.title, false);
  text('/lifeEvent', guide.lifeEvent, 40);
  text('/lead', guide.lead, LIMITS.text);
  text('/leadEn', guide.leadEn, LIMITS.text, false);
  if (guide.questions.length > LIMITS.questions) add('/questions', 'maxItems', say('tooMany', language, { n: LIMITS.questions }));
  if (guide.items.length > LIMITS.items) add('/items', 'maxItems', say('tooMany', language, { n: LIMITS.items }));
  guide.questions.forEach((q, i) => {
    if (!QUESTION_ID.test(q.id)) add(`/questions/${i}/id`, 'pattern', say('questionId', language));
    text(`/questions/${i}/text`, q.text, LIMITS.text);
    text(`/questions/${i}/textEn`, q.textEn, LIMITS.text, false);
    text(`/questions/${i}/help`, q.help, LIMITS.text, false);
    text(`/questions/${i}/helpEn`, q.helpEn, LIMITS.text, false);
    const options = q.options.map((o) => o.trim());
    if (options.length < 2 || options.some((o) => !o) || new Set(options).size !== options.length) add(`/questions/${i}/options`, 'options', say('options', language));
    if (options.length > LIMITS.options) add(`/questions/${i}/options`, 'maxItems', say('tooMany', language, { n: LIMITS.options }));
  });
  guide.items.forEach((item, i) => {
    text(`/items/${i}/title`, item.title, LIMITS.title, false);
    text(`/items/${i}/titleEn`, item.titleEn, LIMITS.title, false);
    text(`/items/${i}/reason`, item.reason, LIMITS.text);
    text(`/items/${i}/reasonEn`, item.reasonEn, LIMITS.text, false);
    text(`/items/${i}/deadline`, item.deadline, LIMITS.text, false);
    text(`/items/${i}/deadlineEn`, item.deadlineEn, LIMITS.text, false);
    text(`/items/${i}/where`, item.where, LIMITS.text, false);
    text(`/items/${i}/whereEn`, item.whereEn, LIMITS.text, false);
  });
  for (const issue of guideIssues(guide, procedureIds)) add(issue.pointer, issue.kind, issueText(issue, language));
  return problems;
}

/** The guide as stored: texts trimmed, empty optional texts left out, the id the path names. */
export function normalizeGuide(guide: LifeEventGuide, id: string): LifeEventGuide {
  const opt = (v: string | undefined) => (v?.trim() ? v.trim() : undefined);
  const clean = <T extends object>(o: T): T => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
  return clean({
    id,
    lifeEvent: guide.lifeEvent.trim(),
    title: guide.title.trim(),
    titleEn: opt(guide.titleEn),
    lead: guide.lead.trim(),
    leadEn: opt(guide.leadEn),
    questions: guide.questions.map((q) => clean({ ...q, text: q.text.trim(), textEn: opt(q.textEn), help: opt(q.help), helpEn: opt(q.helpEn), options: q.options.map((o) => o.trim()) })),
    items: guide.items.map((item) =>
      clean({
        ...item,
        procedureId: opt(item.procedureId),
        title: opt(item.title),
        titleEn: opt(item.titleEn),
        reason: item.reason.trim(),
        reasonEn: opt(item.reasonEn),
        deadline: opt(item.deadline),
        deadlineEn: opt(item.deadlineEn),
        where: opt(item.where),
        whereEn: opt(item.whereEn),
        when: item.when?.length ? item.when : undefined,
      }),
    ),
  });
}
