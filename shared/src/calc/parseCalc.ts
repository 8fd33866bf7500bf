/**
 * Parsing a calculated-value expression (issue #22): jsep reads the text into
 * an AST (parse only, never eval), then this module admits only the node types,
 * operators and functions the evaluator knows, within the size bounds of
 * limits.ts. The builder, the publish checks, the browser and the server all
 * parse through here, so they accept and refuse the same expressions.
 */
import jsep from 'jsep';
import { CALC_LIMITS } from './limits';
import { CalcError, calcError, type CalcMessage } from './calcError';

export type CalcNode = jsep.Expression;

/** Functions of the language and how many arguments each takes. */
export const CALC_FUNCTIONS: Readonly<Record<string, { min: number; max: number }>> = {
  sum: { min: 2, max: 2 },
  count: { min: 1, max: 1 },
  lookup: { min: 2, max: 2 },
  min: { min: 1, max: 10 },
  max: { min: 1, max: 10 },
  round: { min: 1, max: 1 },
  floor: { min: 1, max: 1 },
  ceil: { min: 1, max: 1 },
  if: { min: 3, max: 3 },
};

export const CALC_BINARY_OPERATORS = new Set(['+', '-', '*', '/', '%', '<', '<=', '>', '>=', '==', '!=', '===', '!==', '&&', '||']);
export const CALC_UNARY_OPERATORS = new Set(['-', '+', '!']);

/** Names that would reach an object's prototype instead of an answer. */
export const FORBIDDEN_NAMES = new Set(['__proto__', 'constructor', 'prototype']);

/** A dot path the expression reads; `rowsOf` is the repeating group whose rows it is read in (inside sum). */
export interface CalcReference {
  path: string[];
  rowsOf?: string[];
  /** Named as the repeating group of sum()/count(). */
  group?: true;
}

export interface ParsedCalc {
  ast: CalcNode;
  /** Answers the expression reads (for the publish checks and the builder). */
  references: CalcReference[];
  /** Tables named in lookup(). */
  tables: string[];
}

export type CalcParseResult = { ok: true; parsed: ParsedCalc } | { ok: false; error: CalcMessage };

/** The dot path of an identifier or a chain of `.name` accesses; undefined for anything else. */
export function pathOf(node: CalcNode): string[] | undefined {
  if (node.type === 'Identifier') return [String(node.name)];
  if (node.type === 'MemberExpression' && !node.computed && (node.property as CalcNode).type === 'Identifier') {
    const head = pathOf(node.object as CalcNode);
    return head ? [...head, String((node.property as CalcNode).name)] : undefined;
  }
  return undefined;
}

function jsepMessage(e: unknown): CalcMessage {
  const err = e as { index?: number; description?: string; message?: string };
  const where = typeof err.index === 'number' ? err.index + 1 : undefined;
  const en = err.message ?? String(e);
  return {
    ja: where !== undefined ? `式の${where}文字目あたりが読み取れません（括弧・引用符・演算子を確認してください）。` : '式が読み取れません（括弧・引用符・演算子を確認してください）。',
    en: `The expression cannot be read: ${en}`,
  };
}

