/** The decision notice as the API shows it (issue #21); its own file so components.ts can embed it without a cycle. */
import { Closed, DateTime, Enum, Str, component } from './kit';

export const decisionKind = Enum(['completed', 'rejected'] as const, { description: '`completed`: 決定通知書 (処理完了); `rejected`: 却下通知書 (却下)' });

export const DecisionNoticeSchema = component(
  'DecisionNotice',
  Closed({
    number: Str({ description: 'As printed, e.g. 水戸市指令 第000001号 (per municipality and calendar year of the decision)' }),
    kind: decisionKind,
    title: Str({ description: '決定通知書 / 却下通知書 (as the template names it)' }),
    decidedOn: Str({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: '決定日 (Japan time)' }),
    issuedAt: DateTime(),
  }),
);
