/**
 * Calculated values in the staff's views (issue #22): the submission page, the PDF copy and the
 * back-office answers (all answerList) show an amount as the resident saw it; the CSV keeps the
 * bare number (machine-readable) and names the unit in its header.
 */
import { answerList, type JsonSchema } from '@madoguchi/shared';
import { columnsFor } from '../../server/src/modules/exports/csvColumns';

const schema = {
  type: 'object',
  properties: {
    participants: { type: 'integer', title: '参加人数', 'x-unit': '人' },
    fee: { type: 'integer', title: '参加費の合計（円）', readOnly: true, 'x-calc': 'participants * 500' },
    score: { type: 'integer', title: '点数' },
  },
} as JsonSchema;
const data = { participants: 7, fee: 3500, score: 1200 };

const valueOf = (lines: ReturnType<typeof answerList>, pointer: string) => lines.find((l) => l.pointer === pointer)?.value;

test('answerList shows a calculated amount in yen, a unit number with its unit, other numbers as before', () => {
  const ja = answerList(schema, data);
  expect(valueOf(ja, '/fee')).toBe('3,500円');
  expect(valueOf(ja, '/participants')).toBe('7人');
  expect(valueOf(ja, '/score')).toBe('1200');
  const en = answerList(schema, data, { language: 'en' });
  expect(valueOf(en, '/fee')).toBe('¥3,500');
  expect(valueOf(en, '/participants')).toBe('7 人');
});

test('the CSV keeps calculated amounts as bare numbers and names a unit the title lacks in the header', () => {
  const columns = columnsFor(schema, new Map());
  const byKey = Object.fromEntries(columns.map((c) => [c.key, c]));
  expect(byKey.fee!.value(data)).toBe('3500');
  expect(byKey.fee!.label).toBe('参加費の合計（円）');
  expect(byKey.participants!.value(data)).toBe('7');
  expect(byKey.participants!.label).toBe('参加人数（人）');
  expect(byKey.score!.label).toBe('点数');
});