/** Walks the AST once: admits only known shapes and collects what it refers to. */
function admit(root: CalcNode): Omit<ParsedCalc, 'ast'> {
  const references: CalcReference[] = [];
  const tables: string[] = [];
  let nodes = 0;
  const visit = (node: CalcNode, depth: number, rowsOf: string[] | undefined): void => {
    nodes += 1;
    if (nodes > CALC_LIMITS.maxNodes) throw calcError(`式が長すぎます（要素は${CALC_LIMITS.maxNodes}個まで）。`, `The expression is too long (at most ${CALC_LIMITS.maxNodes} parts).`);
    if (depth > CALC_LIMITS.maxDepth) throw calcError(`式の入れ子が深すぎます（${CALC_LIMITS.maxDepth}段まで）。`, `The expression is nested too deeply (at most ${CALC_LIMITS.maxDepth} levels).`);
    switch (node.type) {
      case 'Literal': {
        const v = node.value;
        if (typeof v === 'number' && !(Number.isFinite(v) && Math.abs(v) <= CALC_LIMITS.maxMagnitude))
          throw calcError(
            `数値「${String(node.raw)}」が大きすぎます（${CALC_LIMITS.maxMagnitude.toLocaleString('ja-JP')}まで）。`,
            `The number ${String(node.raw)} is too large (at most ${CALC_LIMITS.maxMagnitude}).`,
          );
        if (typeof v !== 'number' && typeof v !== 'string' && typeof v !== 'boolean') throw calcError(`「${String(node.raw)}」は使えません。`, `${String(node.raw)} cannot be used.`);
        return;
      }
      case 'Identifier':
      case 'MemberExpression': {
        const path = pathOf(node);
        if (!path) throw calcError('項目は「名前」または「グループ名.名前」の形で書いてください（[ ] は使えません）。', 'Refer to answers as name or group.name (no [ ]).');
        const bad = path.find((p) => FORBIDDEN_NAMES.has(p));
        if (bad) throw calcError(`「${bad}」という名前は使えません。`, `The name ${bad} cannot be used.`);
        references.push(rowsOf ? { path, rowsOf } : { path });
        return;
      }
      case 'UnaryExpression':
        if (!CALC_UNARY_OPERATORS.has(String(node.operator))) throw calcError(`演算子「${String(node.operator)}」は使えません。`, `The operator ${String(node.operator)} cannot be used.`);
        return visit(node.argument as CalcNode, depth + 1, rowsOf);
      case 'BinaryExpression':
        if (!CALC_BINARY_OPERATORS.has(String(node.operator))) throw calcError(`演算子「${String(node.operator)}」は使えません。`, `The operator ${String(node.operator)} cannot be used.`);
        visit(node.left as CalcNode, depth + 1, rowsOf);
        return visit(node.right as CalcNode, depth + 1, rowsOf);
      case 'CallExpression': {
        const callee = node.callee as CalcNode;
        const name = callee.type === 'Identifier' ? String(callee.name) : '';
        const arity = Object.prototype.hasOwnProperty.call(CALC_FUNCTIONS, name) ? CALC_FUNCTIONS[name] : undefined;
        if (!arity)
          throw calcError(
            `関数「${name || '?'}」はありません。使える関数: ${Object.keys(CALC_FUNCTIONS).join(', ')}`,
            `There is no function ${name || '?'}. Functions: ${Object.keys(CALC_FUNCTIONS).join(', ')}`,
          );
        const args = node.arguments as CalcNode[];
        if (args.length < arity.min || args.length > arity.max) {
          const want = arity.min === arity.max ? `${arity.min}` : `${arity.min}〜${arity.max}`;
          throw calcError(`${name}() には値を${want}個書いてください（いまは${args.length}個）。`, `${name}() takes ${want} argument(s), not ${args.length}.`);
        }
        if (name === 'sum' || name === 'count') {
          const group = pathOf(args[0]!);
          if (!group || group.some((p) => FORBIDDEN_NAMES.has(p)))
            throw calcError(`${name}() の最初には繰り返しグループの名前を書いてください。`, `The first argument of ${name}() must name a repeating group.`);
          references.push(rowsOf ? { path: group, rowsOf, group: true } : { path: group, group: true });
          nodes += 1;
          if (name === 'sum') visit(args[1]!, depth + 1, group);
          return;
        }
        if (name === 'lookup') {
          const table = args[0]!;
          if (table.type !== 'Literal' || typeof table.value !== 'string')
            throw calcError(
              "lookup() の最初には表の名前を引用符で囲んで書いてください（例: lookup('fees', kind)）。",
              "The first argument of lookup() must be a quoted table name (e.g. lookup('fees', kind)).",
            );
          tables.push(table.value);
          nodes += 1;
          return visit(args[1]!, depth + 1, rowsOf);
        }
        for (const a of args) visit(a, depth + 1, rowsOf);
        return;
      }
      case 'ConditionalExpression':
        throw calcError('「? :」は使えません。if(条件, 値1, 値2) を使ってください。', 'Use if(condition, a, b) instead of ? :.');
      default:
        throw calcError('この書き方は使えません（四則演算・比較・関数だけが使えます）。', 'This kind of expression cannot be used (only arithmetic, comparisons and functions).');
    }
  };
  visit(root, 1, undefined);
  return { references, tables };
}

/** Parses and admits an expression; a clear ja/en message when it cannot be used. */
export function parseCalc(text: unknown): CalcParseResult {
  if (typeof text !== 'string' || text.trim() === '') return { ok: false, error: { ja: '計算式が空です。', en: 'The expression is empty.' } };
  if (text.length > CALC_LIMITS.maxLength)
    return { ok: false, error: { ja: `計算式が長すぎます（${CALC_LIMITS.maxLength}文字まで）。`, en: `The expression is too long (at most ${CALC_LIMITS.maxLength} characters).` } };
  let ast: CalcNode;
  try {
    ast = jsep(text);
  } catch (e) {
    return { ok: false, error: jsepMessage(e) };
  }
  try {
    return { ok: true, parsed: { ast, ...admit(ast) } };
  } catch (e) {
    if (e instanceof CalcError) return { ok: false, error: e.text };
    throw e;
  }
}
