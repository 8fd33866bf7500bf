/**
 * JSON Schema of an edit, so the server can refuse a malformed layer before
 * trying to apply it (the apply step then checks meaning: fields exist, locks…).
 */
import type { JsonSchema } from '../form/jsonSchema';
import { FIELD_KINDS, PROCEDURE_TEXT_KEYS, WIDGETS, type EditOpType } from './types';
import { SIGNATURE_POLICIES } from '../form/types';
import { LEAF_OPS, LOGIC_EFFECTS } from '../logic/types';
import { CALC_LIMITS } from '../calc/limits';

/** Most edits one layer may hold (a safety limit, far above real use). */
export const MAX_LAYER_OPS = 2000;

const text = (max: number) => ({ type: 'string', maxLength: max });
const path = { type: 'string', maxLength: 300, pattern: '^[A-Za-z][A-Za-z0-9_]*(\\.[A-Za-z][A-Za-z0-9_]*)*$' };
const parentPath = { anyOf: [{ const: '' }, path] };
const index = { type: 'integer', minimum: 0, maximum: 50 };
const value = { type: ['string', 'number', 'boolean'] };
const showWhen = {
  type: 'object',
  required: ['field'],
  additionalProperties: false,
  properties: { field: text(64), equals: value, in: { type: 'array', maxItems: 100, items: value } },
};
/** A condition tree, nested at most `depth` levels of 「すべて／いずれか」. */
function conditionSchema(depth: number): JsonSchema {
  const leaf = {
    type: 'object',
    required: ['field', 'op'],
    additionalProperties: false,
    properties: { field: path, op: { enum: [...LEAF_OPS] }, value, values: { type: 'array', maxItems: 100, items: value }, min: { type: 'number' }, max: { type: 'number' }, otherDate: path },
  };
  if (depth === 0) return leaf;
  const list = { type: 'array', minItems: 1, maxItems: 20, items: conditionSchema(depth - 1) };
  return {
    anyOf: [
      leaf,
      { type: 'object', required: ['all'], additionalProperties: false, properties: { all: list } },
      { type: 'object', required: ['any'], additionalProperties: false, properties: { any: list } },
    ],
  };
}
const logic = {
  type: 'object',
  required: ['effect', 'when'],
  additionalProperties: false,
  properties: {
    effect: { enum: [...LOGIC_EFFECTS] },
    when: conditionSchema(2),
    note: { type: 'object', required: ['level', 'ja'], additionalProperties: false, properties: { level: { enum: ['info', 'warning'] }, ja: text(1000), en: text(1000) } },
  },
};
const nullableNumber = { type: ['number', 'null'] };
const rules = {
  type: 'object',
  additionalProperties: false,
  properties: {
    minLength: nullableNumber,
    maxLength: nullableNumber,
    minimum: nullableNumber,
    maximum: nullableNumber,
    minItems: nullableNumber,
    maxItems: nullableNumber,
    charset: { enum: ['any', 'digits', 'katakana', 'hiragana', 'alphanumeric', null] },
    dateRule: { enum: ['any', 'past', 'future', null] },
  },
};
const options = { type: 'array', maxItems: 200, items: text(200) };
const field = {
  type: 'object',
  required: ['key', 'kind', 'label'],
  additionalProperties: false,
  properties: {
    key: text(64),
    kind: { enum: [...FIELD_KINDS] },
    label: text(300),
    help: text(2000),
    required: { type: 'boolean' },
    options,
    rules,
    showWhen,
    itemLabel: text(100),
    expression: text(CALC_LIMITS.maxLength),
  },
};
const lookupTable = {
  type: 'object',
  required: ['title', 'rows'],
  additionalProperties: false,
  properties: {
    title: text(100),
    keyTitle: text(100),
    valueTitle: text(100),
    rows: { type: 'array', maxItems: 1000, items: { type: 'object', required: ['key', 'value'], additionalProperties: false, properties: { key: text(200), value: { type: 'number' } } } },
  },
};

