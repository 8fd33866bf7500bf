/**
 * Length cap for strings checked by a `pattern`. The server's engine is
 * linear (linearRegExp.ts) and the catalog refuses patterns that backtrack
 * badly, but the browser runs patterns on its own backtracking engine and a
 * pattern's work still grows with its input: no pattern runs on a string
 * longer than MAX_PATTERN_INPUT_LENGTH code points. Every string with a
 * pattern gets that as its maxLength (lower limits stay), so residents are
 * told the limit in words instead of "wrong form"; a form may not set a
 * higher one (the publish checks say so).
 */
import type { JsonSchema } from '../form/jsonSchema';

/** Longest answer (in characters, i.e. code points) a `pattern` is ever run on. Codes and numbers are far shorter. */
export const MAX_PATTERN_INPUT_LENGTH = 1000;

/** True when `value` is longer than any pattern may check (it then fails the pattern unread). */
export function patternInputTooLong(value: string): boolean {
  if (value.length <= MAX_PATTERN_INPUT_LENGTH) return false; // code points ≤ UTF-16 units
  if (value.length > 2 * MAX_PATTERN_INPUT_LENGTH) return true; // code points ≥ units / 2
  let codePoints = 0;
  for (const _ of value) codePoints++;
  return codePoints > MAX_PATTERN_INPUT_LENGTH;
}

/** The maxLength a schema node enforces: its own, capped when the node has a pattern. */
export function effectiveMaxLength(node: JsonSchema): number | undefined {
  const own = typeof node.maxLength === 'number' ? node.maxLength : undefined;
  if (typeof node.pattern !== 'string') return own;
  return own === undefined ? MAX_PATTERN_INPUT_LENGTH : Math.min(own, MAX_PATTERN_INPUT_LENGTH);
}

/** A deep copy in which every node with a pattern has its effective maxLength. */
export function withPatternLengthCap(schema: JsonSchema): JsonSchema {
  const visit = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(visit);
    if (!node || typeof node !== 'object') return node;
    const out: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(node)) out[key] = visit(value);
    if (typeof out.pattern === 'string') out.maxLength = effectiveMaxLength(out as JsonSchema);
    return out;
  };
  return visit(schema) as JsonSchema;
}

/** One regular expression in a schema, and the field it belongs to. */
export interface SchemaPattern {
  pattern: string;
  /** `pattern` or `patternProperties`. */
  keyword: 'pattern' | 'patternProperties';
  /** Dotted field path (`applicant.postalCode`); empty for the form itself. */
  path: string;
  /** The field's title, or its key. */
  label: string;
  /** The node's own maxLength, when set. */
  maxLength?: number;
}

const SUBSCHEMA_LISTS = ['allOf', 'anyOf', 'oneOf'];
const SUBSCHEMAS = ['if', 'then', 'else', 'not', 'items', 'additionalItems', 'additionalProperties', 'contains', 'propertyNames'];

/** Every `pattern` and `patternProperties` key in a schema (definitions included), with the field it sits on. */
export function collectPatterns(schema: JsonSchema): SchemaPattern[] {
  const found: SchemaPattern[] = [];
  const seen = new Set<unknown>();
  const visit = (node: unknown, path: string, label: string): void => {
    if (!node || typeof node !== 'object' || seen.has(node)) return;
    seen.add(node);
    if (Array.isArray(node)) {
      for (const item of node) visit(item, path, label);
      return;
    }
    const n = node as JsonSchema;
    const here = typeof n.title === 'string' && n.title ? n.title : label;
    if (typeof n.pattern === 'string') found.push({ pattern: n.pattern, keyword: 'pattern', path, label: here, ...(typeof n.maxLength === 'number' ? { maxLength: n.maxLength } : {}) });
    if (n.patternProperties && typeof n.patternProperties === 'object') {
      for (const [key, sub] of Object.entries(n.patternProperties as Record<string, unknown>)) {
        found.push({ pattern: key, keyword: 'patternProperties', path, label: here });
        visit(sub, path, here);
      }
    }
    if (n.properties && typeof n.properties === 'object') {
      for (const [key, sub] of Object.entries(n.properties as Record<string, unknown>)) visit(sub, path ? `${path}.${key}` : key, key);
    }
    if (n.definitions && typeof n.definitions === 'object') {
      for (const [key, sub] of Object.entries(n.definitions as Record<string, unknown>)) visit(sub, path, key);
    }
    for (const key of SUBSCHEMA_LISTS) if (Array.isArray(n[key])) visit(n[key], path, here);
    for (const key of SUBSCHEMAS) visit(n[key], path, here);
  };
  visit(schema, '', '');
  return found;
}
