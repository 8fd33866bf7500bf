/**
 * Capacity rules in the form (issue #22): what a submission takes (one place, or the rows of countOf),
 * the publish checks in words, the shared ajv accepting a schema with `x-capacity` and refusing a
 * malformed one, and the live capacity after a new version's number.
 */
import { capacityTakes, checkCapacityRules, createAjv, liveCapacity, type JsonSchema } from '@madoguchi/shared';
import { checkDraftStructure } from '../../shared/src/catalog/checkDraftStructure';

const form = (rule: unknown, extra: Record<string, JsonSchema> = {}): JsonSchema => ({
  type: 'object',
  properties: {
    session: { type: 'string', title: '参加する回', enum: ['午前', '午後', '夜'], 'x-capacity': rule },
    participants: { type: 'array', title: '参加者', items: { type: 'object', properties: { who: { type: 'string', title: '氏名' } } } },
    ...extra,
  },
});

describe('capacity rules', () => {
  it('takes one place of a limited option, the rows of countOf, nothing for an unlimited one', () => {
    const schema = form({ limits: { 午前: 30, 午後: 2 } });
    expect(capacityTakes(schema, { session: '午前' })).toEqual([{ fieldPath: 'session', option: '午前', places: 1, schemaLimit: 30 }]);
    expect(capacityTakes(schema, { session: '夜' })).toEqual([]);
    expect(capacityTakes(schema, {})).toEqual([]);
    const counted = form({ limits: { 午後: 10 }, countOf: 'participants' });
    expect(capacityTakes(counted, { session: '午後', participants: [{}, {}, {}] })).toEqual([{ fieldPath: 'session', option: '午後', places: 3, schemaLimit: 10 }]);
    expect(capacityTakes(counted, { session: '午後', participants: [] })).toEqual([]);
  });

  it('finds a limited field inside an object and inside a condition’s branch', () => {
    const schema: JsonSchema = {
      type: 'object',
      properties: {
        event: {
          type: 'object',
          title: '講座',
          properties: { kind: { type: 'string', enum: ['a', 'b'] } },
          allOf: [{ if: { properties: { kind: { const: 'a' } } }, then: { properties: { slot: { type: 'string', title: '時間帯', enum: ['朝'], 'x-capacity': { limits: { 朝: 5 } } } } } }],
        },
      },
    };
    expect(capacityTakes(schema, { event: { kind: 'a', slot: '朝' } })).toEqual([{ fieldPath: 'event.slot', option: '朝', places: 1, schemaLimit: 5 }]);
  });

  it('says in words why a capacity cannot be published', () => {
    expect(checkCapacityRules(form({ limits: { 午前: 30 } }))).toEqual([]);
    expect(checkCapacityRules(form({ limits: { 明日: 30 } })).map((p) => p.message)).toEqual(['「参加する回」の定員が、ない選択肢「明日」に設定されています。']);
    expect(checkCapacityRules(form({ limits: { 午前: 2.5 } })).map((p) => p.message)).toEqual(['「参加する回」の定員（午前）は1〜1000000の整数で指定してください。']);
    expect(checkCapacityRules(form({ limits: { 午前: 3 }, countOf: 'session' })).map((p) => p.message)).toEqual([
      '「参加する回」の定員の人数の数え方（countOf: session）が、繰り返し項目を指していません。',
    ]);
    const inRow = form({ limits: {} }, { rows: { type: 'array', items: { type: 'object', properties: { slot: { type: 'string', title: '枠', enum: ['1'], 'x-capacity': { limits: { 1: 1 } } } } } } });
    expect(checkCapacityRules(inRow).map((p) => p.message)).toEqual(['「枠」の定員は、繰り返し項目の中の項目には設定できません。']);
    const text = form({ limits: {} }, { note: { type: 'string', title: 'メモ', 'x-capacity': { limits: { a: 1 } } } });
    expect(checkCapacityRules(text).map((p) => p.message)).toContain('「メモ」の定員は、選択肢から1つ選ぶ項目にだけ設定できます。');
    // The builder's structural checks carry them, naming the field.
    const problems = checkDraftStructure({ procedure: {} as never, schema: form({ limits: { 明日: 30 } }), uiSchema: {} });
    expect(problems).toContainEqual({ where: 'session', path: 'session', message: '「参加する回」の定員が、ない選択肢「明日」に設定されています。' });
  });

  it('compiles with the shared ajv (annotation only), refusing a malformed rule at compile', () => {
    const ajv = createAjv();
    const validate = ajv.compile(form({ limits: { 午前: 30 }, countOf: 'participants' }));
    expect(validate({ session: '午前' })).toBe(true);
    expect(() => createAjv().compile(form({ limits: { 午前: '30' } }))).toThrow();
    expect(() => createAjv().compile(form({ limit: { 午前: 30 } }))).toThrow();
  });

  it('keeps a capacity staff set while the schema number stays; a new number applies, never below taken', () => {
    expect(liveCapacity(undefined, 30)).toEqual({ capacity: 30, taken: 0 });
    expect(liveCapacity({ capacity: 40, schemaLimit: 30, taken: 12 }, 30)).toEqual({ capacity: 40, taken: 12 });
    expect(liveCapacity({ capacity: 40, schemaLimit: 30, taken: 12 }, 50)).toEqual({ capacity: 50, taken: 12 });
    expect(liveCapacity({ capacity: 40, schemaLimit: 30, taken: 12 }, 5)).toEqual({ capacity: 12, taken: 12 });
  });
});
