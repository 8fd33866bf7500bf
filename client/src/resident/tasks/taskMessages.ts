/**
 * The task list's words (its status tags) and those of a long form's overview,
 * in the common catalogue form; kept apart so that only pages with a task list
 * load them (the first step of a short form stays within its budget).
 */
import { useLanguage } from '../../common/i18n/LanguageContext';
import { translateFrom, type Catalogue, type TextParams } from '../../common/i18n/catalogue';

export const TASK_MESSAGES = {
  'state.notStarted': ['未入力', 'Not started'],
  'state.inProgress': ['入力中', 'In progress'],
  'state.complete': ['入力済み', 'Completed'],
  'state.cannotStart': ['まだ進めません', 'Cannot start yet'],
  'overview.lead': ['項目ごとに入力します。どの項目から入力してもかまいません。', 'Fill in the sections one by one, in any order you like.'],
  'overview.progress': ['{total}項目のうち{done}項目が入力済みです。', 'You have completed {done} of {total} sections.'],
  'overview.listLabel': ['入力する項目', 'Sections to fill in'],
  'overview.start': ['最初の項目から入力する', 'Start with the first section'],
  'overview.continue': ['まだの項目を入力する', 'Continue with the next section'],
  'overview.filesHint': ['必要な書類は答えによって変わります。ほかの項目を入力してから添付してください。', 'The documents you need depend on your answers. Attach them after the other sections.'],
  'overview.reviewHint': ['すべての項目が入力済みになると、確認に進めます。', 'You can check your answers once every section is completed.'],
  'overview.reviewReady': ['確認に進めます', 'Ready'],
  'gate.lead': ['入力内容の確認に進む前に、次の項目を入力してください。', 'Before you check your answers, complete these sections.'],
} as const satisfies Catalogue;

export type TaskMessageKey = keyof typeof TASK_MESSAGES;

/** The task list's text in the resident's language, with `{name}` placeholders filled. */
export function useTaskText(): (key: TaskMessageKey, params?: TextParams) => string {
  const { language } = useLanguage();
  return (key, params) => translateFrom(TASK_MESSAGES, language, key, params);
}
