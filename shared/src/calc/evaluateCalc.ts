/**
 * The bounded evaluator of calculated values (issue #22): walks an admitted AST
 * (parseCalc.ts) over plain answer data. No eval, no host objects: names read
 * only plain own data keys, every number stays finite and within
 * CALC_LIMITS.maxMagnitude, and each run stops after CALC_LIMITS.maxSteps node
 * evaluations (rows × nodes for sums).
 */
import { CALC_LIMITS } from './limits';
import { calcError } from './calcError';
import { FORBIDDEN_NAMES, pathOf, type CalcNode } from './parseCalc';

/** One lookup table the clerk edits (`x-lookup-tables` at the schema root). */
export interface LookupTable {
  title?: string;
  keyTitle?: string;
  valueTitle?: string;
  rows: Array<{ key: string; value: number }>;
}
export type LookupTables = Record<string, LookupTable>;

export interface CalcScope {
  /** Objects names are looked up in, innermost first (a row, the object holding the field, the form root). */
  scopes: unknown[];
  tables: LookupTables;
}

type Value = number | string | boolean | null | undefined | object;

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v) && (Object.getPrototypeOf(v) === Object.prototype || Object.getPrototypeOf(v) === null);

/** An own data key of a plain object, never a getter or anything inherited. */
function ownValue(holder: unknown, key: string): { found: boolean; value?: unknown } {
  if (FORBIDDEN_NAMES.has(key) || !isPlainObject(holder)) return { found: false };
  const d = Object.getOwnPropertyDescriptor(holder, key);
  return d && 'value' in d ? { found: true, value: d.value } : { found: false };
}

function checked(n: number): number {
  if (!Number.isFinite(n) || Math.abs(n) > CALC_LIMITS.maxMagnitude)
    throw calcError(
      `計算結果が大きすぎます（${CALC_LIMITS.maxMagnitude.toLocaleString('ja-JP')}まで）。入力した数を確認してください。`,
      `The result is too large (at most ${CALC_LIMITS.maxMagnitude}). Please check the numbers entered.`,
    );
  return n === 0 ? 0 : n; // no -0
}

function toNumber(v: Value): number {
  if (typeof v === 'number') return checked(v);
  if (v === undefined || v === null || v === '') return 0;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (typeof v === 'string' && /^-?\d{1,16}(\.\d{1,16})?$/.test(v.trim())) return checked(Number(v.trim()));
  throw calcError(`「${typeof v === 'string' ? v.slice(0, 20) : '…'}」は数として計算できません。`, `"${typeof v === 'string' ? v.slice(0, 20) : '…'}" is not a number.`);
}

const truthy = (v: Value) => (typeof v === 'number' ? v !== 0 : typeof v === 'string' ? v !== '' : Boolean(v));
const primitive = (v: Value) => (v === undefined ? null : typeof v === 'object' && v !== null ? null : v);

function arrayAt(v: Value, name: string): unknown[] {
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v)) throw calcError(`「${name}」は繰り返しグループではありません。`, `${name} is not a repeating group.`);
  return v;
}

