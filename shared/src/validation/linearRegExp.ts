/**
 * `pattern` evaluated in linear time. JavaScript's RegExp backtracks: a staff
 * pattern such as `^(a+)+$` takes seconds per extra character of input. ajv
 * lets us swap its regular-expression engine (`code.regExp`); this one runs
 * the pattern on re2js, a pure-JavaScript port of RE2 (no backtracking, so
 * time grows with the input's length only).
 *
 * Schemas are written in JavaScript's syntax (with the `u` flag, as ajv and
 * the browser use them), so each pattern is translated to RE2 syntax with the
 * same meaning: `\uXXXX` escapes, `\s` (JavaScript counts the ideographic
 * space U+3000 as white space, RE2 does not), `.`, `[]`/`[^]`, `\p{Script=…}`.
 * What RE2 cannot do at all (lookaround, backreferences) is refused with
 * `UnsupportedPatternError`; the catalog refuses such patterns at save.
 */
import { RE2JS } from 're2js';
import type { CodeOptions } from 'ajv';
import { patternInputTooLong } from './patternLimits';

/** Why a JavaScript pattern has no RE2 equivalent. */
export type UnsupportedConstruct = 'lookaround' | 'backreference' | 'syntax';

export class UnsupportedPatternError extends Error {
  constructor(
    readonly construct: UnsupportedConstruct,
    detail: string,
  ) {
    super(detail);
    this.name = 'UnsupportedPatternError';
  }
}

/** Code points JavaScript's `\s` matches (ECMAScript WhiteSpace and LineTerminator). */
const JS_WHITE_SPACE = [0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x20, 0xa0, 0x1680, ...range(0x2000, 0x200a), 0x2028, 0x2029, 0x202f, 0x205f, 0x3000, 0xfeff];
/** What JavaScript's `.` does not match without the `s` flag. */
const JS_LINE_TERMINATORS = [0x0a, 0x0d, 0x2028, 0x2029];
const MAX_CODE_POINT = 0x10ffff;

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}
const hex = (cp: number) => `\\x{${cp.toString(16).toUpperCase()}}`;
/** The members of a set of code points as RE2 class contents (`\x{9}-\x{D}\x{20}…`). */
function classContents(codePoints: number[]): string {
  const sorted = [...new Set(codePoints)].sort((a, b) => a - b);
  let out = '';
  for (let i = 0; i < sorted.length;) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j]! + 1) j++;
    out += j > i ? `${hex(sorted[i]!)}-${hex(sorted[j]!)}` : hex(sorted[i]!);
    i = j + 1;
  }
  return out;
}
/** The complement of a set of code points as RE2 class contents (for `\S` inside a class). */
function complementContents(codePoints: number[]): string {
  const sorted = [...new Set(codePoints)].sort((a, b) => a - b);
  const parts: string[] = [];
  let next = 0;
  for (const cp of sorted) {
    if (cp > next) parts.push(cp - 1 > next ? `${hex(next)}-${hex(cp - 1)}` : hex(next));
    next = cp + 1;
  }
  if (next <= MAX_CODE_POINT) parts.push(`${hex(next)}-${hex(MAX_CODE_POINT)}`);
  return parts.join('');
}

const WHITE_SPACE = classContents(JS_WHITE_SPACE);
const NOT_WHITE_SPACE = complementContents(JS_WHITE_SPACE);
const ANY_BUT_LINE_TERMINATOR = `[^${classContents(JS_LINE_TERMINATORS)}]`;
const EVERYTHING = `\\x{0}-\\x{10FFFF}`;

const HEX4 = /^[0-9A-Fa-f]{4}$/;

/**
 * Translates a JavaScript (`u` flag) pattern into RE2 syntax with the same
 * meaning. Assumes the pattern is valid JavaScript (check that first); throws
 * `UnsupportedPatternError` for lookaround and backreferences.
 */
