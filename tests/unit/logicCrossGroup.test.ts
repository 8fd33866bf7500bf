/**
 * Conditions on answers outside the field's own group (placed at the nearest
 * common ancestor object), several rules on one field, and the server's ajv,
 * the browser's interpreter agreeing (the resident renderer: tests/e2e/staff-builder-logic.test.ts).
 */
import {
  EDIT_OP_SCHEMA,
  FormValidator,
  createAjv,
  applyOp,
  describeFields,
  describeLogic,
  flattenFields,
  pruneHiddenAnswers,
  EditRefusedError,
  type EditOp,
  type FieldInfo,
  type FormDocument,
  type JsonSchema,
} from '@madoguchi/shared';
import { crossForm } from '../helpers/logicForm';

let n = 0;
const op = <T extends Omit<EditOp, 'id'>>(o: T) => ({ id: `x${++n}`, ...o }) as unknown as EditOp;
const info = (doc: FormDocument, path: string): FieldInfo => flattenFields(describeFields(doc)).find((f) => f.path === path)!;
const label = (doc: FormDocument) => (p: string) => info(doc, p)?.label ?? p;

const crossShow = op({ type: 'setLogic', path: 'contact.daytime', logic: { effect: 'show', when: { field: 'household', op: 'gte', value: 3 } } });

describe('a condition on an answer outside the field’s group', () => {
  it('is placed at the nearest common ancestor (then → properties → … → the field) and read back', () => {
    const doc = applyOp(crossForm(), crossShow);
    const branch = (doc.schema.allOf as JsonSchema[]).find((b) => b.then?.properties?.contact);
    expect(branch).toEqual({
      if: { properties: { household: { minimum: 3 } }, required: ['household'] },
      then: { properties: { contact: { properties: { daytime: expect.objectContaining({ title: '日中の連絡先' }) }, required: ['daytime'] } } },
    });
    expect(doc.schema.properties.contact.properties.daytime).toBeUndefined();
    const field = info(doc, 'contact.daytime');
    expect(field.label).toBe('日中の連絡先');
    expect(field.required).toBe(true);
    expect(field.logicRules).toEqual([{ effect: 'show', when: { field: 'household', op: 'gte', value: 3 } }]);
    expect(describeLogic(field.logic as never, label(doc))).toBe('この項目は「世帯人数」が3以上のとき表示');
    // keeps its place in the section
    expect(info(doc, 'contact').children!.map((c) => c.key)).toEqual(['phone', 'daytime']);
  });

  it('keeps the answer it reads from being removed, naming the field in the section', () => {
    const doc = applyOp(crossForm(), crossShow);
    expect(() => applyOp(doc, op({ type: 'removeField', path: 'household' }))).toThrow(/「日中の連絡先」の表示条件に使われているため削除できません/);
    const required = applyOp(crossForm(), op({ type: 'setLogic', path: 'contact.phone', logic: [{ effect: 'require', when: { field: 'household', op: 'gte', value: 5 } }] as never }));
    expect(() => applyOp(required, op({ type: 'removeField', path: 'household' }))).toThrow(/「電話番号」の表示条件/);
  });

  it('moves back into its section when the rule is cleared, leaving no empty chain', () => {
    const doc = applyOp(applyOp(crossForm(), crossShow), op({ type: 'setLogic', path: 'contact.daytime', logic: null }));
    expect(doc.schema.allOf).toBeUndefined();
    expect(doc.schema.properties.contact.properties.daytime.title).toBe('日中の連絡先');
    expect(doc.schema.properties.contact.required).toEqual(['daytime']);
    expect(info(doc, 'contact.daytime').logicRules).toEqual([]);
  });

  it('lets a row’s field depend on a root answer, and row-relative conditions still sit in the row', () => {
    let doc = applyOp(crossForm(), op({ type: 'setLogic', path: 'items.helper', logic: { effect: 'show', when: { field: 'household', op: 'lte', value: 1 } } }));
    doc = applyOp(doc, op({ type: 'setLogic', path: 'items.name', logic: { effect: 'show', when: { field: 'items.kind', op: 'equals', value: 'その他' } } }));
    expect((doc.schema.allOf as JsonSchema[])[0]!.then).toEqual({ properties: { items: { items: { properties: { helper: expect.objectContaining({ title: '運び出しの手伝い' }) } } } } });
    expect(doc.schema.properties.items.items.allOf[0].if).toEqual({ properties: { kind: { const: 'その他' } }, required: ['kind'] });
    expect(info(doc, 'items.helper').logicRules).toEqual([{ effect: 'show', when: { field: 'household', op: 'lte', value: 1 } }]);
    expect(info(doc, 'items.name').logicRules).toEqual([{ effect: 'show', when: { field: 'items.kind', op: 'equals', value: 'その他' } }]);
  });

  it('still refuses an answer inside another repeating group, in Japanese, changing nothing', () => {
    const doc = crossForm();
    const before = JSON.stringify(doc);
    expect(() => applyOp(doc, op({ type: 'setLogic', path: 'contact.phone', logic: { effect: 'show', when: { field: 'items.kind', op: 'equals', value: 'その他' } } }))).toThrow(
      new EditRefusedError('条件に使う「品目」は別の繰り返しの中にあるため使えません。'),
    );
    expect(JSON.stringify(doc)).toBe(before);
  });
});

