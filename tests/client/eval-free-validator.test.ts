/**
 * The eval-free validator (used where the page's CSP forbids `eval`, which
 * ajv needs) must agree with the shared ajv validator: same errors, same
 * messages, same normalised data, on every preset's example and on many
 * broken variants of it.
 */
import { FormValidator, MAX_PATTERN_INPUT_LENGTH, localizeErrors, type FieldError, type JsonSchema } from '@madoguchi/shared';
import { loadPresets } from '@madoguchi/presets';
import { loadClient } from './clientModules';
import type { Answers } from '../helpers/answers';
import { todayInJapan } from '@madoguchi/shared';

type Interpret = (schema: JsonSchema, data: unknown) => { valid: boolean; data: unknown; errors: Parameters<typeof localizeErrors>[0] };
const { interpretSchema } = loadClient<{ interpretSchema: Interpret }>('resident/form/evalFree/interpretSchema');
const { inputHints } = loadClient<{ inputHints: (schema: JsonSchema) => { maxLength?: number } }>('resident/form/templates/BaseInputTemplate');

const ajv = new FormValidator();
const key = (errors: FieldError[]) => errors.map((e) => `${e.pointer}|${e.keyword}|${e.message}`).sort();

/** Every leaf of the example, as a path. */
function leaves(value: unknown, path: Array<string | number> = []): Array<Array<string | number>> {
  if (Array.isArray(value)) return value.some((v) => typeof v === 'object') ? value.flatMap((v, i) => leaves(v, [...path, i])) : [path];
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => leaves(v, [...path, k]));
  return [path];
}

function withValue(data: unknown, path: Array<string | number>, replace: (old: unknown) => unknown): unknown {
  const copy = JSON.parse(JSON.stringify(data));
  let node = copy;
  for (const segment of path.slice(0, -1)) node = node[segment];
  const last = path[path.length - 1]!;
  const next = replace(node[last]);
  if (next === undefined) delete node[last];
  else node[last] = next;
  return copy;
}

/** Broken variants: each answer removed, emptied, of the wrong type, or written in half-width kana. */
function variants(example: Record<string, unknown>): unknown[] {
  const out: unknown[] = [{}, example];
  for (const path of leaves(example)) {
    out.push(withValue(example, path, () => undefined));
    out.push(withValue(example, path, (old) => (typeof old === 'string' ? '' : typeof old === 'number' ? -7.5 : typeof old === 'boolean' ? !old : ['x'])));
    out.push(withValue(example, path, (old) => (typeof old === 'string' ? 'ｱｲｳ１２３-x'.repeat(12) : 'text')));
  }
  return out;
}

describe.each(loadPresets().map((p) => [p.procedure.id, p] as const))('%s', (id, preset) => {
  it('gives the same errors, messages and normalised data as ajv', () => {
    expect(preset.example).toBeDefined();
    let compared = 0;
    for (const data of variants(preset.example!)) {
      const expected = ajv.validate(id, preset.schema, data, 'ja');
      const result = interpretSchema(preset.schema, data);
      const actual = result.valid ? [] : localizeErrors(result.errors, preset.schema, 'ja');
      expect({ valid: result.valid, errors: key(actual) }).toEqual({ valid: expected.valid, errors: key(expected.errors) });
      if (expected.valid) expect(result.data).toEqual(expected.data);
      compared++;
    }
    expect(compared).toBeGreaterThan(20);
  });
});

describe('annotation keywords', () => {
  it('ignores x-sensitive (on a field, a $ref block and a group) exactly as ajv does', () => {
    const schema: JsonSchema = {
      type: 'object',
      required: ['account', 'illness'],
      definitions: { account: { type: 'object', required: ['number'], properties: { number: { type: 'string', pattern: '^[0-9]{7}$' } } } },
      properties: {
        account: { $ref: '#/definitions/account', title: '口座', 'x-sensitive': true },
        illness: { type: 'string', title: '病名', maxLength: 5, 'x-sensitive': true },
        myNumber: { type: 'string', title: '個人番号', format: 'my-number', 'x-sensitive': true },
      },
    };
    for (const data of [{ account: { number: '1234567' }, illness: '風邪' }, { account: { number: 'x' }, illness: 'とても長い病名です' }, {}]) {
      const expected = ajv.validate('x-sensitive', schema, data, 'ja');
      const result = interpretSchema(schema, data);
      const actual = result.valid ? [] : localizeErrors(result.errors, schema, 'ja');
      expect({ valid: result.valid, errors: key(actual) }).toEqual({ valid: expected.valid, errors: key(expected.errors) });
    }
  });
});

