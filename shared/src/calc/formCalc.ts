/**
 * Calculated values of a form (issue #22): every field carrying `x-calc` gets
 * the value of its expression over the answers. The server runs this at intake
 * (the stored value is its own), the resident's form as the resident types;
 * both use this one module, so they compute the same numbers.
 */
import type { JsonSchema } from '../form/jsonSchema';
import { resolveSchemaRef, schemaProperties } from '../form/schemaWalk';
import { CalcError, type CalcMessage } from './calcError';
import { evaluateCalcAst, type LookupTables } from './evaluateCalc';
import { parseCalc, type ParsedCalc } from './parseCalc';
import { CALC_KEYWORD, LOOKUP_TABLES_KEYWORD } from './keywords';

export interface CalcProblem {
  /** JSON pointer of the calculated field. */
  pointer: string;
  /** Its title (or key). */
  label: string;
  message: CalcMessage;
}

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const escapePointer = (k: string) => k.replace(/~/g, '~0').replace(/\//g, '~1');

export function lookupTablesOf(schema: JsonSchema): LookupTables {
  const t = (schema as Record<string, unknown>)[LOOKUP_TABLES_KEYWORD];
  return isPlainObject(t) ? (t as LookupTables) : {};
}

// Parsed expressions by text: the resident's form recomputes on every keystroke.
const parsedCache = new Map<string, ReturnType<typeof parseCalc>>();
function parsedOf(text: string): ReturnType<typeof parseCalc> {
  let p = parsedCache.get(text);
  if (!p) {
    p = parseCalc(text);
    if (parsedCache.size > 500) parsedCache.clear();
    parsedCache.set(text, p);
  }
  return p;
}

/** Computes one expression in the scopes given (innermost first). */
export function computeCalc(expression: string | ParsedCalc, scopes: unknown[], tables: LookupTables): { ok: true; value: number } | { ok: false; error: CalcMessage } {
  const parsed = typeof expression === 'string' ? parsedOf(expression) : ({ ok: true, parsed: expression } as const);
  if (!parsed.ok) return parsed;
  try {
    return { ok: true, value: evaluateCalcAst(parsed.parsed.ast, { scopes, tables }) };
  } catch (e) {
    if (e instanceof CalcError) return { ok: false, error: e.text };
    throw e;
  }
}

/**
 * Returns a copy of `data` with every calculated field set to its computed
 * value (whatever was there before), and the fields that could not be computed.
 * A calculated field inside a conditional branch is only written when the
 * answers already hold it (the branch is shown); integer fields are rounded.
 */
export function applyCalculations(schema: JsonSchema, data: unknown): { data: unknown; problems: CalcProblem[] } {
  const problems: CalcProblem[] = [];
  const tables = lookupTablesOf(schema);
  const copy: unknown = structuredCloneJson(data);
  // First every calculated value the answers brought is removed (a later field must never read the client's
  // number), then each is computed in form order.
  let clearing = true;
  const walk = (nodeIn: JsonSchema, value: unknown, pointer: string): void => {
    const node = resolveSchemaRef(nodeIn, schema);
    if (Array.isArray(value) && node.items && !Array.isArray(node.items)) {
      value.forEach((row, i) => walk(node.items as JsonSchema, row, `${pointer}/${i}`));
      return;
    }
    if (!isPlainObject(value)) return;
    const fixed = new Set(Object.keys((node.properties ?? {}) as object));
    for (const [key, propIn] of schemaProperties(node, schema)) {
      const prop = resolveSchemaRef(propIn, schema);
      const expression = (prop as Record<string, unknown>)[CALC_KEYWORD];
      const at = `${pointer}/${escapePointer(key)}`;
      if (typeof expression === 'string' && clearing) {
        if (fixed.has(key)) delete value[key];
        else if (Object.prototype.hasOwnProperty.call(value, key)) value[key] = null;
      } else if (typeof expression === 'string') {
        if (!fixed.has(key) && !Object.prototype.hasOwnProperty.call(value, key)) continue; // hidden branch
        const scopes = value === copy ? [copy] : [value, copy];
        const result = computeCalc(expression, scopes, tables);
        if (result.ok) value[key] = prop.type === 'integer' ? Math.round(result.value) : result.value;
        else {
          delete value[key];
          problems.push({ pointer: at, label: typeof prop.title === 'string' ? prop.title : key, message: result.error });
        }
      } else if (Object.prototype.hasOwnProperty.call(value, key)) walk(prop, value[key], at);
    }
  };
  walk(schema, copy, '');
  clearing = false;
  walk(schema, copy, '');
  return { data: copy, problems };
}

function structuredCloneJson(v: unknown): unknown {
  return v === undefined ? undefined : JSON.parse(JSON.stringify(v));
}
