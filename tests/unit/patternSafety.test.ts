/**
 * Staff-defined patterns cannot freeze the server or a resident's browser:
 * the server runs them in linear time (RE2 via re2js, same meaning as
 * JavaScript's RegExp), no pattern runs on an over-long string, and the
 * catalog's ReDoS check (recheck) refuses patterns that backtrack badly.
 */
import {
  FormValidator,
  MAX_PATTERN_INPUT_LENGTH,
  UnsupportedPatternError,
  collectPatterns,
  compileLinear,
  effectiveMaxLength,
  patternProblems,
  withPatternLengthCap,
  type FormDocument,
  type JsonSchema,
} from '@madoguchi/shared';
import { redosVerdict, unsafePatternProblems } from '../../server/src/modules/catalog/patternSafety';
import { allPresets } from '../helpers/testApp';

const field = (pattern: string, extra: JsonSchema = {}): JsonSchema => ({ type: 'object', properties: { code: { type: 'string', title: '整理番号', pattern, ...extra } } });

describe('the linear-time engine', () => {
  it('finishes a catastrophic pattern on a long input (backtracking would take hours)', () => {
    const validator = new FormValidator();
    const outcome = validator.validate('redos', field('^(a+)+$'), { code: 'a'.repeat(5000) + '!' });
    expect(outcome.valid).toBe(false);
    const short = validator.validate('redos', field('^(a+)+$'), { code: 'a'.repeat(500) + '!' });
    expect(short.errors.map((e) => e.keyword)).toEqual(['pattern']);
    expect(validator.validate('redos', field('^(a+)+$'), { code: 'aaaa' }).valid).toBe(true);
  });

  const patterns = [
    ...new Set(allPresets().flatMap((p) => collectPatterns(p.schema).map((c) => c.pattern))),
    '^\\s*$',
    '^\\S+$',
    '^[\\S]+$',
    '^[^\\s]+$',
    '^.$',
    'a.b',
    '^[\\u30A0-\\u30FF]+$',
    '^\\u{1F600}$',
    '^\\uD83D\\uDE00$',
    '^[]$',
    '^[^]$',
    '^\\p{Script=Katakana}+$',
    '^\\p{L}+$',
    '\\bfoo\\b',
    '^[\\b]$',
    '^\\cJ$',
    '^(?<year>[0-9]{4})$',
    '^[ァ-ヶー　]+$',
    '^[\\]a]+$',
    '^[0-9]{3}-?[0-9]{4}$',
    '^[[:alpha:]+$',
    '😀+',
  ];
  const inputs = [
    '',
    '1234567',
    '123-4567',
    ' ',
    '\u3000',
    '\t',
    'a b',
    '😀',
    '\r',
    '\n',
    '\u2028',
    'アイウ',
    'カ　タ',
    'foo',
    'a foo b',
    '\b',
    '2024',
    '2024-04',
    ']a',
    'a\nb',
    'axb',
    'AB12345678',
    '12:30',
    '123456',
    '12345678',
    '09',
    'abc-123',
    'alpha',
    '[:]',
    '[:a]]',
  ];

  it.each(patterns)("gives JavaScript's answers for %s", (pattern) => {
    const js = new RegExp(pattern, 'u');
    const linear = compileLinear(pattern);
    for (const input of inputs) expect([input, linear.test(input)]).toEqual([input, js.test(input)]);
  });

  it('counts the ideographic space as white space, as browsers do', () => {
    expect(compileLinear('^\\s$').test('\u3000')).toBe(true);
    expect(compileLinear('^\\S$').test('\u3000')).toBe(false);
  });

  it('refuses what RE2 cannot run: lookaround and backreferences', () => {
    for (const [pattern, construct] of [
      ['^(?=\\d)\\d+$', 'lookaround'],
      ['(?<!a)b', 'lookaround'],
      ['(a)\\1', 'backreference'],
      ['(?<n>a)\\k<n>', 'backreference'],
    ] as const) {
      expect(() => compileLinear(pattern)).toThrow(UnsupportedPatternError);
      try {
        compileLinear(pattern);
      } catch (error) {
        expect((error as UnsupportedPatternError).construct).toBe(construct);
      }
    }
    expect(() => compileLinear('[')).toThrow(SyntaxError);
  });
});

