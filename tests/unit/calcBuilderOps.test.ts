/**
 * The builder's edits of calculated values (issue #22): the 計算（自動計算）
 * field kind, its expression, the lookup tables clerks fill in; each through
 * the edit schema, applyOp, describeOp and rebaseLayer like every other edit.
 */
import Ajv from 'ajv';
import {
  EDIT_OP_SCHEMA,
  EditRefusedError,
  FIELD_KIND_LABELS,
  applyCalculations,
  checkDraftStructure,
  classifyField,
  composeLayer,
  defaultProcedure,
  describeOp,
  rebaseLayer,
  type EditOp,
  type FormDocument,
} from '@madoguchi/shared';

let n = 0;
const op = <T extends Omit<EditOp, 'id'>>(o: T) => ({ id: `op${++n}`, ...o }) as unknown as EditOp;
const empty = (): FormDocument => ({
  procedure: defaultProcedure('082015', 'sodai-gomi', '粗大ごみ収集の申込'),
  schema: { type: 'object', title: '粗大ごみ収集の申込', properties: {} },
  uiSchema: {},
});

const sodaiOps = (): EditOp[] => [
  op({
    type: 'setLookupTable',
    name: 'fees',
    table: {
      title: '品目と手数料',
      keyTitle: '品目',
      valueTitle: '手数料（円）',
      rows: [
        { key: ' たんす ', value: 1000 },
        { key: '自転車', value: 500 },
      ],
    },
  }),
  op({ type: 'addField', parent: '', field: { key: 'items', kind: 'group', label: '出すもの', itemLabel: '品目', required: true } }),
  op({ type: 'addField', parent: 'items', field: { key: 'kind', kind: 'choice', label: '品目', required: true, options: ['たんす', '自転車'] } }),
  op({ type: 'addField', parent: 'items', field: { key: 'count', kind: 'number', label: '個数', required: true } }),
  op({ type: 'addField', parent: '', field: { key: 'total', kind: 'calc', label: '手数料の合計（円）', expression: 'count(items)' } }),
  op({ type: 'setCalc', path: 'total', expression: "sum(items, lookup('fees', kind) * count)" }),
];

describe('calculated values in the builder', () => {
  test('the kind 計算（自動計算） builds a read-only number with its expression; tables are trimmed', () => {
    expect(FIELD_KIND_LABELS.calc).toBe('計算（自動計算）');
    const doc = composeLayer(empty(), sodaiOps(), { enforceLocks: false });
    const total = doc.schema.properties!.total!;
    expect(total).toEqual({ type: 'integer', title: '手数料の合計（円）', readOnly: true, 'x-calc': "sum(items, lookup('fees', kind) * count)" });
    expect(classifyField(total, undefined)).toBe('calc');
    expect(doc.schema['x-lookup-tables']).toEqual({
      fees: {
        title: '品目と手数料',
        keyTitle: '品目',
        valueTitle: '手数料（円）',
        rows: [
          { key: 'たんす', value: 1000 },
          { key: '自転車', value: 500 },
        ],
      },
    });
    expect(checkDraftStructure(doc)).toEqual([]);
    expect(applyCalculations(doc.schema, { items: [{ kind: 'たんす', count: 3 }] }).data).toEqual({ items: [{ kind: 'たんす', count: 3 }], total: 3000 });
  });

  test('the edit schema admits the new edits and refuses malformed ones', () => {
    const ajv = new Ajv({ strict: false });
    const valid = ajv.compile(EDIT_OP_SCHEMA);
    for (const o of sodaiOps()) expect(valid(o)).toBe(true);
    expect(valid({ id: 'x', type: 'setCalc', path: 'total', expression: 'x'.repeat(501) })).toBe(false);
    expect(valid({ id: 'x', type: 'setLookupTable', name: '__proto__', table: null })).toBe(false);
    expect(valid({ id: 'x', type: 'setLookupTable', name: 'fees', table: { title: 't', rows: [{ key: 'a', value: '1' }] } })).toBe(false);
  });

  test('bad table rows and a calc edit of a non-calc field are refused in Japanese; removing a table works', () => {
    const doc = composeLayer(empty(), sodaiOps(), { enforceLocks: false });
    const refused = (o: EditOp) => {
      try {
        composeLayer(doc, [o], { enforceLocks: false });
      } catch (e) {
        if (e instanceof EditRefusedError) return e.message;
        throw e;
      }
      throw new Error('not refused');
    };
    expect(
      refused(
        op({
          type: 'setLookupTable',
          name: 'fees',
          table: {
            title: '品目と手数料',
            rows: [
              { key: 'たんす', value: 1 },
              { key: 'たんす', value: 2 },
            ],
          },
        }),
      ),
    ).toBe('表「品目と手数料」に「たんす」が2回あります。');
    expect(refused(op({ type: 'setLookupTable', name: 'fees', table: { title: '品目と手数料', rows: [{ key: '', value: 1 }] } }))).toBe('表「品目と手数料」の1行目の見出しを入力してください。');
    expect(refused(op({ type: 'setCalc', path: 'items', expression: '1' }))).toBe('「出すもの」は計算の項目ではありません。');
    expect(refused(op({ type: 'setCalc', path: 'total', expression: '  ' }))).toBe('計算式を入力してください。');
    const without = composeLayer(doc, [op({ type: 'setLookupTable', name: 'fees', table: null })], { enforceLocks: false });
    expect(without.schema['x-lookup-tables']).toBeUndefined();
    // The publish check now names the missing table.
    expect(checkDraftStructure(without).map((p) => p.message)).toEqual(['「手数料の合計（円）」: 計算式の表「fees」がありません。表を追加するか、表の名前を確認してください。']);
  });

  test('edits read in Japanese, and re-apply on a new base unless the base changed the same thing', () => {
    const doc = composeLayer(empty(), sodaiOps(), { enforceLocks: false });
    const setCalc = op({ type: 'setCalc', path: 'total', expression: "sum(items, lookup('fees', kind) * count) + 300" });
    const table = op({ type: 'setLookupTable', name: 'fees', table: { title: '品目と手数料', rows: [{ key: 'たんす', value: 1200 }] } });
    expect(describeOp(setCalc, doc)).toBe("「手数料の合計（円）」の計算式を「sum(items, lookup('fees', kind…」に変更");
    expect(describeOp(table, doc)).toBe('表「品目と手数料」を設定（1行）');
    expect(describeOp(op({ type: 'setLookupTable', name: 'fees', table: null }), doc)).toBe('表「fees」を削除');
    const same = rebaseLayer({ oldBase: doc, newBase: doc, ops: [setCalc, table], enforceLocks: false });
    expect(same.outcomes.map((o) => o.status)).toEqual(['reapplied', 'reapplied']);
    const changedUpstream = composeLayer(doc, [op({ type: 'setCalc', path: 'total', expression: 'count(items) * 100' })], { enforceLocks: false });
    const rebased = rebaseLayer({ oldBase: doc, newBase: changedUpstream, ops: [setCalc], enforceLocks: false });
    expect(rebased.outcomes[0]).toMatchObject({ status: 'conflict', conflict: { kind: 'changed-upstream' } });
  });
});
