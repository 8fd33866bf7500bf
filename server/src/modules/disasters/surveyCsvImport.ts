/**
 * Reads a survey list a team brings back filled in (the CSV of surveyList.ts,
 * edited in a spreadsheet): UTF-8 with or without a BOM, or Shift_JIS (CP932,
 * what Excel saves in Japan). Columns are found by their header, so a team may
 * reorder or add columns. Rows left empty (not surveyed yet) are skipped.
 * Each row keeps its line number in the file so a refusal can name it.
 */
import Encoding from 'encoding-japanese';
import { parse } from 'csv-parse/sync';
import type { Language } from '@madoguchi/shared';
import { ValidationError } from '../../errors';
import { RESULT_HEADERS } from './surveyListColumns';

export interface SurveyCsvRow {
  /** Line of the file the row starts on (the header is line 1). */
  line: number;
  receiptNumber: string;
  level: string;
  surveyedOn: string;
  surveyor: string;
}

const say = (language: Language, ja: string, en: string) => (language === 'en' ? en : ja);

/** The file's text: a BOM says UTF-8; otherwise valid UTF-8 is taken as such, anything else as Shift_JIS. */
export function decodeCsv(bytes: Buffer): string {
  if (bytes.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf]))) return bytes.subarray(3).toString('utf8');
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return Encoding.convert(bytes, { to: 'UNICODE', from: 'SJIS', type: 'string' });
  }
}

/** A cell as typed: trimmed, without the ' our export puts before = + - @ (formula guard). */
const cell = (v: string | undefined) => (v ?? '').trim().replace(/^'(?=[=+\-@])/u, '');

export function readSurveyCsv(bytes: Buffer, language: Language): SurveyCsvRow[] {
  let records: { record: string[]; raw: string }[];
  try {
    records = parse(decodeCsv(bytes), { raw: true, relax_column_count: true, bom: true }) as unknown as typeof records;
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    throw new ValidationError(say(language, `CSVとして読めません（${line ?? '?'}行目）。`, `The file is not a readable CSV (line ${line ?? '?'}).`));
  }
  const header = records[0]?.record.map((h) => cell(h)) ?? [];
  const index = Object.fromEntries(Object.entries(RESULT_HEADERS).map(([key, label]) => [key, header.indexOf(label)])) as Record<keyof typeof RESULT_HEADERS, number>;
  const missing = Object.entries(index).filter(([, i]) => i < 0);
  if (missing.length) {
    const names = missing.map(([key]) => RESULT_HEADERS[key as keyof typeof RESULT_HEADERS]).join('」「');
    throw new ValidationError(
      say(language, `1行目に「${names}」の列がありません。調査票一覧のCSVに記入して送ってください。`, `Line 1 has no column 「${names}」: fill in the survey list CSV and upload it.`),
    );
  }
  // A record starts on the line after the previous one ends; a quoted cell may hold line breaks of its own.
  const breaks = (raw: string) => raw.split('\n').length - 1;
  let line = 1 + breaks(records[0]!.raw);
  const rows: SurveyCsvRow[] = [];
  for (const { record, raw } of records.slice(1)) {
    const start = line + 1;
    line = start + breaks(raw);
    const row = { line: start, receiptNumber: cell(record[index.receiptNumber]), level: cell(record[index.level]), surveyedOn: cell(record[index.surveyedOn]), surveyor: cell(record[index.surveyor]) };
    if (!row.level && !row.surveyedOn && !row.surveyor) continue; // not surveyed yet
    rows.push(row);
  }
  return rows;
}
