/**
 * The builder's edit of a choice's capacity (定員, issue #22): setCapacity
 * through the edit schema, applyOp, describeOp and rebaseLayer like every
 * other edit, refused in Japanese where the publish checks would refuse it,
 * and option renames/removals carrying the limits along.
 */
import Ajv from 'ajv';
import {
  EDIT_OP_SCHEMA,
  EditRefusedError,
  checkDraftStructure,
  composeLayer,
  defaultProcedure,
  describeFields,
  describeOp,
  flattenFields,
  rebaseLayer,
  type EditOp,
  type FormDocument,
} from '@madoguchi/shared';

let n = 0;
const op = <T extends Omit<EditOp, 'id'>>(o: T) => ({ id: `op${++n}`, ...o }) as unknown as EditOp;
const DAYS = ['1月12日（火）', '1月19日（火）', '1月26日（火）'];
const base = (): FormDocument =>
  composeLayer(
    { procedure: defaultProcedure('082015', 'event', '講座の申込'), schema: { type: 'object', title: '講座の申込', properties: {} }, uiSchema: {} },
    [
      op({ type: 'addField', parent: '', field: { key: 'day', kind: 'choice', label: '日程', required: true, options: DAYS } }),
      op({ type: 'addField', parent: '', field: { key: 'people', kind: 'group', label: '参加者', itemLabel: '参加者' } }),
      op({ type: 'addField', parent: 'people', field: { key: 'name', kind: 'text', label: '氏名' } }),
      op({ type: 'addField', parent: 'people', field: { key: 'slot', kind: 'choice', label: '希望の枠', options: ['午前', '午後'] } }),
      op({ type: 'addField', parent: '', field: { key: 'note', kind: 'text', label: '連絡事項' } }),
    ],
    { enforceLocks: false },
  );
const refusal = (doc: FormDocument, ops: EditOp[]) => {
  try {
    composeLayer(doc, ops, { enforceLocks: false });
  } catch (e) {
    if (e instanceof EditRefusedError) return e.message;
    throw e;
  }
  return null;
};

