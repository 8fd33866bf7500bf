/**
 * Refuses forms whose regular expressions would freeze a resident's browser.
 * The server itself runs patterns on RE2 (linear time, shared/linearRegExp),
 * but the browser runs them on its backtracking RegExp, where `^(a+)+$`
 * takes seconds per extra character. Each pattern must first pass the shared
 * rules (valid JavaScript, RE2 syntax, size: patternRules.ts), then `recheck`,
 * a ReDoS checker that decides by automata theory (fuzzing as a fallback)
 * whether a pattern can backtrack super-linearly. Exponential and polynomial
 * verdicts are refused; so is a pattern it cannot decide within the time limit.
 *
 * recheck runs off the event loop: its native helper (a binary shipped in the
 * registry package `recheck-linux-x64`, …) as a child process, or its pure-JS
 * build in a worker thread where there is none (RECHECK_BACKEND picks one).
 */
import { check, type Diagnostics } from 'recheck';
import { collectPatterns, patternSyntaxMessage, type DraftProblem, type FormDocument } from '@madoguchi/shared';

/** Time recheck may take for one pattern; safe patterns are decided in milliseconds. */
const CHECK_TIMEOUT_MS = 3000;
/** Time all the patterns of one form may take together. */
const FORM_TIMEOUT_MS = 15_000;
/** Distinct patterns one form may have (the presets have at most a handful). */
export const MAX_PATTERNS_PER_FORM = 100;

type Verdict = 'safe' | 'exponential' | 'polynomial' | 'undecided';

/** Verdicts by pattern; only definite ones are kept (a timeout may succeed another time). */
const verdicts = new Map<string, Verdict>();
const MAX_REMEMBERED = 1000;

function verdictOf(d: Diagnostics): Verdict {
  if (d.status === 'safe') return 'safe';
  if (d.status === 'vulnerable') return d.complexity.type;
  return 'undecided';
}

/** recheck's verdict on one pattern (as the browser runs it: `u` flag). */
export async function redosVerdict(pattern: string, signal?: AbortSignal): Promise<Verdict> {
  const known = verdicts.get(pattern);
  if (known) return known;
  let verdict: Verdict;
  try {
    verdict = verdictOf(await check(pattern, 'u', { timeout: CHECK_TIMEOUT_MS, ...(signal ? { signal } : {}) }));
  } catch {
    verdict = 'undecided';
  }
  if (verdict !== 'undecided') {
    if (verdicts.size >= MAX_REMEMBERED) verdicts.delete(verdicts.keys().next().value!);
    verdicts.set(pattern, verdict);
  }
  return verdict;
}

const label = (l: string) => `「${l || 'フォーム'}」の入力形式`;
const REFUSALS: Record<Exclude<Verdict, 'safe'>, (l: string, p: string) => string> = {
  exponential: (l, p) =>
    `${label(l)}（${p}）は、入力によっては処理に極端な時間がかかるため使えません（ReDoS: exponential backtracking）。「(a+)+」のような繰り返しの入れ子や、同じ文字に当てはまる選択肢の繰り返しを避けてください。`,
  polynomial: (l, p) =>
    `${label(l)}（${p}）は、長い入力で処理に時間がかかるため使えません（ReDoS: polynomial backtracking）。先頭に「^」を付ける、重なり合う繰り返しを1つにするなどして書き換えてください。`,
  undecided: (l, p) => `${label(l)}（${p}）が安全かどうかを確かめられませんでした。もっと単純な形にしてください（the ReDoS check did not finish）。`,
};

/** Every pattern of the form that cannot be used: bad syntax, or backtracking a browser cannot bear. */
export async function unsafePatternProblems(doc: FormDocument): Promise<DraftProblem[]> {
  const patterns = collectPatterns(doc.schema);
  const problems: DraftProblem[] = [];
  const distinct = new Set(patterns.map((p) => p.pattern));
  if (distinct.size > MAX_PATTERNS_PER_FORM) {
    return [{ where: 'schema', message: `入力形式（pattern）の種類が多すぎます（${distinct.size}種類）。1つの手続で${MAX_PATTERNS_PER_FORM}種類までにしてください。` }];
  }
  const signal = AbortSignal.timeout(FORM_TIMEOUT_MS);
  const checked = new Map<string, Promise<Verdict>>();
  for (const p of patterns) {
    const at = p.path ? { where: p.path, path: p.path } : { where: 'schema' };
    const syntax = patternSyntaxMessage(p);
    if (syntax) {
      problems.push({ ...at, message: syntax });
      continue;
    }
    if (!checked.has(p.pattern)) checked.set(p.pattern, redosVerdict(p.pattern, signal));
    const verdict = await checked.get(p.pattern)!;
    if (verdict !== 'safe') problems.push({ ...at, message: REFUSALS[verdict](p.label, p.pattern) });
  }
  return problems;
}
