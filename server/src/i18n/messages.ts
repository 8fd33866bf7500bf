/**
 * Messages the server's lower layers refer to by key. Storage adapters and
 * services throw errors that carry a key (and parameters), never finished
 * text; the HTTP error handler resolves the key in the caller's language.
 * `{name}` in a text is replaced by the parameter of that name.
 */
import type { Language } from '@madoguchi/shared';

const MESSAGES = {
  // Store: things not found.
  submissionNotFound: { ja: '申請が見つかりません。', en: 'The application was not found.' },
  versionNotFound: { ja: '手続の版が見つかりません。', en: 'The version of the procedure was not found.' },
  deliveryNotFound: { ja: '配信記録が見つかりません。', en: 'The delivery record was not found.' },
  apiKeyNotFound: { ja: 'APIキーが見つかりません。', en: 'The API key was not found.' },
  webhookNotFound: { ja: 'Webhookが見つかりません。', en: 'The webhook was not found.' },
  userNotFound: { ja: '利用者が見つかりません。', en: 'The user was not found.' },
  postalCodeNotFound: { ja: 'この郵便番号の事業所は見つかりません。住所を入力してください。', en: 'No office has this postal code. Please enter the address.' },
  // Store: writes that collided (compare-and-set failed, unique keys).
  duplicate: { ja: '同じデータが既に登録されています。', en: 'The same data is already registered.' },
  duplicateIdempotencyKey: { ja: '同じ Idempotency-Key の申請が既にあります。', en: 'An application with the same Idempotency-Key already exists.' },
  duplicateReceiptNumber: { ja: '到達番号が重複しました。', en: 'The receipt number is already in use.' },
  duplicateSubmissionId: { ja: '申請IDが重複しました。', en: 'The application id is already in use.' },
  capacityFull: { ja: '「{option}」は定員に達したため、申し込めません。ほかの選択肢を選んでください。', en: '"{option}" is full. Please choose another option.' },
  capacityBelowTaken: { ja: '定員は、予約済みの数（{taken}）より少なくできません。', en: 'The capacity cannot be lower than the places already taken ({taken}).' },
  duplicateEmail: { ja: 'このメールアドレスは既に登録されています。', en: 'This e-mail address is already registered.' },
  attachmentUnavailable: { ja: '添付ファイルが見つからないか、既に別の申請に使われています。', en: 'An attached file was not found or is already used by another application.' },
  staleStatusByStaff: { ja: 'この申請は他の職員によって更新されました。画面を更新してください。', en: 'Another staff member has updated this application. Please reload the page.' },
  staleStatus: { ja: 'この申請は他の操作によって更新されました。画面を更新してください。', en: 'This application was changed by another action. Please reload the page.' },
  versionRace: { ja: '版の作成が競合しました。もう一度お試しください。', en: 'Another version was created at the same time. Please try again.' },
  auditRace: { ja: '監査ログの書き込みが競合しました。', en: 'Writing the audit log collided with another write.' },
  alreadyAdopted: { ja: 'この手続は既に採用されています。', en: 'This procedure has already been adopted.' },
  duplicateSubmission: { ja: '同じ申請が既に登録されています。', en: 'The same application is already registered.' },
  staleLayer: {
    ja: '他の職員がこの手続の変更を先に保存しました。画面を再読み込みして最新の内容を確認してください。',
    en: 'Another staff member saved changes to this procedure first. Reload the page to see the latest content.',
  },
  releaseRecorded: { ja: 'この版の更新内容は既に記録されています。', en: 'The release notes of this version are already recorded.' },
  badCursor: { ja: 'ページの指定が正しくありません。', en: 'The page reference is not valid.' },
  badInboxCursor: { ja: 'ページの指定が正しくありません。最初のページから表示し直してください。', en: 'The page reference is not valid. Please start again from the first page.' },
  // Version lifecycle (draft → published → retired), checked above the store.
  versionImmutable: { ja: '公開済みの版は変更できません。新しい版を作成してください。', en: 'A published version cannot be changed. Please create a new version.' },
  notADraft: { ja: '下書きの版だけを公開できます。', en: 'Only a draft version can be published.' },
  notPublishedVersion: { ja: '公開中の版だけを公開終了にできます。', en: 'Only the published version can be retired.' },
  versionMoved: { ja: 'この版は他の操作によって変更されました。画面を再読み込みしてください。', en: 'This version was changed by another action. Please reload the page.' },
  // Catalog (adoptions, own procedures, the preset library).
  municipalityNotFound: { ja: '指定された市区町村が見つかりません。', en: 'The municipality was not found.' },
  procedureNotAccepting: { ja: 'この手続は現在受け付けていません。', en: 'This procedure is not accepting applications at the moment.' },
  procedureNotFound: { ja: '指定された手続が見つかりません。', en: 'The procedure was not found.' },
  procedureVersionNotFound: { ja: '指定された手続の版が見つかりません。', en: 'The version of the procedure was not found.' },
  templateNotFound: { ja: '指定されたテンプレートが見つかりません。', en: 'The template was not found.' },
  presetNotFound: { ja: '指定されたプリセットが見つかりません。', en: 'The preset was not found.' },
  presetVersionNotFound: { ja: '指定されたプリセットの版が見つかりません。', en: 'The version of the preset was not found.' },
  notAdopted: { ja: 'この手続はまだ採用されていません。', en: 'This procedure has not been adopted yet.' },
  noUpdate: { ja: 'このプリセットに新しい版はありません。', en: 'There is no newer version of this preset.' },
  unresolvedConflicts: {
    ja: '新しい版では{count}件の変更がそのまま使えません。それぞれ残すか取り消すかを選んでください。',
    en: '{count} of your changes do not apply to the new version as they are. Choose for each whether to keep or drop it.',
  },
  badNote: { ja: '市区町村に伝える変更内容（変更メモ）を2000文字以内で入力してください。', en: 'Enter a change note for municipalities of at most 2,000 characters.' },
  nothingToPublish: { ja: '公開する変更がありません。', en: 'There are no changes to publish.' },
  noDraftToPublish: { ja: '公開する下書きがありません。', en: 'There is no draft to publish.' },
  presetMoved: {
    ja: '編集の途中で、このプリセットの新しい版が公開されました。変更を破棄して、最新の版から編集し直してください。',
    en: 'A new version of this preset was published while you were editing. Discard your changes and edit the latest version again.',
  },
  badProcedureId: {
    ja: '手続のIDは半角の英小文字・数字・ハイフンで3〜64文字にしてください（例：sodai-gomi）。',
    en: 'A procedure id has 3–64 lower-case letters, digits and hyphens (e.g. sodai-gomi).',
  },
  idIsPreset: {
    ja: 'このIDは全国共通のプリセットで使われています。プリセットを採用するか、別のIDにしてください。',
    en: 'This id belongs to a national preset. Adopt the preset or choose another id.',
  },
  procedureExists: { ja: 'このIDの手続は既にあります。別のIDにしてください。', en: 'A procedure with this id already exists. Please choose another id.' },
  badTitle: { ja: '手続の名称を120文字以内で入力してください。', en: 'Enter a procedure title of at most 120 characters.' },
  adoptedProcedure: { ja: 'この手続はプリセットを採用したものです。採用した手続の画面から編集してください。', en: 'This procedure is an adopted preset. Edit it from the adopted procedure page.' },
  staleDraft: {
    ja: '他の職員がこの手続を先に保存しました。画面を再読み込みして最新の内容を確認してください。',
    en: 'Another staff member saved this procedure first. Reload the page to see the latest content.',
  },
  badDocument: { ja: '手続の内容（procedure・schema・uiSchema）の形式が正しくありません。', en: 'The procedure content (procedure, schema, uiSchema) is malformed.' },
  procedureNotPublished: { ja: 'この手続は公開されていません。', en: 'This procedure is not published.' },
  publishCheckFailed: {
    ja: '公開前の確認で{count}件の問題が見つかりました。修正してから公開してください。',
    en: 'The checks before publishing found {count} problem(s). Please fix them and publish again.',
  },
  malformedEdits: { ja: '編集内容の形式が正しくありません（{where}）。', en: 'The edits are malformed ({where}).' },
  notAnInteger: { ja: '{name} を整数で指定してください。', en: 'Give {name} as an integer.' },
  badDecisions: { ja: 'decisions には変更ごとに "keep" か "drop" を指定してください。', en: 'Give "keep" or "drop" for each change in decisions.' },
  missingPreset: { ja: '採用するプリセット（presetId）を指定してください。', en: 'Name the preset to adopt (presetId).' },
  badWithdrawn: { ja: 'withdrawn には true か false を指定してください。', en: 'Give true or false for withdrawn.' },
  badVersionRange: { ja: 'from と to に版の番号を指定してください。', en: 'Give version numbers for from and to.' },
  // Life-event guides (modules/guides).
  guideNotFound: { ja: 'この案内は見つかりません。', en: 'This guide was not found.' },
  badGuideId: {
    ja: '案内のIDは半角英小文字で始まる英小文字・数字・ハイフンで2〜40文字にしてください（例：hikkoshi）。',
    en: 'A guide id has 2–40 lower-case letters, digits and hyphens, starting with a letter (e.g. hikkoshi).',
  },
  guideStale: { ja: 'この案内はほかの職員が変更しました。画面を読み込み直してください。', en: 'Someone else changed this guide meanwhile. Reload the page.' },
  guideNoDraft: { ja: '公開する下書きがありません。', en: 'There is no draft to publish.' },
  guideExists: { ja: 'このIDの案内はすでにあります。', en: 'A guide with this id already exists.' },
  guideNotNational: { ja: '全国共通の案内だけを採用・非表示にできます。', en: 'Only national guides can be adopted or hidden.' },
  guideHasDraft: { ja: '未公開の下書きがあります。先に下書きを公開してください。', en: 'There is an unpublished draft. Publish it first.' },
  guideInvalid: { ja: '案内の内容に{count}件の誤りがあります。何も変更していません。', en: 'The guide has {count} problem(s). Nothing was changed.' },
  guideBadAnswer: { ja: '質問「{question}」への答えが正しくありません。', en: 'The answer to question "{question}" is not one of its options.' },
  // My Number Card sign-in and electronic signatures (modules/identity).
  cardNotConfigured: { ja: 'この市区町村では、マイナンバーカードでのログインと電子署名を利用できません。', en: 'Signing in and signing with the My Number Card is not available here.' },
  cardProviderDown: {
    ja: 'デジタル認証アプリのサービスにつながりませんでした。時間をおいてもう一度お試しください。入力した内容はこの端末に残っています。',
    en: 'Could not reach the Digital Authentication App service. Please try again later; your answers are still saved on this device.',
  },
  cardStateMismatch: { ja: 'ログインの手続が一致しませんでした。最初からやり直してください。', en: 'The sign-in did not match the one started here. Please start again.' },
  cardClaimsMissing: { ja: 'マイナンバーカードから氏名と住所を受け取れませんでした。', en: 'The name and address could not be read from the My Number Card.' },
  cardLockedChanged: {
    ja: 'マイナンバーカードから入力した項目は変更できません（{fields}）。カードの内容のまま申請してください。',
    en: 'Fields filled in from the My Number Card cannot be changed ({fields}). Please apply with the values from the card.',
  },
  signatureRequired: {
    ja: 'この手続には、マイナンバーカードによる電子署名が必要です。「マイナンバーカードで署名する」から署名してください。',
    en: 'This procedure needs an electronic signature with the My Number Card. Please sign with “Sign with My Number Card”.',
  },
  signatureUnknown: { ja: '電子署名が見つからないか、有効期限が切れました。もう一度署名してください。', en: 'The signature was not found or has expired. Please sign again.' },
  signatureOtherContent: {
    ja: '署名した後に申請内容が変わりました。内容を確認して、もう一度署名してください。',
    en: 'The application changed after it was signed. Please check it and sign again.',
  },
  signatureInvalid: { ja: '電子署名を確認できませんでした（{reason}）。もう一度署名してください。', en: 'The electronic signature could not be verified ({reason}). Please sign again.' },
  signatureReplayed: { ja: 'この署名の手続は既に完了しています。もう一度署名してください。', en: 'This signing was already completed. Please sign again.' },
  signatureNoAnchors: {
    ja: '電子署名を検証する設定（信頼する認証局）がないため、署名できません。市区町村にお問い合わせください。',
    en: 'Signatures cannot be verified here (no trusted certificate authority is configured). Please contact the municipality.',
  },
  signatureNotNeeded: { ja: 'この手続に電子署名は使いません。', en: 'This procedure does not use electronic signatures.' },
} as const satisfies Record<string, { ja: string; en: string }>;

export type MessageKey = keyof typeof MESSAGES;
export type MessageParams = Readonly<Record<string, string | number>>;

/** A message not yet put into words: resolved in the caller's language when the answer is written. */
export interface MessageRef {
  readonly key: MessageKey;
  readonly params?: MessageParams;
}

export const msg = (key: MessageKey, params?: MessageParams): MessageRef => (params ? { key, params } : { key });

export function localize(ref: MessageRef, language: Language): string {
  const text: string = MESSAGES[ref.key][language];
  return ref.params ? text.replace(/\{(\w+)\}/g, (whole, name: string) => String(ref.params?.[name] ?? whole)) : text;
}

export const isMessageRef = (value: unknown): value is MessageRef =>
  typeof value === 'object' && value !== null && typeof (value as MessageRef).key === 'string' && (value as MessageRef).key in MESSAGES;
