/**
 * The calculated-value language (issue #22): arithmetic, sums over rows,
 * lookups, if; and malicious expressions (huge numbers, deep nesting,
 * prototype keys, long or looping expressions) refused or bounded with clear
 * ja/en messages. The same module computes in the browser and at intake.
 */
import { CALC_LIMITS, FormValidator, applyCalculations, formatAmount, checkCalculations, calcNamesFor, computeCalc, parseCalc, type JsonSchema, type LookupTables } from '@madoguchi/shared';

const tables: LookupTables = {
  fees: {
    rows: [
      { key: 'たんす', value: 1000 },
      { key: '自転車', value: 500 },
      { key: 'ソファ', value: 1500 },
    ],
  },
};
const calc = (expr: string, data: unknown = {}, holder?: unknown) => computeCalc(expr, holder ? [holder, data] : [data], tables);
const value = (expr: string, data: unknown = {}, holder?: unknown) => {
  const r = calc(expr, data, holder);
  if (!r.ok) throw new Error(r.error.en);
  return r.value;
};
const refusal = (expr: string, data: unknown = {}) => {
  const r = calc(expr, data);
  if (r.ok) throw new Error(`expected a refusal of ${expr.slice(0, 40)}, got ${r.value}`);
  return r.error;
};

describe('the language computes', () => {
  test('arithmetic, precedence, comparisons and logic', () => {
    expect(value('1 + 2 * 3 - 4 / 2')).toBe(5);
    expect(value('(1 + 2) * 3 % 4')).toBe(1);
    expect(value('-count + 10', { count: 3 })).toBe(7);
    expect(value('if(age >= 65 && !student, 0, 300)', { age: 70, student: false })).toBe(0);
    expect(value('if(age >= 65 || student, 0, 300)', { age: 30 })).toBe(300);
    expect(value("if(kind == 'その他', 1, 2)", { kind: 'その他' })).toBe(1);
    expect(value('min(3, 1, 2) + max(3, 1, 2)')).toBe(4);
    expect(value('round(2.5) + floor(2.7) + ceil(2.1)')).toBe(3 + 2 + 3);
  });

  test('identifiers: the holding object first, then the form root by dot path; missing answers count 0', () => {
    const data = { applicant: { count: 4 }, fee: 100, rows: [] };
    expect(value('applicant.count * fee', data)).toBe(400);
    expect(value('fee', data, { fee: 7 })).toBe(7);
    expect(value('nothing + 1', data)).toBe(1);
  });

  test('sum over rows (the 粗大ごみ fee), count, lookup with a missing key → 0', () => {
    const data = { items: [{ kind: 'たんす', count: 2 }, { kind: '自転車', count: 1 }, { kind: '不明', count: 5 }, { kind: 'ソファ' }] };
    expect(value("sum(items, lookup('fees', kind) * count)", data)).toBe(2500);
    expect(value('count(items)', data)).toBe(4);
    expect(value('count(items)', {})).toBe(0);
    expect(value("lookup('fees', 'ソファ')")).toBe(1500);
    // Inside a row, names of the row win over the form's.
    expect(value('sum(items, count * fee)', { fee: 10, items: [{ count: 2 }, { count: 3, fee: 100 }] })).toBe(320);
  });

  test('participants × fee (イベント)', () => {
    expect(value('count(participants) * fee', { participants: [{}, {}, {}], fee: 500 })).toBe(1500);
  });
});

