/** Messages of bulk work and saved views in the inbox (issue #21), Japanese first with an English counterpart. */
import type { Language } from '@madoguchi/shared';

export const BULK_MESSAGES = {
  selectionInvalid: {
    ja: '対象の指定が正しくありません。申請を選ぶ（ids）か、検索条件（filter）のどちらか一方を指定してください。',
    en: 'Invalid selection. Give either the chosen submissions (ids) or a filter, not both.',
  },
  tooMany: { ja: '一度に操作できるのは{max}件までです。検索条件で絞り込んでから、もう一度操作してください。', en: 'At most {max} submissions at once. Narrow the filter and try again.' },
  pdfTooMany: {
    ja: 'PDFをまとめて印刷できるのは{max}件までです（サーバーのメモリを守るため）。選ぶ件数を減らしてください。',
    en: 'At most {max} applications can be printed as one PDF (to protect the server’s memory). Choose fewer.',
  },
  notFound: { ja: '申請が見つかりません。', en: 'No such submission.' },
  forbidden: { ja: 'この申請を操作する権限がありません。', en: 'You may not act on this submission.' },
  exportNotFound: { ja: '選んだ申請のうち{count}件が見つからないか、出力する権限がありません。', en: '{count} of the chosen submissions do not exist or may not be exported by you.' },
  exportOneProcedure: { ja: 'CSVは1つの手続ごとに出力します。同じ手続の申請だけを選んでください。', en: 'A CSV holds one procedure. Choose submissions of one procedure only.' },
  nothingSelected: { ja: '対象の申請がありません。', en: 'No submission matches.' },
  viewInvalid: { ja: '保存する表示の内容に{n}件の誤りがあります。', en: 'There are {n} problems with the view.' },
  viewName: { ja: '表示の名前を1〜100文字で入力してください。', en: 'Enter a name of 1–100 characters.' },
  viewDesk: { ja: '共有先の窓口が見つかりません。', en: 'No such desk.' },
  viewFilter: { ja: '検索条件の指定が正しくありません（{name}）。', en: 'Invalid filter ({name}).' },
  viewSort: { ja: '並び順の指定が正しくありません。', en: 'Unknown sort order.' },
  viewColumns: { ja: '表示する列の指定が正しくありません。', en: 'Unknown columns.' },
  viewNotFound: { ja: '保存した表示が見つかりません。', en: 'No such saved view.' },
  viewForbidden: { ja: '共有の表示を変更・削除できるのは、作成した職員か自治体管理者だけです。', en: 'Only its creator or a municipal admin may change or delete a shared view.' },
  viewTooMany: { ja: '保存できる表示は1人{max}件までです。', en: 'Up to {max} saved views per person.' },
  pageSize: { ja: '1ページの件数は{sizes}件から選んでください。', en: 'Choose a page size of {sizes}.' },
  preferencesInvalid: { ja: '設定の内容に誤りがあります。', en: 'The settings are not valid.' },
} as const;

export type BulkMessageKey = keyof typeof BULK_MESSAGES;

export function bulkText(language: Language, key: BulkMessageKey, vars: Record<string, string | number> = {}): string {
  return BULK_MESSAGES[key][language].replace(/\{(\w+)\}/g, (_, name: string) => String(vars[name] ?? ''));
}
