/**
 * The meta-schema every procedure (preset or municipal) must satisfy before it
 * can be stored or published. Checked with the shared ajv.
 */
import type { JsonSchema } from './jsonSchema';
import { APPLICANT_ROLES, LIFE_EVENTS, PROCEDURE_CATEGORIES, SIGNATURE_POLICIES } from './types';

const nonEmpty = { type: 'string', minLength: 1 };

const condition = {
  type: 'object',
  required: ['field'],
  additionalProperties: false,
  properties: {
    field: { type: 'string', pattern: '^[A-Za-z0-9_]+(\\.[A-Za-z0-9_]+)*$' },
    equals: { type: ['string', 'number', 'boolean'] },
    notEquals: { type: ['string', 'number', 'boolean'] },
    in: { type: 'array', minItems: 1, items: { type: ['string', 'number', 'boolean'] } },
  },
  minProperties: 2,
};

/** Japan-time wall clock without offset: `2027-01-05T08:30`. */
const LOCAL_DATE_TIME = '^\\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])T([01]\\d|2[0-3]):[0-5]\\d$';
const TIME_OF_DAY = '^([01]\\d|2[0-3]):[0-5]\\d$';

export const PROCEDURE_ID_PATTERN = '^[a-z0-9][a-z0-9-]{2,63}$';

export const PROCEDURE_META_SCHEMA: JsonSchema = {
  $id: 'https://madoguchi.example/schemas/procedure.json',
  type: 'object',
  additionalProperties: false,
  required: ['id', 'owner', 'title', 'description', 'category', 'lifeEvents', 'keywords', 'legalBasis', 'applicantRole', 'eligibility', 'prepare', 'contactDesk', 'signaturePolicy', 'attachments'],
  properties: {
    id: { type: 'string', pattern: PROCEDURE_ID_PATTERN },
    owner: { anyOf: [{ const: 'preset' }, { type: 'string', format: 'lg-code' }] },
    title: { ...nonEmpty, maxLength: 120 },
    titleEn: { type: 'string', maxLength: 200 },
    description: { ...nonEmpty, maxLength: 4000 },
    descriptionEn: { type: 'string', maxLength: 4000 },
    category: { enum: [...PROCEDURE_CATEGORIES] },
    lifeEvents: { type: 'array', minItems: 1, uniqueItems: true, items: { enum: [...LIFE_EVENTS] } },
    keywords: { type: 'array', uniqueItems: true, items: { ...nonEmpty, maxLength: 40 } },
    legalBasis: { type: 'array', items: nonEmpty },
    applicantRole: { enum: [...APPLICANT_ROLES] },
    eligibility: { ...nonEmpty, maxLength: 2000 },
    prepare: { type: 'array', items: nonEmpty },
    deadline: { type: 'string', maxLength: 1000 },
    contactDesk: {
      type: 'object',
      required: ['name'],
      additionalProperties: false,
      properties: {
        name: nonEmpty,
        phone: { type: 'string', format: 'jp-phone' },
        email: { type: 'string', format: 'email' },
        hours: { type: 'string' },
        address: { type: 'string' },
        deskId: { type: 'string', maxLength: 64 },
        placeholder: { type: 'boolean' },
      },
    },
    signaturePolicy: { enum: [...SIGNATURE_POLICIES] },
    signatureLegalBasis: nonEmpty,
    attachments: {
      type: 'array',
      items: {
        type: 'object',
        additionalProperties: false,
        required: ['id', 'label', 'required', 'accept', 'maxFiles', 'maxSizeMb'],
        properties: {
          id: { type: 'string', pattern: '^[A-Za-z][A-Za-z0-9]*$' },
          label: { ...nonEmpty, maxLength: 100 },
          labelEn: { type: 'string' },
          description: { type: 'string', maxLength: 2000 },
          required: { enum: ['always', 'conditional', 'optional'] },
          condition,
          conditionText: { type: 'string' },
          accept: {
            type: 'array',
            minItems: 1,
            items: { enum: ['image/jpeg', 'image/png', 'image/heic', 'application/pdf'] },
          },
          maxFiles: { type: 'integer', minimum: 1, maximum: 20 },
          maxSizeMb: { type: 'number', exclusiveMinimum: 0, maximum: 50 },
          originalRequired: { type: 'boolean' },
          legalBasis: nonEmpty,
          requiredWhenSignature: { type: 'array', minItems: 1, uniqueItems: true, items: { enum: ['required', 'optional', 'none'] } },
        },
        if: { properties: { required: { const: 'conditional' } } },
        then: { required: ['condition', 'conditionText'] },
      },
    },
    // 受付期間 (time/reception.ts); receptionProblems.ts words the same checks for clerks and adds from < to.
    reception: {
      type: 'object',
      additionalProperties: false,
      properties: {
        opensAt: { type: 'string', pattern: LOCAL_DATE_TIME },
        closesAt: { type: 'string', pattern: LOCAL_DATE_TIME },
        weekly: {
          type: 'array',
          maxItems: 14,
          items: {
            type: 'object',
            additionalProperties: false,
            required: ['days', 'from', 'to'],
            properties: {
              days: { type: 'array', minItems: 1, uniqueItems: true, items: { type: 'integer', minimum: 0, maximum: 6 } },
              from: { type: 'string', pattern: TIME_OF_DAY },
              to: { type: 'string', pattern: '^(([01]\\d|2[0-3]):[0-5]\\d|24:00)$' },
            },
          },
        },
        closedOnHolidays: { type: 'boolean' },
        note: { type: 'string', maxLength: 500 },
      },
    },
    basedOn: {
      type: 'object',
      required: ['presetId', 'presetVersion'],
      additionalProperties: false,
      properties: { presetId: { type: 'string' }, presetVersion: { type: 'integer', minimum: 1 } },
    },
  },
};

/**
 * What a form schema must look like to be rendered and validated:
 * a draft-07 object schema with titled top-level properties. Besides JSON
 * Schema and RJSF keywords, fields may carry `x-legal: "<provision>"`
 * (form/legal.ts: required by that provision, locked against local edits) and
 * `x-sensitive: true` (form/sensitive.ts: masked in lists and exports); the
 * shared ajv refuses an `x-sensitive` that is not a boolean, or an `x-legal`
 * that is not a non-empty string, when it compiles.
 */
export const FORM_SCHEMA_META_SCHEMA: JsonSchema = {
  type: 'object',
  required: ['type', 'properties'],
  properties: {
    type: { const: 'object' },
    title: { type: 'string' },
    properties: { type: 'object', minProperties: 1, additionalProperties: { type: 'object' } },
    required: { type: 'array', items: { type: 'string' } },
    definitions: { type: 'object' },
    // Marking the whole form sensitive is allowed (every answer is then masked).
    'x-sensitive': { type: 'boolean' },
  },
};
