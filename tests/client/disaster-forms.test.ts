/**
 * 被災者支援 (issue #20) in the client: the console's declaration form
 * (values ⇄ declaration, server errors placed on the fields, 和暦 hint) and
 * the resident form's declared disaster (which one is chosen, the uiSchema
 * that replaces the typed block).
 */
import type { Disaster, DisasterDeclaration, FieldError, PublicDisaster, UiSchema } from '@madoguchi/shared';
import { loadClient } from './clientModules';

interface DisasterFormModule {
  EMPTY_DISASTER: Record<string, string>;
  lines: (text: string) => string[];
  toDeclaration: (values: Record<string, string>) => DisasterDeclaration;
  toValues: (d: Disaster) => Record<string, string>;
  placeErrors: (fields: FieldError[]) => Array<{ field: string; line: number | null; message: string }>;
  messagesByField: (placed: Array<{ field: string; line: number | null; message: string }>, lineText: (line: number) => string) => Record<string, string>;
  warekiOf: (iso: string) => string;
}
const form = loadClient<DisasterFormModule>('staff/pages/disasters/disasterForm');
const answer = loadClient<{
  answerOf: (d: PublicDisaster) => unknown;
  chosenDisaster: (answer: unknown, open: PublicDisaster[]) => PublicDisaster | undefined;
  answersDisaster: (answer: unknown, d: PublicDisaster) => boolean;
}>('resident/disaster/disasterAnswer');
const declared = loadClient<{ declaredDisasterUi: (ui: UiSchema, open: PublicDisaster[]) => UiSchema }>('resident/disaster/declaredDisaster');

const values = {
  name: ' 令和8年12月茨城県北部の地震 ',
  occurredOn: '2026-12-01',
  kind: '地震',
  towns: '笠原町\r\n\n 中央一丁目 \n',
  postalCodes: '310-8610\n',
  reliefApplied: 'yes',
  reliefAppliedOn: '2026-12-02',
};

describe('the console’s declaration form', () => {
  it('reads one entry a line and builds the declaration', () => {
    expect(form.toDeclaration(values)).toEqual({
      name: '令和8年12月茨城県北部の地震',
      occurredOn: '2026-12-01',
      kind: '地震',
      area: { towns: ['笠原町', '中央一丁目'], postalCodes: ['310-8610'] },
      reliefAct: { applied: true, appliedOn: '2026-12-02' },
    });
    // 適用なし: no date is sent, whatever the hidden date field still holds.
    expect(form.toDeclaration({ ...values, reliefApplied: 'no' }).reliefAct).toEqual({ applied: false, appliedOn: null });
    expect(form.toDeclaration(form.EMPTY_DISASTER).area).toEqual({ towns: [], postalCodes: [] });
  });

  it('shows a stored disaster in the form and saves it back unchanged', () => {
    const stored = { id: 'd1', ...form.toDeclaration(values) } as Disaster;
    expect(form.toDeclaration(form.toValues(stored))).toEqual(form.toDeclaration(values));
  });

  it('places the server’s errors on their fields, list entries with their line', () => {
    const placed = form.placeErrors([
      { pointer: '/name', message: '名称を入力してください。' },
      { pointer: '/area/postalCodes/0', message: '7桁で入力してください。' },
      { pointer: '/area/postalCodes/2', message: '7桁で入力してください。' },
      { pointer: '/reliefAct/appliedOn', message: '適用日を入力してください。' },
      { pointer: '/somethingNew', message: '?' },
    ] as FieldError[]);
    expect(placed.map((p) => [p.field, p.line])).toEqual([
      ['name', null],
      ['postalCodes', 1],
      ['postalCodes', 3],
      ['reliefAppliedOn', null],
      ['name', null],
    ]);
    expect(form.messagesByField(placed.slice(1, 3), (line) => `${line}行目：`)).toEqual({ postalCodes: '1行目：7桁で入力してください。 3行目：7桁で入力してください。' });
  });

  it('writes the date in 和暦 for the hint', () => {
    expect(form.warekiOf('2026-12-01')).toBe('令和8年12月1日');
    expect(form.warekiOf('')).toBe('');
  });
});

const open = (id: string, name: string, occurredOn: string): PublicDisaster => ({ id, name, occurredOn, kind: '地震', reliefActApplied: false, banner: '', bannerEn: '' });

describe('the declared disaster in a resident’s form', () => {
  const first = open('d2', '12月の地震', '2026-12-01');
  const second = open('d1', '11月の大雨', '2026-11-20');

  it('takes the open disaster the answer names, else the latest declared (as the server does)', () => {
    expect(answer.chosenDisaster({ id: 'd1', name: 'x', date: 'y' }, [first, second])).toBe(second);
    expect(answer.chosenDisaster({ name: '自分で書いた名前', date: '2026-11-30' }, [first, second])).toBe(first);
    expect(answer.chosenDisaster({ id: 'closed' }, [first])).toBe(first);
    expect(answer.chosenDisaster(undefined, [])).toBeUndefined();
  });

  it('sets the answer {id,name,date} until it is exactly the declared one', () => {
    expect(answer.answerOf(first)).toEqual({ id: 'd2', name: '12月の地震', date: '2026-12-01' });
    expect(answer.answersDisaster(answer.answerOf(first), first)).toBe(true);
    expect(answer.answersDisaster({ id: 'd2', name: '書き換えた名前', date: '2026-12-01' }, first)).toBe(false);
    expect(answer.answersDisaster(undefined, first)).toBe(false);
  });

  it('replaces the typed block with the read-only field only while a disaster is open', () => {
    const ui = { disaster: { 'ui:description': 'どの災害で被害を受けたかを入力してください。', 'ui:order': ['name', 'date', 'id'] }, other: {} } as unknown as UiSchema;
    expect(declared.declaredDisasterUi(ui, [])).toBe(ui);
    const shown = declared.declaredDisasterUi(ui, [first]) as Record<string, Record<string, unknown>>;
    expect(typeof shown.disaster!['ui:field']).toBe('function');
    expect(shown.disaster!['ui:options']).toEqual({ disasters: [first] });
    expect(shown.disaster!['ui:description']).toBeUndefined();
    expect(shown.disaster!['ui:order']).toEqual(['name', 'date', 'id']);
    expect(shown.other).toBe((ui as Record<string, unknown>).other);
  });
});
