/** Conditions on any earlier answer: the builder's edit, its JSON Schema, its words, and what the server keeps. */
import {
  FormValidator,
  applyOp,
  buildIf,
  compileCondition,
  describeCondition,
  describeFields,
  diffForms,
  flattenFields,
  parseCondition,
  EditRefusedError,
  EDIT_OP_SCHEMA,
  createAjv,
  type Condition,
  type EditOp,
  type FieldInfo,
  type FormDocument,
} from '@madoguchi/shared';
import { loadPresets } from '@madoguchi/presets';
import { logicForm } from '../helpers/logicForm';

let n = 0;
const op = <T extends Omit<EditOp, 'id'>>(o: T) => ({ id: `l${++n}`, ...o }) as unknown as EditOp;

const info = (doc: FormDocument, path: string): FieldInfo => flattenFields(describeFields(doc)).find((f) => f.path === path)!;
const nodeAt = () => undefined;

describe('compile and parse', () => {
  const cases: Array<[string, Condition]> = [
    ['equals', { field: 'kind', op: 'equals', value: 'その他' }],
    ['one of', { field: 'kind', op: 'oneOf', values: ['たんす', '自転車'] }],
    ['at least', { field: 'a.count', op: 'gte', value: 3 }],
    ['at most', { field: 'count', op: 'lte', value: 2 }],
    ['between', { field: 'count', op: 'between', min: 1, max: 4 }],
    ['date before today', { field: 'moveIn', op: 'dateBefore' }],
    ['date on or after another', { field: 'moveIn', op: 'dateOnOrAfter', otherDate: 'moveOut' }],
    ['filled', { field: 'note', op: 'filled' }],
    ['empty', { field: 'note', op: 'empty' }],
    [
      'all / any',
      {
        all: [
          { field: 'count', op: 'gte', value: 3 },
          {
            any: [
              { field: 'kind', op: 'equals', value: 'その他' },
              { field: 'note', op: 'filled' },
            ],
          },
        ],
      },
    ],
  ];
  it.each(cases)('%s reads back as written', (_name, condition) => {
    expect(parseCondition(compileCondition(condition, '', nodeAt), '')).toEqual(condition);
  });

  it('keeps the shape of simple "show when" conditions (presets read as before)', () => {
    const compiled = compileCondition({ field: 'kind', op: 'equals', value: 'その他' }, '', () => ({ type: 'string' }));
    expect(compiled).toEqual(buildIf({ field: 'kind', equals: 'その他' }, { type: 'string' }));
    expect(compileCondition({ field: 'tags', op: 'oneOf', values: ['子育て', '介護'] }, '', () => ({ type: 'array' }))).toEqual(buildIf({ field: 'tags', in: ['子育て', '介護'] }, { type: 'array' }));
    // Row-relative: placed in the group's `items`, the path is the row's own key.
    expect(compileCondition({ field: 'items.kind', op: 'equals', value: 'その他' }, 'items', nodeAt)).toEqual({ properties: { kind: { const: 'その他' } }, required: ['kind'] });
  });

  it('leaves other shapes as custom', () => {
    expect(parseCondition({ properties: { a: { pattern: '^x' } }, required: ['a'] }, '')).toBeUndefined();
    expect(parseCondition({ oneOf: [{ required: ['a'] }] }, '')).toBeUndefined();
  });

  it('says a condition in Japanese', () => {
    const label = (p: string) => ({ household: '世帯人数', moveIn: '転入日', moveOut: '転出日', kind: '品目' })[p] ?? p;
    expect(
      describeCondition(
        {
          all: [
            { field: 'household', op: 'gte', value: 3 },
            { field: 'moveIn', op: 'dateBefore', otherDate: 'moveOut' },
          ],
        },
        label,
      ),
    ).toBe('「世帯人数」が3以上、かつ「転入日」が「転出日」より前');
    expect(
      describeCondition(
        {
          any: [
            { field: 'kind', op: 'oneOf', values: ['たんす', 'その他'] },
            { field: 'moveIn', op: 'dateOnOrAfter' },
          ],
        },
        label,
      ),
    ).toBe('「品目」が「たんす」・「その他」のいずれか、または「転入日」が今日以降');
  });
});