/** Evaluates an admitted expression; throws CalcError (ja/en) when it cannot be computed. */
export function evaluateCalcAst(ast: CalcNode, scope: CalcScope): number {
  let steps = 0;
  // Each table is indexed once per run, so a lookup costs one step whatever the table's size.
  const indexes = new Map<string, Map<string, unknown>>();
  const step = () => {
    steps += 1;
    if (steps > CALC_LIMITS.maxSteps) throw calcError('計算量が上限を超えました。式または行数を減らしてください。', 'The calculation does too much work. Please shorten the expression or the rows.');
  };
  const resolve = (path: string[], scopes: unknown[]): Value => {
    for (const s of scopes) {
      const head = ownValue(s, path[0]!);
      if (!head.found) continue;
      let v: unknown = head.value;
      for (const p of path.slice(1)) v = ownValue(v, p).value;
      return v as Value;
    }
    return undefined;
  };
  const ev = (node: CalcNode, scopes: unknown[]): Value => {
    step();
    switch (node.type) {
      case 'Literal':
        return node.value as Value;
      case 'Identifier':
      case 'MemberExpression':
        return resolve(pathOf(node) ?? [], scopes);
      case 'UnaryExpression': {
        const v = ev(node.argument as CalcNode, scopes);
        if (node.operator === '!') return !truthy(v);
        return checked(node.operator === '-' ? -toNumber(v) : toNumber(v));
      }
      case 'BinaryExpression': {
        const op = String(node.operator);
        if (op === '&&') return truthy(ev(node.left as CalcNode, scopes)) && truthy(ev(node.right as CalcNode, scopes));
        if (op === '||') return truthy(ev(node.left as CalcNode, scopes)) || truthy(ev(node.right as CalcNode, scopes));
        const l = ev(node.left as CalcNode, scopes);
        const r = ev(node.right as CalcNode, scopes);
        if (op === '==' || op === '===') return primitive(l) === primitive(r);
        if (op === '!=' || op === '!==') return primitive(l) !== primitive(r);
        if ((op === '<' || op === '<=' || op === '>' || op === '>=') && typeof l === 'string' && typeof r === 'string') {
          return op === '<' ? l < r : op === '<=' ? l <= r : op === '>' ? l > r : l >= r;
        }
        const a = toNumber(l);
        const b = toNumber(r);
        switch (op) {
          case '+':
            return checked(a + b);
          case '-':
            return checked(a - b);
          case '*':
            return checked(a * b);
          case '/':
          case '%':
            if (b === 0) throw calcError('0で割ることはできません。', 'Division by zero.');
            return checked(op === '/' ? a / b : a % b);
          case '<':
            return a < b;
          case '<=':
            return a <= b;
          case '>':
            return a > b;
          case '>=':
            return a >= b;
        }
        throw calcError(`演算子「${op}」は使えません。`, `The operator ${op} cannot be used.`);
      }
      case 'CallExpression': {
        const name = String((node.callee as CalcNode).name);
        const args = node.arguments as CalcNode[];
        switch (name) {
          case 'if':
            return truthy(ev(args[0]!, scopes)) ? ev(args[1]!, scopes) : ev(args[2]!, scopes);
          case 'count': {
            const path = pathOf(args[0]!) ?? [];
            return arrayAt(resolve(path, scopes), path.join('.')).length;
          }
          case 'sum': {
            const path = pathOf(args[0]!) ?? [];
            let total = 0;
            for (const row of arrayAt(resolve(path, scopes), path.join('.'))) total = checked(total + toNumber(ev(args[1]!, [row, ...scopes])));
            return total;
          }
          case 'lookup': {
            const tableName = String((args[0]! as CalcNode).value);
            const table = ownValue(scope.tables, tableName).value as LookupTable | undefined;
            if (!table || !Array.isArray(table.rows)) throw calcError(`表「${tableName}」がありません。`, `There is no table ${tableName}.`);
            let index = indexes.get(tableName);
            if (!index) {
              index = new Map();
              for (const r of table.rows) {
                step();
                if (isPlainObject(r) && !index.has(String(r.key))) index.set(String(r.key), r.value);
              }
              indexes.set(tableName, index);
            }
            const key = primitive(ev(args[1]!, scopes));
            if (key === null || key === '') return 0;
            return index.has(String(key)) ? toNumber(index.get(String(key)) as Value) : 0;
          }
          case 'min':
          case 'max': {
            const values = args.map((a) => toNumber(ev(a, scopes)));
            return name === 'min' ? Math.min(...values) : Math.max(...values);
          }
          case 'round':
            return checked(Math.round(toNumber(ev(args[0]!, scopes))));
          case 'floor':
            return checked(Math.floor(toNumber(ev(args[0]!, scopes))));
          case 'ceil':
            return checked(Math.ceil(toNumber(ev(args[0]!, scopes))));
        }
        throw calcError(`関数「${name}」はありません。`, `There is no function ${name}.`);
      }
    }
    throw calcError('この書き方は使えません。', 'This kind of expression cannot be used.');
  };
  const result = ev(ast, scope.scopes);
  return toNumber(result);
}
