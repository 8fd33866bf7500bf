/**
 * The words of the triage and damage-survey page (被害認定調査), in the
 * common catalogue form; kept apart so only this page's chunk carries them.
 */
import { useCallback } from 'react';
import { useLanguage } from '../../../common/i18n/LanguageContext';
import { translateFrom, type Catalogue, type TextParams } from '../../../common/i18n/catalogue';

export const TRIAGE_MESSAGES = {
  title: ['被害認定調査（罹災証明書）', 'Damage survey (disaster certificates)'],
  lead: [
    '罹災証明書の申請を町字ごとにまとめ、住家・申告された被害の重い順に並べています。調査結果は、記録した職員とは別の職員が承認します。',
    'Certificate applications by area (町字), homes and the worst reported damage first. A result is approved by another member of staff than the one who recorded it.',
  ],
  disaster: ['災害', 'Disaster'],
  noDisasters: ['宣言された災害はありません。', 'No disaster has been declared.'],
  closed: ['（終了）', '(closed)'],
  loading: ['読み込んでいます…', 'Loading…'],
  filters: ['絞り込み', 'Filter'],
  area: ['町字', 'Area'],
  all: ['すべて', 'All'],
  surveyed: ['調査', 'Survey'],
  surveyedYes: ['調査済み', 'Surveyed'],
  surveyedNo: ['未調査', 'Not surveyed'],
  selfAssessment: ['自己判定', 'Self-assessment'],
  selfYes: ['自己判定のみ', 'Self-assessment only'],
  selfNo: ['自己判定以外', 'Others'],
  total: ['{n}件', '{n} applications'],
  groupCount: ['{n}件', '{n}'],
  inArea: ['宣言された地域', 'Declared area'],
  outOfArea: ['宣言された地域の外', 'Outside the declared area'],
  unknownArea: ['（町字不明）', '(no area)'],
  receiptNumber: ['到達番号', 'Receipt no.'],
  status: ['状況', 'Status'],
  reported: ['申告された被害', 'Reported damage'],
  photos: ['写真', 'Photos'],
  photoCount: ['{n}枚', '{n}'],
  none: ['なし', 'None'],
  nothingReported: ['（申告なし）', '(none reported)'],
  notResidential: ['住家以外', 'Not a home'],
  noSiteSurvey: ['現地調査不要（自己判定）', 'No site survey (self-assessment)'],
  selfWanted: ['自己判定希望', 'Self-assessment asked'],
  result: ['調査結果', 'Result'],
  notYet: ['未記録', 'Not recorded'],
  approved: ['承認済み', 'Approved'],
  awaitingApproval: ['承認待ち', 'Awaiting approval'],
  record: ['結果を記録', 'Record result'],
  recordFor: ['{receipt} の調査結果', 'Result for {receipt}'],
  level: ['被害の程度', 'Level of damage'],
  surveyedOn: ['調査日', 'Survey date'],
  surveyor: ['調査員', 'Surveyor(s)'],
  method: ['調査方法', 'Method'],
  methodSurvey: ['現地調査', 'On site'],
  methodSelf: ['自己判定', 'Self-assessment'],
  methodPhoto: ['写真判定', 'Photo judgement'],
  save: ['記録する', 'Record'],
  cancel: ['閉じる', 'Close'],
  approve: ['承認する', 'Approve'],
  recorded: ['{receipt} の結果を記録しました。', 'Recorded the result for {receipt}.'],
  approvedDone: ['{receipt} の結果を承認しました。', 'Approved the result for {receipt}.'],
  issue: ['罹災証明書を発行', 'Issue the certificate'],
  issued: ['{receipt} の罹災証明書（{number}）を発行しました。', 'Issued the certificate {number} for {receipt}.'],
  issuedByPost: ['申請者は郵送を希望しています。印刷して郵送してください。', 'The applicant asked for it by post: print and mail it.'],
  certificatePdf: ['証明書のPDF', 'Certificate PDF'],
  noRows: ['該当する申請はありません。', 'No applications match.'],
  // teams
  teams: ['調査班', 'Survey teams'],
  noTeams: ['調査班はまだありません。', 'No survey teams yet.'],
  teamName: ['班の名前', 'Team name'],
  teamDate: ['調査日', 'Date'],
  members: ['班員', 'Members'],
  areas: ['担当する町字', 'Areas'],
  areasHint: ['読点（、）またはカンマで区切って入力', 'Separate with commas'],
  newTeam: ['調査班を作る', 'Form a team'],
  editTeam: ['変更', 'Change'],
  saveTeam: ['保存する', 'Save'],
  deleteTeam: ['解散', 'Disband'],
  teamSaved: ['調査班「{name}」を保存しました。', 'Saved team "{name}".'],
  teamDeleted: ['調査班「{name}」を解散しました。', 'Disbanded team "{name}".'],
  list: ['調査票一覧', 'Survey list'],
  pdf: ['PDF', 'PDF'],
  csvUtf8: ['CSV（UTF-8）', 'CSV (UTF-8)'],
  csvSjis: ['CSV（Shift_JIS）', 'CSV (Shift_JIS)'],
  upload: ['記入済みCSVを取り込む', 'Upload the filled-in CSV'],
  uploadFile: ['{name} の記入済みCSV', 'Filled-in CSV of {name}'],
  uploadRun: ['取り込む', 'Upload'],
  applied: ['{n}件の調査結果を記録しました。', 'Recorded {n} results.'],
  refused: ['取り込めなかった行', 'Lines refused'],
} as const satisfies Catalogue;

export type TriageMessageKey = keyof typeof TRIAGE_MESSAGES;
export type TriageT = (key: TriageMessageKey, params?: TextParams) => string;

export function useTriageText(): TriageT {
  const { language } = useLanguage();
  return useCallback<TriageT>((key, params) => translateFrom(TRIAGE_MESSAGES, language, key, params), [language]);
}