describe('several rules on one field', () => {
  const rules = [
    { effect: 'show', when: { field: 'household', op: 'gte', value: 2 } },
    { effect: 'require', when: { field: 'tags', op: 'equals', value: '介護' } },
    { effect: 'message', when: { field: 'moveIn', op: 'filled' }, note: { level: 'info', ja: '転入後14日以内に届け出てください。' } },
  ] as const;

  it('are compiled and read back (show, require, message), in words', () => {
    const doc = applyOp(crossForm(), op({ type: 'setLogic', path: 'contact.phone', logic: rules as never }));
    const field = info(doc, 'contact.phone');
    expect(field.logicRules).toEqual(rules);
    expect((field.logicRules as never[]).map((r) => describeLogic(r, label(doc)))).toEqual([
      'この項目は「世帯人数」が2以上のとき表示',
      'この項目は「関心」が「介護」のとき必須',
      'この項目は「転入日」が入力済みのときお知らせ「転入後14日以内に届け出てください。」を表示',
    ]);
    // replacing with one rule drops the others and their branches
    const one = applyOp(doc, op({ type: 'setLogic', path: 'contact.phone', logic: [rules[1]] as never }));
    expect(info(one, 'contact.phone').logicRules).toEqual([rules[1]]);
    expect((one.schema.allOf as JsonSchema[]).length).toBe(1);
  });

  it('is a valid edit as a list (up to 3), and an old setShowWhen layer still applies', () => {
    const validate = createAjv().compile(EDIT_OP_SCHEMA);
    expect(validate({ id: 'a', type: 'setLogic', path: 'x', logic: rules })).toBe(true);
    expect(validate({ id: 'b', type: 'setLogic', path: 'x', logic: [...rules, rules[0]] })).toBe(false);
    const old = applyOp(crossForm(), op({ type: 'setShowWhen', path: 'items.name', showWhen: { field: 'kind', equals: 'その他' } }));
    expect(info(old, 'items.name').logicRules).toEqual([{ effect: 'show', when: { field: 'items.kind', op: 'equals', value: 'その他' } }]);
  });

  it('refuses two rules of the same effect, in Japanese', () => {
    expect(() => applyOp(crossForm(), op({ type: 'setLogic', path: 'reason', logic: [rules[0], rules[0]] as never }))).toThrow(
      '「理由」の条件は「表示」「必須にする」「メッセージ」をそれぞれ1つまでにしてください。',
    );
  });
});

describe('the server’s ajv and pruning', () => {
  const validator = new FormValidator();
  const doc = applyOp(
    applyOp(crossForm(), crossShow),
    op({ type: 'setLogic', path: 'contact.phone', logic: [{ effect: 'require', when: { field: 'tags', op: 'oneOf', values: ['介護'] } }] as never }),
  );

  it('discards the hidden answer inside the section and keeps the rest of it', () => {
    const data = { household: 2, contact: { phone: '029-000-0000', daytime: '隠れた連絡先' } };
    expect(validator.withoutHiddenAnswers('c1', doc.schema, data)).toEqual({ household: 2, contact: { phone: '029-000-0000' } });
    expect(validator.withoutHiddenAnswers('c1', doc.schema, { ...data, household: 3 })).toEqual({ ...data, household: 3 });
  });

  it('requires the shown field in the section, and the cross-group require rule', () => {
    const inContact = (data: unknown) => validator.validate('c2', doc.schema, data).errors.filter((e) => e.pointer.startsWith('/contact'));
    expect(inContact({ household: 3, contact: {} }).map((e) => `${e.pointer} ${e.message}`)).toEqual(['/contact/daytime 「日中の連絡先」を入力してください。']);
    expect(inContact({ household: 2, contact: {} })).toEqual([]);
    expect(inContact({ household: 2, tags: ['介護'], contact: {} }).map((e) => `${e.pointer} ${e.message}`)).toEqual(['/contact/phone 「電話番号」を入力してください。']);
  });

  it('prunes rows by a root answer', () => {
    const rows = applyOp(crossForm(), op({ type: 'setLogic', path: 'items.helper', logic: { effect: 'show', when: { field: 'household', op: 'lte', value: 1 } } }));
    const data = { household: 2, items: [{ kind: 'たんす', name: 'a', helper: '隣人' }] };
    expect(validator.withoutHiddenAnswers('c3', rows.schema, data)).toEqual({ household: 2, items: [{ kind: 'たんす', name: 'a' }] });
    expect(validator.withoutHiddenAnswers('c3', rows.schema, { ...data, household: 1 })).toEqual({ ...data, household: 1 });
  });

  it('prunes nothing from a hidden chain’s own section when only a nested field is hidden (pure function)', () => {
    const holds = (ifSchema: JsonSchema, data: unknown) => validator.validate(`h${JSON.stringify(ifSchema)}`, ifSchema, data).valid;
    expect(pruneHiddenAnswers(doc.schema, { household: 1, contact: { phone: 'x' } }, holds)).toEqual({ household: 1, contact: { phone: 'x' } });
  });
});
