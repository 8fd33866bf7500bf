/**
 * What a form's regular expressions (`pattern`, `patternProperties`) must be
 * to be saved or published: valid JavaScript (the browser runs them), within
 * RE2's syntax (the server runs them in linear time: no lookaround, no
 * backreferences), of reasonable size, and on fields no longer than the
 * pattern length cap. Whether a pattern backtracks catastrophically in the
 * browser is decided by the server's ReDoS checker (it needs Node).
 */
import type { JsonSchema } from '../form/jsonSchema';
import { UnsupportedPatternError, compileLinear } from './linearRegExp';
import { MAX_PATTERN_INPUT_LENGTH, collectPatterns, type SchemaPattern } from './patternLimits';

/** Longest pattern accepted (characters of its source); the presets' longest is about 40. */
export const MAX_PATTERN_SOURCE_LENGTH = 500;

export interface PatternProblem {
  /** The field path, or `schema` for the form itself. */
  where: string;
  /** The field path, when the pattern sits on a field. */
  path?: string;
  message: string;
}

/** Why one pattern cannot be used, in Japanese with a short English gloss; undefined when it can. */
export function patternSyntaxMessage(p: Pick<SchemaPattern, 'pattern' | 'label'>): string | undefined {
  const name = `「${p.label || 'フォーム'}」の入力形式（${p.pattern.length > 60 ? `${p.pattern.slice(0, 60)}…` : p.pattern}）`;
  if (p.pattern.length > MAX_PATTERN_SOURCE_LENGTH) {
    return `${name}が長すぎます。${MAX_PATTERN_SOURCE_LENGTH}文字以内にしてください（pattern longer than ${MAX_PATTERN_SOURCE_LENGTH} characters）。`;
  }
  try {
    compileLinear(p.pattern);
    return undefined;
  } catch (error) {
    if (!(error instanceof UnsupportedPatternError)) return `${name}は正規表現として正しくありません（invalid regular expression: ${(error as Error).message}）。`;
    if (error.construct === 'lookaround') return `${name}に先読み・後読み（「(?=」「(?!」「(?<=」「(?<!」）は使えません（lookahead and lookbehind are not supported）。`;
    if (error.construct === 'backreference') return `${name}に後方参照（「\\1」「\\k<名前>」など）は使えません（backreferences are not supported）。`;
    return `${name}に、使えない書き方が含まれています（not supported: ${error.message}）。`;
  }
}

/** Every problem with the regular expressions of a form schema; empty when all can be used. */
export function patternProblems(schema: JsonSchema): PatternProblem[] {
  const problems: PatternProblem[] = [];
  for (const p of collectPatterns(schema)) {
    const at = p.path ? { where: p.path, path: p.path } : { where: 'schema' };
    const message = patternSyntaxMessage(p);
    if (message) problems.push({ ...at, message });
    if (p.keyword === 'pattern' && p.maxLength !== undefined && p.maxLength > MAX_PATTERN_INPUT_LENGTH) {
      problems.push({
        ...at,
        message: `「${p.label || 'フォーム'}」は入力形式が決まっているため、最大文字数は${MAX_PATTERN_INPUT_LENGTH}文字以下にしてください（fields with a pattern accept at most ${MAX_PATTERN_INPUT_LENGTH} characters）。`,
      });
    }
  }
  return problems;
}
