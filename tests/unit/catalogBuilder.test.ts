/** The builder's edits on a procedure of the municipality's own, the publish checks, and import. */
import {
  FormValidator,
  PRESET_OWNER,
  applyOp,
  checkDraft,
  composeLayer,
  defaultProcedure,
  describeFields,
  finalizeDocument,
  importDocument,
  EditRefusedError,
  type EditOp,
  type FormDocument,
} from '@madoguchi/shared';

let n = 0;
const op = <T extends Omit<EditOp, 'id'>>(o: T) => ({ id: `b${++n}`, ...o }) as unknown as EditOp;
const empty = (): FormDocument => ({
  procedure: defaultProcedure('082015', 'sodai-gomi', '粗大ごみ収集の申込'),
  schema: { type: 'object', title: '粗大ごみ収集の申込', properties: {} },
  uiSchema: {},
});

/** 粗大ごみ収集の申込, as a clerk would build it. */
const sodaiGomiOps = (): EditOp[] => [
  op({ type: 'addField', parent: '', field: { key: 'applicantName', kind: 'personName', label: '申込者の氏名', required: true } }),
  op({ type: 'addField', parent: '', field: { key: 'address', kind: 'address', label: '収集場所の住所', required: true } }),
  op({ type: 'addField', parent: '', field: { key: 'phone', kind: 'phone', label: '日中の連絡先', required: true } }),
  op({ type: 'addField', parent: '', field: { key: 'place', kind: 'choice', label: '出す場所', required: true, options: ['自宅の前', '集合住宅のごみ置き場', 'その他'] } }),
  op({ type: 'addField', parent: '', field: { key: 'placeOther', kind: 'text', label: '出す場所（その他）', required: true, showWhen: { field: 'place', equals: 'その他' } } }),
  op({ type: 'addField', parent: '', field: { key: 'items', kind: 'group', label: '出すもの', itemLabel: '品目', required: true } }),
  op({ type: 'addField', parent: 'items', field: { key: 'name', kind: 'text', label: '品名', required: true } }),
  op({ type: 'addField', parent: 'items', field: { key: 'count', kind: 'number', label: '個数', required: true, rules: { minimum: 1, maximum: 10 } } }),
  op({ type: 'setRules', path: 'items', rules: { maxItems: 5 } }),
  op({ type: 'addStep', title: '収集の日程と品目' }),
  op({ type: 'renameStep', index: 0, title: '申込者' }),
  op({ type: 'moveToStep', field: 'items', step: 1 }),
  op({ type: 'moveToStep', field: 'place', step: 1 }),
  op({ type: 'moveToStep', field: 'placeOther', step: 1 }),
];