describe('the setLogic edit', () => {
  it('shows a field of another step when a number is at least 3, in words', () => {
    const doc = applyOp(logicForm(), op({ type: 'setLogic', path: 'largeFamily', logic: { effect: 'show', when: { field: 'household', op: 'gte', value: 3 } } }));
    const f = info(doc, 'largeFamily');
    expect(f.logic).toEqual({ effect: 'show', when: { field: 'household', op: 'gte', value: 3 } });
    expect(f.required).toBe(true); // required when shown
    const diff = diffForms(logicForm(), doc).fields.find((d) => d.path === 'largeFamily')!;
    expect(diff.changes).toContainEqual({ what: '表示条件', before: '常に表示', after: 'この項目は「世帯人数」が3以上のとき表示' });
  });

  it("conditions a row's field on that row's answer (品目が「その他」のとき品名)", () => {
    const doc = applyOp(logicForm(), op({ type: 'setLogic', path: 'items.name', logic: { effect: 'show', when: { field: 'items.kind', op: 'equals', value: 'その他' } } }));
    expect(doc.schema.properties.items.items.allOf).toEqual([
      { if: { properties: { kind: { const: 'その他' } }, required: ['kind'] }, then: { properties: { name: expect.objectContaining({ title: '品名' }) }, required: ['name'] } },
    ]);
    expect(info(doc, 'items.name').showWhen).toEqual({ field: 'kind', equals: 'その他' }); // the old reading still works
  });

  it('refuses what does not fit, in Japanese, and changes nothing', () => {
    const doc = logicForm();
    const refuse = (logic: unknown, path = 'reason') => {
      try {
        applyOp(doc, op({ type: 'setLogic', path, logic } as never));
      } catch (e) {
        expect(e).toBeInstanceOf(EditRefusedError);
        return (e as Error).message;
      }
      throw new Error('not refused');
    };
    expect(refuse({ effect: 'show', when: { field: 'reason', op: 'gte', value: 3 } }, 'household')).toMatch(/数値の項目ではない|その項目自身/);
    expect(refuse({ effect: 'show', when: { field: 'moveIn', op: 'gte', value: 3 } })).toBe('「転入日」は数値の項目ではないため、大小を比べられません。');
    expect(refuse({ effect: 'show', when: { field: 'household', op: 'dateBefore' } })).toBe('「世帯人数」は日付の項目ではないため、日付を比べられません。');
    expect(refuse({ effect: 'show', when: { field: 'items.kind', op: 'equals', value: 'その他' } })).toBe('条件に使う「品目」は別の繰り返しの中にあるため使えません。');
    expect(refuse({ effect: 'message', when: { field: 'household', op: 'filled' }, note: { level: 'info', ja: ' ' } })).toBe('「理由」に表示するメッセージを入力してください。');
    expect(refuse({ effect: 'require', when: { field: 'household', op: 'filled' } }, 'largeFamily')).toMatch(/常に必須です/);
  });

  it('keeps old layers valid and knows the new edit', () => {
    const ajv = createAjv();
    const validate = ajv.compile(EDIT_OP_SCHEMA);
    expect(validate({ id: 'a', type: 'setShowWhen', path: 'placeOther', showWhen: { field: 'place', equals: 'その他' } })).toBe(true);
    expect(validate({ id: 'b', type: 'setLogic', path: 'x', logic: { effect: 'show', when: { all: [{ field: 'a.b', op: 'between', min: 1, max: 3 }] } } })).toBe(true);
    expect(validate({ id: 'c', type: 'setLogic', path: 'x', logic: { effect: 'explode', when: { field: 'a', op: 'filled' } } })).toBe(false);
    expect(validate({ id: 'd', type: 'setLogic', path: 'x', logic: null })).toBe(true);
  });

  it('refuses to remove an answer a condition reads; clearing the rule leaves no branch', () => {
    const doc = applyOp(logicForm(), op({ type: 'setLogic', path: 'reason', logic: { effect: 'require', when: { field: 'household', op: 'gte', value: 5 } } }));
    expect(() => applyOp(doc, op({ type: 'removeField', path: 'household' }))).toThrow(/「理由」の表示条件に使われているため削除できません/);
    const cleared = applyOp(doc, op({ type: 'setLogic', path: 'reason', logic: null }));
    expect(cleared.schema.allOf).toBeUndefined();
  });
});

