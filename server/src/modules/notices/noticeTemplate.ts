/**
 * The per-procedure template of decision notices (決定通知書 / 却下通知書):
 * the defaults every procedure starts from, the placeholders a municipality
 * may use, the check of an edited template (every problem named, in ja/en),
 * and filling a template in. The default 教示文 follows 行政不服審査法 art. 82
 * and 行政事件訴訟法 art. 46 (審査請求 within 3 months to the head; 取消訴訟
 * within 6 months against the municipality, represented by its head).
 */
import type { FieldError, Language } from '@madoguchi/shared';
import type { NoticeTemplate } from '../../storage/decisionNoticeTypes';

/** Placeholders of the texts; what each stands for is filled in at decision time. */
export const TEXT_PLACEHOLDERS = ['氏名', '手続名', '到達番号', '受付日', '決定日', '理由', '自治体', '首長'] as const;
/** Placeholders of the number format. */
export const NUMBER_PLACEHOLDERS = ['自治体', '年', '番号'] as const;

export type PlaceholderValues = Partial<Record<(typeof TEXT_PLACEHOLDERS)[number] | (typeof NUMBER_PLACEHOLDERS)[number], string>>;

export const DEFAULT_APPEAL = [
  '（教示）',
  '1　この処分に不服があるときは、この処分があったことを知った日の翌日から起算して3か月以内に、{首長}に対して審査請求をすることができます（行政不服審査法第2条）。',
  '2　この処分の取消しを求める訴えは、この処分があったことを知った日の翌日から起算して6か月以内に、{自治体}を被告として（訴訟において{自治体}を代表する者は{首長}となります。）提起することができます（行政事件訴訟法第14条）。審査請求をしたときは、その審査請求に対する裁決があったことを知った日の翌日から起算して6か月以内に提起することができます。',
  '3　ただし、上記の期間内であっても、この処分（審査請求をしたときはその裁決）があった日の翌日から起算して1年を経過したときは、正当な理由がある場合を除き、審査請求や取消しの訴えをすることができなくなります。',
].join('\n');

/** What a procedure without its own template prints. `headTitle` is e.g. 「水戸市長」. */
export function defaultTemplate(headTitle: string): NoticeTemplate {
  return {
    numberFormat: '{自治体}指令 第{番号}号',
    headTitle,
    headName: '',
    section: '',
    completedTitle: '決定通知書',
    completedBody: '{受付日}付けで申請のあった{手続名}（到達番号 {到達番号}）について、申請のとおり決定したので通知します。',
    rejectedTitle: '却下通知書',
    rejectedBody: '{受付日}付けで申請のあった{手続名}（到達番号 {到達番号}）については、次の理由により却下したので通知します。\n\n（理由）\n{理由}',
    appeal: DEFAULT_APPEAL,
  };
}

interface FieldRule {
  key: keyof NoticeTemplate;
  label: { ja: string; en: string };
  max: number;
  required: boolean;
  placeholders: readonly string[];
  mustContain?: string;
}

const RULES: FieldRule[] = [
  { key: 'numberFormat', label: { ja: '番号の書式', en: 'Number format' }, max: 60, required: true, placeholders: NUMBER_PLACEHOLDERS, mustContain: '番号' },
  { key: 'headTitle', label: { ja: '首長の職名', en: 'Title of the head' }, max: 60, required: true, placeholders: [] },
  { key: 'headName', label: { ja: '首長の氏名', en: 'Name of the head' }, max: 60, required: false, placeholders: [] },
  { key: 'section', label: { ja: '担当課', en: 'Issuing section' }, max: 80, required: false, placeholders: [] },
  { key: 'completedTitle', label: { ja: '決定通知書の表題', en: 'Title of the decision notice' }, max: 40, required: true, placeholders: [] },
  { key: 'completedBody', label: { ja: '決定通知書の本文', en: 'Text of the decision notice' }, max: 4000, required: true, placeholders: TEXT_PLACEHOLDERS },
  { key: 'rejectedTitle', label: { ja: '却下通知書の表題', en: 'Title of the rejection notice' }, max: 40, required: true, placeholders: [] },
  { key: 'rejectedBody', label: { ja: '却下通知書の本文', en: 'Text of the rejection notice' }, max: 4000, required: true, placeholders: TEXT_PLACEHOLDERS, mustContain: '理由' },
  { key: 'appeal', label: { ja: '教示文', en: 'Appeal notice (教示文)' }, max: 4000, required: true, placeholders: TEXT_PLACEHOLDERS },
];

const PLACEHOLDER = /\{([^{}]*)\}/gu;

/** Checks an edited template; returns it trimmed, or the problems of each field (empty list: fine). */
export function checkTemplate(input: unknown, language: Language): { template: NoticeTemplate | null; errors: FieldError[] } {
  const say = (ja: string, en: string) => (language === 'en' ? en : ja);
  const body = typeof input === 'object' && input !== null && !Array.isArray(input) ? (input as Record<string, unknown>) : {};
  const errors: FieldError[] = [];
  const out: Record<string, string> = {};
  for (const rule of RULES) {
    const label = rule.label[language];
    const raw = body[rule.key];
    const value = typeof raw === 'string' ? raw.trim() : raw === undefined && !rule.required ? '' : null;
    const add = (ja: string, en: string) => errors.push({ pointer: `/${rule.key}`, property: `.${rule.key}`, label, keyword: 'template', message: say(ja, en) });
    if (value === null || (rule.required && !value)) add(`${label}を入力してください。`, `Enter the ${label.toLowerCase()}.`);
    else if (value.length > rule.max) add(`${label}は${rule.max}文字以内にしてください。`, `The ${label.toLowerCase()} must be at most ${rule.max} characters.`);
    else {
      const unknown = [...value.matchAll(PLACEHOLDER)].map((m) => m[1]!).filter((name) => !rule.placeholders.includes(name));
      if (unknown.length) add(`${label}に使えない差込項目があります：{${unknown[0]}}`, `The ${label.toLowerCase()} uses an unknown placeholder: {${unknown[0]}}`);
      else if (rule.mustContain && !value.includes(`{${rule.mustContain}}`))
        add(`${label}には {${rule.mustContain}} を含めてください。`, `The ${label.toLowerCase()} must contain {${rule.mustContain}}.`);
      out[rule.key] = value;
    }
  }
  return errors.length ? { template: null, errors } : { template: out as unknown as NoticeTemplate, errors };
}

/** Replaces every known placeholder; an unknown one stays as typed (templates are checked on saving). */
export const fill = (text: string, values: PlaceholderValues): string => text.replace(PLACEHOLDER, (whole, name: string) => values[name as keyof PlaceholderValues] ?? whole);