describe('building a procedure from scratch', () => {
  const doc = composeLayer(empty(), sodaiGomiOps(), { enforceLocks: false });
  const valid = {
    applicantName: { familyName: '水戸', givenName: '花子', familyNameKana: 'ミト', givenNameKana: 'ハナコ' },
    address: { postalCode: '310-8610', prefecture: '茨城県', city: '水戸市', street: '中央1-4-1' },
    phone: '0292241111',
    place: '自宅の前',
    items: [{ name: 'たんす', count: 1 }],
  };
  const validate = (data: unknown) => new FormValidator().validate('t', finalizeDocument(doc, '082015').schema, data);

  it('gives a form that passes every publish check', () => {
    expect(checkDraft(finalizeDocument(doc, '082015'))).toEqual([]);
  });

  it('puts fields in steps in order', () => {
    expect(doc.uiSchema['ui:options'].steps).toEqual([
      { title: '申込者', fields: ['applicantName', 'address', 'phone'] },
      { title: '収集の日程と品目', fields: ['items', 'place', 'placeOther'] },
    ]);
    expect(doc.uiSchema['ui:order']).toEqual(['applicantName', 'address', 'phone', 'items', 'place', 'placeOther', '*']);
  });

  it('compiles the condition to an if/then branch: asked and required only when it holds', () => {
    expect(doc.schema.allOf).toEqual([
      {
        if: { properties: { place: { const: 'その他' } }, required: ['place'] },
        then: { properties: { placeOther: expect.objectContaining({ title: '出す場所（その他）' }) }, required: ['placeOther'] },
      },
    ]);
    expect(validate(valid).valid).toBe(true);
    expect(validate({ ...valid, place: 'その他' }).errors.map((e) => e.message)).toEqual(['「出す場所（その他）」を入力してください。']);
  });

  it('makes a repeating group with limits', () => {
    expect(validate({ ...valid, items: [] }).valid).toBe(false);
    expect(validate({ ...valid, items: Array(6).fill({ name: 'いす', count: 1 }) }).valid).toBe(false);
    expect(validate({ ...valid, items: [{ name: 'いす', count: 11 }] }).valid).toBe(false);
    expect(describeFields(doc).find((f) => f.key === 'items')).toMatchObject({ kind: 'group', itemLabel: '品目', required: true, rules: { minItems: 1, maxItems: 5 } });
  });

  it('moves a field with keyboard-style up/down edits and keeps steps in line', () => {
    const moved = applyOp(doc, op({ type: 'moveField', path: 'phone', after: null }));
    expect(moved.uiSchema['ui:options'].steps[0].fields).toEqual(['phone', 'applicantName', 'address']);
  });

  it('refuses a duplicate key and removing a field a condition uses', () => {
    expect(() => applyOp(doc, op({ type: 'addField', parent: '', field: { key: 'phone', kind: 'text', label: 'x' } }))).toThrow(EditRefusedError);
    expect(() => applyOp(doc, op({ type: 'removeField', path: 'place' }))).toThrow(/「出す場所（その他）」の表示条件に使われているため削除できません/);
  });

  it('turns a condition off again and removes the empty branch', () => {
    const off = applyOp(doc, op({ type: 'setShowWhen', path: 'placeOther', showWhen: null }));
    expect(off.schema.allOf).toBeUndefined();
    expect(off.schema.required).toContain('placeOther');
  });
});

describe('publish checks', () => {
  it('finds unlabelled fields, empty groups and conditions that can never hold', () => {
    const doc = composeLayer(
      empty(),
      [
        op({ type: 'addField', parent: '', field: { key: 'kind', kind: 'choice', label: '種類', options: ['A', 'B'] } }),
        op({ type: 'addField', parent: '', field: { key: 'detail', kind: 'text', label: '詳細', showWhen: { field: 'kind', equals: 'B' } } }),
        op({ type: 'addField', parent: '', field: { key: 'list', kind: 'group', label: '一覧' } }),
        op({ type: 'setLabel', path: 'kind', label: '' }),
        op({ type: 'setOptions', path: 'kind', options: ['A', 'C'] }),
      ],
      { enforceLocks: false },
    );
    const messages = checkDraft(finalizeDocument(doc, '082015')).map((p) => p.message);
    expect(messages).toEqual(
      expect.arrayContaining([
        '項目「kind」に項目名がありません。項目名を入力してください。',
        '「一覧」の中に項目がありません。項目を追加してください。',
        '「詳細」の表示条件の値（B）は「kind」の選択肢にないため、表示されることがありません。',
      ]),
    );
  });

  it('finds conditions that wait on each other', () => {
    const doc = empty();
    doc.schema = {
      type: 'object',
      title: 't',
      properties: { a: { type: 'boolean', title: 'A' } },
      allOf: [
        { if: { properties: { c: { const: true } }, required: ['c'] }, then: { properties: { b: { type: 'boolean', title: 'B' } } } },
        { if: { properties: { b: { const: true } }, required: ['b'] }, then: { properties: { c: { type: 'boolean', title: 'C' } } } },
      ],
    };
    expect(checkDraft(doc).map((p) => p.message)).toContain('「B」の表示条件が循環しているため、表示されることがありません。');
  });
});