describe('what the server keeps (the one validator judges)', () => {
  const validator = new FormValidator();
  const build = () => {
    let doc = logicForm();
    for (const o of [
      op({ type: 'setLogic', path: 'largeFamily', logic: { effect: 'show', when: { field: 'household', op: 'gte', value: 3 } } }),
      op({ type: 'setLogic', path: 'items.name', logic: { effect: 'show', when: { field: 'items.kind', op: 'equals', value: 'その他' } } }),
      op({ type: 'setLogic', path: 'reason', logic: { effect: 'require', when: { field: 'moveIn', op: 'dateBefore', otherDate: 'moveOut' } } }),
      op({
        type: 'setLogic',
        path: 'moveOut',
        logic: { effect: 'message', when: { field: 'tags', op: 'oneOf', values: ['介護'] }, note: { level: 'warning', ja: '介護の相談窓口もご利用ください。' } },
      }),
    ])
      doc = applyOp(doc, o);
    return doc.schema;
  };

  it('discards answers of hidden fields, also in rows', () => {
    const schema = build();
    const data = {
      household: 2,
      largeFamily: '事情',
      items: [
        { kind: 'たんす', name: '隠れた品名' },
        { kind: 'その他', name: 'ピアノ' },
      ],
    };
    expect(validator.withoutHiddenAnswers('k1', schema, data)).toEqual({ household: 2, items: [{ kind: 'たんす' }, { kind: 'その他', name: 'ピアノ' }] });
    expect(validator.withoutHiddenAnswers('k1', schema, { ...data, household: 3 })).toMatchObject({ household: 3, largeFamily: '事情' });
  });

  it('requires a field when shown or when its condition holds, with a Japanese message; a message never blocks', () => {
    const schema = build();
    const shownEmpty = validator.validate('k2', schema, { household: 4, items: [{ kind: 'その他' }] });
    expect(shownEmpty.errors.map((e) => e.message)).toEqual(expect.arrayContaining(['「大家族の事情」を入力してください。', '「品名」を入力してください。']));
    const required = validator.validate('k2', schema, { household: 1, moveIn: '2026-04-01', moveOut: '2026-05-01' });
    expect(required.errors.map((e) => `${e.pointer} ${e.message}`)).toEqual(['/reason 「理由」を入力してください。']);
    expect(validator.validate('k2', schema, { household: 1, moveIn: '2026-06-01', moveOut: '2026-05-01', tags: ['介護'] }).valid).toBe(true);
  });
});

describe("presets' conditions read as before", () => {
  const presets = loadPresets();
  it.each(presets.map((p) => [p.procedure.id, p] as const))('%s', (_id, preset) => {
    const doc: FormDocument = { procedure: preset.procedure, schema: preset.schema, uiSchema: preset.uiSchema };
    for (const f of flattenFields(describeFields(doc))) {
      if (f.showWhen === null) continue;
      if (f.showWhen === 'custom') {
        // Only shapes the logic reads are offered for editing; everything else stays custom.
        if (f.logic !== 'custom') expect(f.logic).toMatchObject({ effect: 'show' });
        continue;
      }
      const values = f.showWhen.in ?? [f.showWhen.equals];
      const field = f.parentPath ? `${f.parentPath}.${f.showWhen.field}` : f.showWhen.field;
      const when = values.length === 1 && !f.showWhen.in ? { field, op: 'equals', value: values[0] } : { field, op: 'oneOf', values };
      expect(f.logic).toEqual({ effect: 'show', when });
    }
  });
});