describe('the length cap', () => {
  it('caps strings with a pattern at MAX_PATTERN_INPUT_LENGTH and keeps lower limits', () => {
    expect(effectiveMaxLength({ type: 'string', pattern: '^a+$' })).toBe(MAX_PATTERN_INPUT_LENGTH);
    expect(effectiveMaxLength({ type: 'string', pattern: '^a+$', maxLength: 8 })).toBe(8);
    expect(effectiveMaxLength({ type: 'string' })).toBeUndefined();
    expect(withPatternLengthCap(field('^a+$')).properties.code.maxLength).toBe(MAX_PATTERN_INPUT_LENGTH);
  });

  it('never runs a pattern on a longer string, and says the limit in words', () => {
    const outcome = new FormValidator().validate('cap', field('^[0-9]+$'), { code: '1'.repeat(MAX_PATTERN_INPUT_LENGTH + 1) });
    expect(outcome.errors.map((e) => e.keyword)).toEqual(['maxLength', 'pattern']);
    expect(outcome.errors[0]!.message).toBe(`${MAX_PATTERN_INPUT_LENGTH}文字以内で入力してください。`);
    expect(new FormValidator().validate('cap', field('^[0-9]+$'), { code: '1'.repeat(MAX_PATTERN_INPUT_LENGTH) }).valid).toBe(true);
  });
});

describe('pattern rules (shared, before any ReDoS check)', () => {
  it('names the field and says why, in Japanese with an English gloss', () => {
    const problems = patternProblems({
      type: 'object',
      properties: {
        ahead: { type: 'string', title: '郵便番号', pattern: '^(?=\\d)\\d+$' },
        back: { type: 'string', title: '記号', pattern: '^(a)\\1$' },
        broken: { type: 'string', title: '番号', pattern: '[' },
        long: { type: 'string', title: '備考', pattern: '^[^<>]*$', maxLength: 5000 },
      },
    });
    expect(problems.map((p) => [p.path, p.message])).toEqual([
      ['ahead', expect.stringMatching(/^「郵便番号」の入力形式（\^\(\?=\\d\)\\d\+\$）に先読み・後読み.*lookahead and lookbehind are not supported/)],
      ['back', expect.stringMatching(/^「記号」の入力形式.*後方参照.*backreferences are not supported/)],
      ['broken', expect.stringMatching(/^「番号」の入力形式.*正規表現として正しくありません/)],
      ['long', `「備考」は入力形式が決まっているため、最大文字数は${MAX_PATTERN_INPUT_LENGTH}文字以下にしてください（fields with a pattern accept at most ${MAX_PATTERN_INPUT_LENGTH} characters）。`],
    ]);
  });
});

describe('the ReDoS check (recheck)', () => {
  it.each(['^(a+)+$', '^(a|a)*$', '^(a|aa)+$', '(a*)*b', '^(\\d+)*x$', '^([a-z]+\\s?)+$', '^(.*a){12}$', '\\s*$', '^(\\w+\\s?)*$'])('refuses %s', async (pattern) => {
    expect(await redosVerdict(pattern)).not.toBe('safe');
  });

  it.each(['^[0-9]+$', '^[A-Za-z0-9]+$', '^[0-9]{3}-?[0-9]{4}$', '^[ァ-ヶー　]+$', '^[^@\\s]+@[^@\\s]+$', '^\\d{1,8}$'])('accepts %s', async (pattern) => {
    expect(await redosVerdict(pattern)).toBe('safe');
  });

  it('says which field of a form has an unsafe pattern', async () => {
    const doc = {
      procedure: {},
      uiSchema: {},
      schema: { type: 'object', properties: { a: { type: 'string', title: '会員番号', pattern: '^(a+)+$' }, b: { type: 'string', title: '電話', pattern: '^[0-9-]+$' } } },
    } as unknown as FormDocument;
    const problems = await unsafePatternProblems(doc);
    expect(problems).toEqual([
      { where: 'a', path: 'a', message: expect.stringMatching(/^「会員番号」の入力形式（\^\(a\+\)\+\$）は、入力によっては処理に極端な時間がかかるため使えません（ReDoS: exponential backtracking）/) },
    ]);
  });
});