describe('import', () => {
  it('accepts a plain JSON Schema + uiSchema made elsewhere, filling in the metadata', () => {
    const { document, notes } = importDocument(
      {
        schema: { $schema: 'http://json-schema.org/draft-07/schema#', type: 'object', title: '犬の登録', properties: { dogName: { type: 'string', title: '犬の名前' } }, required: ['dogName'] },
        uiSchema: { dogName: { 'ui:help': 'カタカナで' } },
      },
      '082015',
      'inu-toroku',
    );
    expect(document.procedure).toMatchObject({ id: 'inu-toroku', owner: '082015', title: '犬の登録' });
    expect(document.uiSchema.dogName['ui:help']).toBe('カタカナで');
    expect(notes[0]).toMatch(/仮の内容/);
    expect(checkDraft(document)).toEqual([]);
  });

  it('accepts a bare schema and a preset file', () => {
    expect(importDocument({ type: 'object', properties: { a: { type: 'string', title: 'A' } } }, '082015', 'abc').document.schema.properties.a.title).toBe('A');
    const preset = importDocument(
      { procedure: { id: 'x', title: 'プリセット', owner: PRESET_OWNER }, form: { schema: { type: 'object', properties: { a: { type: 'string', title: 'A' } } }, uiSchema: {} } },
      '082015',
      'copy-1',
    );
    expect(preset.document.procedure).toMatchObject({ id: 'copy-1', owner: '082015', title: 'プリセット' });
  });

  it('refuses what is not a form', () => {
    expect(() => importDocument({ hello: 1 }, '082015', 'abc')).toThrow('JSON Schema（"type": "object" と "properties" を持つもの）が見つかりません。');
  });
});

describe('filling a section from the My Number Card (ui:cardPrefill)', () => {
  const withApplicant = () =>
    [
      op({ type: 'addField', parent: '', field: { key: 'applicant', kind: 'section', label: '申込者' } }),
      op({ type: 'addField', parent: 'applicant', field: { key: 'name', kind: 'personName', label: '氏名', required: true } }),
      op({ type: 'addField', parent: 'applicant', field: { key: 'address', kind: 'address', label: '住所', required: true } }),
      op({ type: 'addField', parent: 'applicant', field: { key: 'born', kind: 'date', label: '生年月日' } }),
      op({ type: 'addField', parent: 'applicant', field: { key: 'sex', kind: 'choice', label: '性別', options: ['男', '女'] } }),
      op({ type: 'addField', parent: 'applicant', field: { key: 'phone', kind: 'phone', label: '電話番号' } }),
    ].reduce(applyOp, empty());

  it('marks the section, shows the marking to the builder, and clears it again', () => {
    const marked = applyOp(withApplicant(), op({ type: 'setCardPrefill', path: 'applicant', prefill: { name: 'name', address: 'address', birthdate: 'born', gender: 'sex' } }));
    expect(marked.uiSchema.applicant?.['ui:cardPrefill']).toEqual({ name: 'name', address: 'address', birthdate: 'born', gender: 'sex' });
    expect(describeFields(marked).find((f) => f.key === 'applicant')?.cardPrefill).toEqual({ name: 'name', address: 'address', birthdate: 'born', gender: 'sex' });
    const cleared = applyOp(marked, op({ type: 'setCardPrefill', path: 'applicant', prefill: null }));
    expect(cleared.uiSchema.applicant?.['ui:cardPrefill']).toBeUndefined();
  });

  it('refuses a field of the wrong kind, a missing one, or a field that is not a section', () => {
    const doc = withApplicant();
    expect(() => applyOp(doc, op({ type: 'setCardPrefill', path: 'applicant', prefill: { name: 'phone' } }))).toThrow(/氏名を入れる項目「phone」/);
    expect(() => applyOp(doc, op({ type: 'setCardPrefill', path: 'applicant', prefill: { address: 'nowhere' } }))).toThrow(EditRefusedError);
    expect(() => applyOp(doc, op({ type: 'setCardPrefill', path: 'applicant/phone'.replace('/', '.'), prefill: { name: 'name' } }))).toThrow(/セクション/);
    expect(() => applyOp(doc, op({ type: 'setCardPrefill', path: 'applicant', prefill: {} }))).toThrow(/1つ以上/);
  });
});