describe('malicious or broken expressions are refused or bounded', () => {
  test('huge numbers give a clear error, never Infinity', () => {
    expect(refusal('1e300').ja).toMatch(/大きすぎます/);
    expect(refusal('99999999 * 99999999').ja).toMatch(/計算結果が大きすぎます/);
    expect(refusal('x * x', { x: 1e10 }).en).toMatch(/too large/);
    expect(refusal('sum(items, n)', { items: Array.from({ length: 30 }, () => ({ n: 1e14 })) }).ja).toMatch(/大きすぎます/);
    expect(refusal('x', { x: Number.MAX_VALUE }).ja).toMatch(/大きすぎます/);
  });

  test('division by zero is an error', () => {
    expect(refusal('10 / n', { n: 0 })).toEqual({ ja: '0で割ることはできません。', en: 'Division by zero.' });
    expect(refusal('10 % 0').ja).toBe('0で割ることはできません。');
  });

  test('prototype keys are refused at parse and unreachable at run time', () => {
    for (const e of ['__proto__', 'a.constructor', 'constructor.prototype', 'sum(__proto__, 1)', 'toString.constructor']) expect(refusal(e).ja).toMatch(/使えません|繰り返しグループ/);
    expect(refusal("a['constructor']").ja).toMatch(/\[ \]/);
    expect(refusal('toString()').ja).toMatch(/関数「toString」はありません/);
    // A name the data does not own reads as missing, never Object.prototype's.
    expect(value('hasOwnProperty + toString + 1', {})).toBe(1);
    const data = JSON.parse('{"__proto__": {"polluted": 5}, "a": {"b": 2}}');
    expect(value('polluted + a.b', data)).toBe(2);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  test('no eval-like constructs: ternary, arrays, this, compound, bitwise', () => {
    expect(refusal('a ? 1 : 2').ja).toMatch(/if\(条件/);
    for (const e of ['[1, 2]', 'this', '1, 2', '1 | 2', '1 << 40', 'a = 1', 'new Date()', '`x`']) expect(calc(e).ok).toBe(false);
  });

  test('deep nesting, too many nodes and too long text are refused before evaluation', () => {
    // Parentheses leave no node (jsep), so only the text length bounds them; nested calls and operators are counted.
    expect(value('('.repeat(200) + '1' + ')'.repeat(200))).toBe(1);
    expect(refusal('min('.repeat(30) + '1' + ')'.repeat(30)).ja).toMatch(/入れ子が深すぎます/);
    expect(refusal('-'.repeat(60) + '1').ja).toMatch(/入れ子が深すぎます/);
    expect(refusal(Array.from({ length: 19 }, () => 'min(a,a,a,a,a,a,a,a,a,a)').join('+')).ja).toMatch(/要素は200個まで/);
    expect(refusal('1+'.repeat(300) + '1').ja).toMatch(/長すぎます/);
  });

  test('work is bounded: rows × nodes stops at the step limit', () => {
    const rows = Array.from({ length: 5000 }, () => ({ a: 1, b: 2 }));
    const r = refusal('sum(items, a + b + a + b + a + b + a + b + a + b + a + b + a + b + a + b + a + b + a + b + a + b)', { items: rows });
    expect(r.ja).toMatch(/計算量が上限/);
    expect(CALC_LIMITS.maxSteps).toBeLessThan(1e6);
  });

  test('parse errors and unknown functions have clear ja/en messages', () => {
    const p = parseCalc('sum(items, ');
    expect(p.ok).toBe(false);
    if (!p.ok) expect(p.error.ja).toMatch(/文字目あたりが読み取れません/);
    const f = parseCalc('pow(2, 3)');
    expect(!f.ok && f.error.ja).toMatch(/関数「pow」はありません。使える関数: sum, count, lookup/);
    const a = parseCalc('round(1, 2)');
    expect(!a.ok && a.error.ja).toBe('round() には値を1個書いてください（いまは2個）。');
  });
});

const sodai: JsonSchema = {
  type: 'object',
  'x-lookup-tables': {
    fees: {
      title: '品目と手数料',
      keyTitle: '品目',
      valueTitle: '手数料（円）',
      rows: [
        { key: 'たんす', value: 1000 },
        { key: '自転車', value: 500 },
      ],
    },
  },
  properties: {
    items: {
      type: 'array',
      title: '品目',
      items: {
        type: 'object',
        properties: {
          kind: { type: 'string', title: '品目', enum: ['たんす', '自転車'] },
          count: { type: 'integer', title: '個数' },
          subtotal: { type: 'integer', title: '小計（円）', readOnly: true, 'x-calc': "lookup('fees', kind) * count" },
        },
      },
    },
    total: { type: 'integer', title: '手数料の合計（円）', readOnly: true, 'x-calc': 'sum(items, subtotal)' },
    average: { type: 'integer', title: '平均', readOnly: true, 'x-calc': 'total / count(items)' },
  },
} as JsonSchema;

describe('a form’s calculated fields', () => {
  test('every x-calc is recomputed (rows first, then the root), the client’s numbers ignored, integers rounded', () => {
    const { data, problems } = applyCalculations(sodai, {
      items: [
        { kind: 'たんす', count: 2, subtotal: 1 },
        { kind: '自転車', count: 1 },
      ],
      total: 999999,
      average: 5,
    });
    expect(problems).toEqual([]);
    expect(data).toEqual({
      items: [
        { kind: 'たんす', count: 2, subtotal: 2000 },
        { kind: '自転車', count: 1, subtotal: 500 },
      ],
      total: 2500,
      average: 1250,
    });
  });

  test('a field that cannot be computed is left out and reported', () => {
    const { data, problems } = applyCalculations(sodai, { items: [], average: 3 });
    expect(problems).toEqual([{ pointer: '/average', label: '平均', message: { ja: '0で割ることはできません。', en: 'Division by zero.' } }]);
    expect(data).toEqual({ items: [], total: 0 });
  });

  test('publish checks: unknown names and tables, wrong field kinds, broken tables', () => {
    expect(checkCalculations(sodai)).toEqual([]);
    const broken = JSON.parse(JSON.stringify(sodai));
    broken.properties.total['x-calc'] = "sum(items, lookup('prices', kind) * qty) + sum(total, 1) + items";
    broken.properties.average = { type: 'string', title: '平均', 'x-calc': '1 +' };
    broken['x-lookup-tables'].fees.rows.push({ key: 'たんす', value: 'abc' });
    expect(checkCalculations(broken).map((p) => `${p.path}: ${p.message}`)).toEqual([
      ': 表「品目と手数料」の「たんす」が2回あります。',
      ': 表「品目と手数料」の3行目の値が数ではありません。',
      'total: 「手数料の合計（円）」: 計算式の表「prices」がありません。表を追加するか、表の名前を確認してください。',
      'total: 「手数料の合計（円）」: 計算式の「qty」という項目がありません。',
      'total: 「手数料の合計（円）」: 「total」は繰り返しグループではないため、sum・count に使えません。',
      'total: 「手数料の合計（円）」: 「items」は繰り返しグループです。sum(items, …) か count(items) の形で使ってください。',
      'average: 計算項目「平均」は数値の項目にしてください。',
      'average: 計算項目「平均」は読み取り専用（readOnly）にしてください。',
      'average: 「平均」: 式の4文字目あたりが読み取れません（括弧・引用符・演算子を確認してください）。',
    ]);
  });

  test('the names a field may use: its row first, then the form’s, groups with their rows', () => {
    const names = calcNamesFor(sodai, 'items');
    expect(names.slice(0, 3).map((n) => n.name)).toEqual(['kind', 'count', 'subtotal']);
    const items = calcNamesFor(sodai, '').find((n) => n.name === 'items');
    expect(items?.kind).toBe('group');
    expect(items?.row?.map((n) => n.name)).toEqual(['kind', 'count', 'subtotal']);
  });
});

describe('the shared validator (intake, corrections, signing)', () => {
  const fee = { type: 'object', properties: { n: { type: 'integer', maximum: 1e12 }, fee: { type: 'integer', title: '手数料（円）', readOnly: true, 'x-calc': 'n * n' } } } as JsonSchema;

  test('stores the computed value and refuses, in the resident’s language, one that cannot be computed', () => {
    const v = new FormValidator();
    expect(v.validate('fee@1', fee, { n: 3, fee: 1 })).toMatchObject({ valid: true, data: { n: 3, fee: 9 } });
    const en = v.validate('fee@1', fee, { n: 1e9 }, 'en');
    expect(en.valid).toBe(false);
    expect(en.errors).toEqual([{ pointer: '/fee', property: '.fee', label: '手数料（円）', keyword: 'x-calc', message: expect.stringMatching(/^「手数料（円）」: The result is too large/) }]);
    expect(v.validate('fee@1', fee, { n: 1e9 }, 'ja').errors[0]!.message).toMatch(/^「手数料（円）」：計算結果が大きすぎます/);
  });

  test('a schema whose x-calc or table is not of the right shape does not compile', () => {
    const v = new FormValidator();
    expect(() => v.compile('bad@1', { type: 'object', properties: { t: { type: 'integer', 'x-calc': 5 } } } as JsonSchema)).toThrow();
    expect(() => v.compile('bad@2', { type: 'object', 'x-lookup-tables': { fees: { rows: [{ key: 'a', value: 'x' }] } } } as JsonSchema)).toThrow();
  });
});

test('amounts read in yen when the title says 円, otherwise with their x-unit', () => {
  expect(formatAmount({ type: 'integer', title: '手数料の合計（円）' } as JsonSchema, 2500)).toBe('2,500円');
  expect(formatAmount({ type: 'integer', title: '手数料の合計（円）' } as JsonSchema, 2500, 'en')).toBe('¥2,500');
  expect(formatAmount({ type: 'integer', title: '参加人数', 'x-unit': '人' } as JsonSchema, 1200)).toBe('1,200人');
  expect(formatAmount({ type: 'integer', title: '点数' } as JsonSchema, 1200)).toBe('1,200');
});