describe('the pattern length cap', () => {
  it('caps strings with a pattern and never runs the pattern on a longer one, exactly as ajv does', () => {
    const schema: JsonSchema = {
      type: 'object',
      properties: {
        code: { type: 'string', title: '番号', pattern: '^[0-9]+$' },
        short: { type: 'string', title: '記号', pattern: '^[0-9]+$', maxLength: 4 },
        // Backtracks for hours on the long input below in any backtracking engine; the cap means it never runs on it.
        redos: { type: 'string', title: '会員番号', pattern: '^(a+)+$' },
      },
    };
    const long = 'a'.repeat(MAX_PATTERN_INPUT_LENGTH * 2) + '!';
    for (const data of [
      { code: '1'.repeat(MAX_PATTERN_INPUT_LENGTH) },
      { code: '1'.repeat(MAX_PATTERN_INPUT_LENGTH + 1), short: '12345' },
      { code: '😀'.repeat(MAX_PATTERN_INPUT_LENGTH) },
      { redos: long },
    ]) {
      const expected = ajv.validate('pattern-cap', schema, data, 'ja');
      const result = interpretSchema(schema, data);
      const actual = result.valid ? [] : localizeErrors(result.errors, schema, 'ja');
      expect({ valid: result.valid, errors: key(actual) }).toEqual({ valid: expected.valid, errors: key(expected.errors) });
    }
    // The input itself stops at the cap, so a resident never gets that far.
    expect(inputHints(schema.properties.redos).maxLength).toBe(MAX_PATTERN_INPUT_LENGTH);
    expect(inputHints(schema.properties.short).maxLength).toBe(4);
    expect(inputHints({ type: 'string' }).maxLength).toBeUndefined();
    expect(key(localizeErrors(interpretSchema(schema, { redos: long }).errors, schema, 'ja'))).toEqual([
      `/redos|maxLength|${MAX_PATTERN_INPUT_LENGTH}文字以内で入力してください。`,
      '/redos|pattern|入力の形式が正しくありません。半角数字や桁数を確認してください。',
    ]);
  });
});

describe('date windows, derived answers and own messages (x-fiscal-age, x-within-days, x-pregnancy-months, x-messages)', () => {
  const presets = loadPresets();
  const preset = (id: string) => presets.find((p) => p.procedure.id === id)!;
  const today = todayInJapan();
  const yearsAgo = (n: number) => `${Number(today.slice(0, 4)) - n}${today.slice(4)}`;
  const daysAgo = (n: number) => new Date(Date.parse(today) - n * 86_400_000).toISOString().slice(0, 10);
  const agree = (id: string, data: unknown) => {
    const schema = preset(id).schema;
    const expected = ajv.validate(`${id}-windows`, schema, data, 'ja');
    const result = interpretSchema(schema, data);
    const actual = result.valid ? [] : localizeErrors(result.errors, schema, 'ja');
    expect({ valid: result.valid, errors: key(actual) }).toEqual({ valid: expected.valid, errors: key(expected.errors) });
    if (expected.valid) expect(result.data).toEqual(expected.data);
    return expected;
  };

  it('agrees with ajv on a child past the 高校生年代 window and on a 大学生年代 child', () => {
    const example = preset('jidou-teate-nintei').example as Answers;
    const child = { ...example.children[0], birthDate: yearsAgo(19) };
    expect(agree('jidou-teate-nintei', { ...example, children: [child] }).errors.map((e) => e.keyword)).toContain('x-fiscal-age');
    const older = { ...child, birthDate: yearsAgo(30), status: '働いている', providesCare: true, bearsLivingCost: true };
    agree('jidou-teate-nintei', { ...example, children: [{ ...child, birthDate: yearsAgo(3) }], hasOlderChildren: true, olderChildren: [older] });
  });

  it('agrees with ajv on a move-in 20 days ago, and on the 妊娠月数 written from the weeks', () => {
    const tennyu = preset('kaigo-nintei-tennyu').example as Answers;
    expect(agree('kaigo-nintei-tennyu', { ...tennyu, moveIn: { ...tennyu.moveIn, moveInDate: daysAgo(20) } }).errors.map((e) => e.keyword)).toContain('x-within-days');
    const ninshin = preset('ninshin-todoke').example as Answers;
    expect(agree('ninshin-todoke', { ...ninshin, gestationWeeks: 9, gestationMonths: 1 }).data).toMatchObject({ gestationMonths: 3 });
  });
});