describe('capacity in the builder', () => {
  test('sets places per option and the group whose rows count; the field outline shows it; null removes it', () => {
    const set = op({ type: 'setCapacity', path: 'day', capacity: { limits: { [DAYS[0]!]: 1, [DAYS[1]!]: 50 }, countOf: 'people' } });
    const doc = composeLayer(base(), [set], { enforceLocks: false });
    expect(doc.schema.properties!.day!['x-capacity']).toEqual({ limits: { [DAYS[0]!]: 1, [DAYS[1]!]: 50 }, countOf: 'people' });
    expect(checkDraftStructure(doc)).toEqual([]);
    expect(flattenFields(describeFields(doc)).find((f) => f.path === 'day')?.capacity).toEqual({ limits: { [DAYS[0]!]: 1, [DAYS[1]!]: 50 }, countOf: 'people' });
    expect(describeOp(set, base())).toBe('「日程」の定員を設定（1月12日（火） 1、1月19日（火） 50、「参加者」の人数で数える）');
    const cleared = composeLayer(doc, [op({ type: 'setCapacity', path: 'day', capacity: null })], { enforceLocks: false });
    expect(cleared.schema.properties!.day!['x-capacity']).toBeUndefined();
    expect(describeOp(op({ type: 'setCapacity', path: 'day', capacity: null }), doc)).toBe('「日程」の定員を解除');
  });

  test('refuses in Japanese what could not be published, and changes nothing', () => {
    const doc = base();
    expect(refusal(doc, [op({ type: 'setCapacity', path: 'day', capacity: { limits: {} } })])).toBe(
      '「日程」の定員を、1つ以上の選択肢に入力してください（定員を設けない場合は「定員を設ける」を外します）。',
    );
    expect(refusal(doc, [op({ type: 'setCapacity', path: 'day', capacity: { limits: { [DAYS[0]!]: 0 } } })])).toBe('「日程」の定員（1月12日（火））は1〜1000000の整数で指定してください。');
    expect(refusal(doc, [op({ type: 'setCapacity', path: 'day', capacity: { limits: { [DAYS[0]!]: 2.5 } } })])).toBe('「日程」の定員（1月12日（火））は1〜1000000の整数で指定してください。');
    expect(refusal(doc, [op({ type: 'setCapacity', path: 'day', capacity: { limits: { '2月2日': 5 } } })])).toBe('「日程」の定員が、ない選択肢「2月2日」に設定されています。');
    expect(refusal(doc, [op({ type: 'setCapacity', path: 'day', capacity: { limits: { [DAYS[0]!]: 5 }, countOf: 'note' } })])).toBe(
      '「日程」の定員の人数として数える項目「連絡事項」は、繰り返し項目ではありません。',
    );
    expect(refusal(doc, [op({ type: 'setCapacity', path: 'note', capacity: { limits: { a: 5 } } })])).toBe('「連絡事項」の定員は、選択肢から1つ選ぶ項目にだけ設定できます。');
    expect(refusal(doc, [op({ type: 'setCapacity', path: 'people.slot', capacity: { limits: { 午前: 5 } } })])).toBe('「希望の枠」の定員は、繰り返し項目の中の項目には設定できません。');
    expect(refusal(doc, [op({ type: 'setCapacity', path: 'nothing', capacity: null })])).toBe('項目「nothing」が見つかりません。');
    expect(doc.schema.properties!.day!['x-capacity']).toBeUndefined();
  });

  test('the edit schema takes a capacity or null and nothing else', () => {
    const validate = new Ajv({ strict: false }).compile(EDIT_OP_SCHEMA);
    expect(validate(op({ type: 'setCapacity', path: 'day', capacity: { limits: { a: 3 }, countOf: 'people' } }))).toBe(true);
    expect(validate(op({ type: 'setCapacity', path: 'day', capacity: null }))).toBe(true);
    expect(validate({ id: 'x1', type: 'setCapacity', path: 'day', capacity: { limits: { a: 'many' } } })).toBe(false);
    expect(validate({ id: 'x2', type: 'setCapacity', path: 'day', capacity: { limits: {}, extra: 1 } })).toBe(false);
    expect(validate({ id: 'x3', type: 'setCapacity', path: 'day' })).toBe(false);
  });

  test('renaming an option passes its places on; removing one drops them; removing the last limited one drops the capacity', () => {
    const limited = composeLayer(base(), [op({ type: 'setCapacity', path: 'day', capacity: { limits: { [DAYS[0]!]: 1, [DAYS[1]!]: 50 }, countOf: 'people' } })], { enforceLocks: false });
    const renamed = composeLayer(limited, [op({ type: 'setOptions', path: 'day', options: ['1月13日（水）', DAYS[1]!, DAYS[2]!] })], { enforceLocks: false });
    expect(renamed.schema.properties!.day!['x-capacity']).toEqual({ limits: { '1月13日（水）': 1, [DAYS[1]!]: 50 }, countOf: 'people' });
    expect(checkDraftStructure(renamed)).toEqual([]);
    const reordered = composeLayer(limited, [op({ type: 'setOptions', path: 'day', options: [DAYS[2]!, DAYS[1]!, DAYS[0]!] })], { enforceLocks: false });
    expect(reordered.schema.properties!.day!['x-capacity']).toEqual(limited.schema.properties!.day!['x-capacity']);
    const removed = composeLayer(limited, [op({ type: 'setOptions', path: 'day', options: [DAYS[1]!, DAYS[2]!] })], { enforceLocks: false });
    expect(removed.schema.properties!.day!['x-capacity']).toEqual({ limits: { [DAYS[1]!]: 50 }, countOf: 'people' });
    expect(checkDraftStructure(removed)).toEqual([]);
    const none = composeLayer(limited, [op({ type: 'setOptions', path: 'day', options: [DAYS[2]!] })], { enforceLocks: false });
    expect(none.schema.properties!.day!['x-capacity']).toBeUndefined();
  });

  test('a rebase re-applies the capacity, or drops it when the new version has it already', () => {
    const edit = op({ type: 'setCapacity', path: 'day', capacity: { limits: { [DAYS[0]!]: 10 } } });
    const result = rebaseLayer({ oldBase: base(), newBase: base(), ops: [edit], enforceLocks: false });
    expect(result.outcomes.map((o) => o.status)).toEqual(['reapplied']);
    expect(result.document.schema.properties!.day!['x-capacity']).toEqual({ limits: { [DAYS[0]!]: 10 } });
    // The preset set the same capacity itself: the edit is no longer needed.
    const same = rebaseLayer({ oldBase: base(), newBase: composeLayer(base(), [edit], { enforceLocks: false }), ops: [edit], enforceLocks: false });
    expect(same.outcomes.map((o) => o.status)).toEqual(['obsolete']);
  });
});
