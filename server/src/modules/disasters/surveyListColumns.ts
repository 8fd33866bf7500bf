/**
 * The columns of a team's survey list (調査票一覧), shared by the CSV and PDF
 * a team takes out and the reader of the CSV it brings back filled in.
 */
export const SURVEY_LIST_HEADERS = ['到達番号', '住所', '世帯主氏名', '電話番号', '申告された被害', '写真', '自己判定', '被害の程度', '調査日', '調査員'] as const;

/** The columns the reader needs, by their header. */
export const RESULT_HEADERS = { receiptNumber: '到達番号', level: '被害の程度', surveyedOn: '調査日', surveyor: '調査員' } as const;
