/** Messages of push targets (issue #21), Japanese first with an English counterpart. */
import type { Language } from '@madoguchi/shared';

export const PUSH_MESSAGES = {
  notFound: { ja: '送信先が見つかりません。', en: 'No such push target.' },
  name: { ja: '送信先の名前を入力してください（100文字以内）。', en: 'Enter a name for the target (at most 100 characters).' },
  url: {
    ja: '送信先URLは https:// で始まる正しいURLにしてください（申請内容を送るため、暗号化されない http は使えません）。',
    en: 'The URL must be a valid https:// URL (applications carry personal data: unencrypted http is not allowed).',
  },
  addressRefused: {
    ja: 'この送信先には送信できません（ループバック、リンクローカル、内部ネットワークのアドレス）。閉域網の受信先は、運用者が WEBHOOK_ALLOWED_NETWORKS に登録してから指定してください。',
    en: 'Cannot push to this address (loopback, link-local or internal network). For a receiver on a closed network, the operator must list it in WEBHOOK_ALLOWED_NETWORKS first.',
  },
  events: { ja: '送信のきっかけ（イベント）を1つ以上選んでください。', en: 'Choose at least one event.' },
  statuses: { ja: '状況の指定が正しくありません。', en: 'Unknown status.' },
  procedure: { ja: 'この自治体にその手続はありません。', en: 'This municipality has no such procedure.' },
  mappingShape: { ja: '項目の対応表は100行以内の一覧にしてください。', en: 'The mapping must be a list of at most 100 rows.' },
  mappingInvalid: { ja: '項目の対応表に誤りがあります（{rows}行目）。', en: 'The mapping has errors (row {rows}).' },
  rowField: { ja: '送信先の項目名を入力してください（英字で始まる英数字・_・-・.、64文字以内）。', en: 'Enter the target field name (a letter first, then letters, digits, _ - ., at most 64).' },
  rowDuplicate: { ja: '送信先の項目名「{field}」が重複しています。', en: 'The target field name “{field}” is used twice.' },
  rowPointer: { ja: '「{pointer}」はこの手続の様式にない項目です。', en: '“{pointer}” is not a field of this procedure’s form.' },
  rowMeta: { ja: '申請の情報の指定が正しくありません。', en: 'Unknown submission fact.' },
  rowSensitive: {
    ja: '「{label}」は個人番号などの機微な項目です。送信するには「機微な項目の送信を確認しました」にチェックしてください。',
    en: '“{label}” is sensitive (e.g. My Number). Tick the confirmation to send it.',
  },
} as const;

export type PushMessageKey = keyof typeof PUSH_MESSAGES;

export function pushText(language: Language, key: PushMessageKey, vars: Record<string, string | number> = {}): string {
  return PUSH_MESSAGES[key][language].replace(/\{(\w+)\}/g, (_, name: string) => String(vars[name] ?? ''));
}