/** Properties of each edit type; a `?` suffix marks an optional one. */
const SHAPES: Record<EditOpType, Record<string, JsonSchema>> = {
  setLabel: { path, label: text(300) },
  setHelp: { path, help: text(2000) },
  setDescription: { path, text: text(4000) },
  setPlaceholder: { path, text: text(300) },
  setRequired: { path, required: { type: 'boolean' } },
  setOptions: { path, options },
  setRules: { path, rules },
  setWidget: { path, widget: { enum: [...WIDGETS] } },
  setSensitive: { path, sensitive: { type: 'boolean' } },
  setShowWhen: { path, showWhen: { anyOf: [{ type: 'null' }, showWhen] } },
  setLogic: { path, logic: { anyOf: [{ type: 'null' }, logic, { type: 'array', maxItems: 3, items: logic }] } },
  setCalc: { path, expression: text(CALC_LIMITS.maxLength) },
  // Numbers and options are checked in words by checkCapacityRules when applied.
  setCapacity: {
    path,
    capacity: {
      anyOf: [
        { type: 'null' },
        { type: 'object', required: ['limits'], additionalProperties: false, properties: { limits: { type: 'object', maxProperties: 200, additionalProperties: { type: 'number' } }, countOf: path } },
      ],
    },
  },
  setLookupTable: { name: { type: 'string', pattern: '^[A-Za-z][A-Za-z0-9_]{0,63}$' }, table: { anyOf: [{ type: 'null' }, lookupTable] } },
  setCardPrefill: {
    path,
    prefill: {
      anyOf: [
        { type: 'null' },
        { type: 'object', additionalProperties: false, properties: { name: text(64), address: text(64), birthdate: text(64), gender: text(64), editable: { type: 'boolean' } } },
      ],
    },
  },
  addField: { parent: parentPath, 'after?': { anyOf: [{ type: 'null' }, text(64)] }, field, 'step?': index },
  removeField: { path },
  moveField: { path, after: { anyOf: [{ type: 'null' }, text(64)] }, 'step?': index },
  addStep: { title: text(100), 'at?': index, 'first?': { type: 'boolean' } },
  renameStep: { index, title: text(100) },
  removeStep: { index },
  moveStep: { index, to: index },
  moveToStep: { field: text(64), step: index },
  setAttachment: { attachment: { type: 'object', required: ['id', 'label', 'required', 'accept', 'maxFiles', 'maxSizeMb'] } },
  removeAttachment: { attachmentId: text(64) },
  setContactDesk: { contactDesk: { type: 'object', required: ['name'] } },
  setSignaturePolicy: { policy: { enum: [...SIGNATURE_POLICIES] } },
  // Checked in words by receptionProblems when applied.
  setReception: { reception: { anyOf: [{ type: 'null' }, { type: 'object' }] } },
  setProcedureText: { key: { enum: [...PROCEDURE_TEXT_KEYS] }, value: { anyOf: [text(4000), { type: 'array', maxItems: 100, items: text(500) }] } },
};

/** Shape of one edit: `id`, `type` and exactly the properties of that type. */
export const EDIT_OP_SCHEMA: JsonSchema = {
  type: 'object',
  required: ['id', 'type'],
  properties: { id: { type: 'string', pattern: '^[A-Za-z0-9_-]{1,64}$' }, type: { enum: Object.keys(SHAPES) } },
  allOf: Object.entries(SHAPES).map(([type, shape]) => {
    const props = Object.fromEntries(Object.entries(shape).map(([k, v]) => [k.replace(/\?$/, ''), v]));
    return {
      if: { properties: { type: { const: type } }, required: ['type'] },
      then: { required: Object.keys(shape).filter((k) => !k.endsWith('?')), properties: { id: {}, type: {}, ...props }, additionalProperties: false },
    };
  }),
};

/** A whole layer's edits. */
export const EDIT_OPS_SCHEMA: JsonSchema = { type: 'array', maxItems: MAX_LAYER_OPS, items: EDIT_OP_SCHEMA };