export function toRe2Syntax(pattern: string): string {
  let out = '';
  let inClass = false;
  let i = 0;
  const readUnicodeEscape = (): number => {
    // at "\u": "\u{…}" or "\uXXXX", a surrogate pair written as two escapes being one code point
    if (pattern[i + 2] === '{') {
      const end = pattern.indexOf('}', i + 3);
      if (end < 0) throw new UnsupportedPatternError('syntax', '\\u{');
      const cp = parseInt(pattern.slice(i + 3, end), 16);
      i = end + 1;
      return cp;
    }
    const digits = pattern.slice(i + 2, i + 6);
    if (!HEX4.test(digits)) throw new UnsupportedPatternError('syntax', '\\u');
    let cp = parseInt(digits, 16);
    i += 6;
    const low = pattern.slice(i + 2, i + 6);
    if (cp >= 0xd800 && cp <= 0xdbff && pattern.startsWith('\\u', i) && HEX4.test(low)) {
      const lo = parseInt(low, 16);
      if (lo >= 0xdc00 && lo <= 0xdfff) {
        cp = 0x10000 + ((cp - 0xd800) << 10) + (lo - 0xdc00);
        i += 6;
      }
    }
    return cp;
  };
  while (i < pattern.length) {
    const c = pattern[i]!;
    if (c === '\\') {
      const e = pattern[i + 1] ?? '';
      if (e === 'u') {
        out += hex(readUnicodeEscape());
        continue;
      }
      i += 2;
      if (e === 's') out += inClass ? WHITE_SPACE : `[${WHITE_SPACE}]`;
      else if (e === 'S') out += inClass ? NOT_WHITE_SPACE : `[^${WHITE_SPACE}]`;
      else if (e === 'c') {
        out += hex((pattern.charCodeAt(i) ?? 0) % 32);
        i += 1;
      } else if (e === '0') out += hex(0);
      else if (/[1-9]/.test(e) || e === 'k') throw new UnsupportedPatternError('backreference', `\\${e}`);
      else if (e === 'b' && inClass)
        out += hex(8); // backspace inside a class
      else if (e === 'p' || e === 'P') {
        const end = pattern.indexOf('}', i);
        const body = end > i ? pattern.slice(i + 1, end) : '';
        const [name, value] = body.includes('=') ? body.split('=', 2) : [undefined, body];
        if (name && !['Script', 'sc', 'General_Category', 'gc'].includes(name)) throw new UnsupportedPatternError('syntax', `\\${e}{${body}}`);
        out += `\\${e}{${value}}`;
        i = end + 1;
      } else out += `\\${e}`;
      continue;
    }
    if (inClass) {
      if (c === ']') inClass = false;
      // A literal `[` in a JavaScript class; RE2 would read `[[:alpha:]]` as a POSIX class.
      out += c === '[' ? '\\[' : c;
      i += 1;
      continue;
    }
    if (c === '[') {
      const negated = pattern[i + 1] === '^';
      const start = i + (negated ? 2 : 1);
      // JavaScript's empty classes: `[]` matches nothing, `[^]` any character; RE2 reads `]` there as a member.
      if (pattern[start] === ']') {
        out += negated ? `[${EVERYTHING}]` : `[^${EVERYTHING}]`;
        i = start + 1;
        continue;
      }
      out += negated ? '[^' : '[';
      inClass = true;
      i = start;
      continue;
    }
    if (c === '(' && pattern[i + 1] === '?') {
      const rest = pattern.slice(i + 2, i + 4);
      if (rest.startsWith('=') || rest.startsWith('!') || rest === '<=' || rest === '<!') throw new UnsupportedPatternError('lookaround', `(?${rest.startsWith('<') ? rest : rest[0]}`);
    }
    out += c === '.' ? ANY_BUT_LINE_TERMINATOR : c;
    i += 1;
  }
  return out;
}

/**
 * Compiles a JavaScript pattern for the linear-time engine. Throws
 * `UnsupportedPatternError` when RE2 cannot express it, a `SyntaxError`
 * when it is not a valid JavaScript pattern at all.
 */
export function compileLinear(pattern: string): RE2JS {
  new RegExp(pattern, 'u'); // what the browser will run must be valid JavaScript
  const translated = toRe2Syntax(pattern);
  try {
    return RE2JS.compile(translated);
  } catch (error) {
    throw new UnsupportedPatternError('syntax', (error as Error).message);
  }
}

/**
 * ajv's regular-expression engine: RE2 in linear time, and never on a string
 * longer than `patternInputTooLong` allows (such a string fails the pattern
 * without it being run; the schema's maxLength says why, see patternLimits).
 */
export const linearRegExp: NonNullable<CodeOptions['regExp']> = Object.assign(
  (pattern: string) => {
    const re = compileLinear(pattern);
    return {
      test: (value: string) => !patternInputTooLong(value) && re.test(value),
      // ajv keys its cache of compiled patterns by this.
      toString: () => `/${pattern}/u`,
    };
  },
  { code: 'linearRegExp' },
);
