// DOM types for the whole tests program: jsdom component tests and page.evaluate callbacks in browser tests
// (staff-builder.test.ts relies on this). Better placed in tests/tsconfig.json "lib"; then this line can go.
/// <reference lib="dom" />
/**
 * Loads resident-app modules for component tests. They are required at run
 * time (jest compiles their TSX with SWC) rather than imported, because the
 * tests' TypeScript project has no JSX or bundler settings; the client's own
 * project type-checks them strictly.
 */
import { createElement, type ComponentType } from 'react';
import { inlineCommonDefinitions, type JsonSchema } from '@madoguchi/shared';
import { deserialize, serialize } from 'node:v8';
import { jsonSchemaMergeFile, requireEsm } from './esmShim';

// jest's jsdom environment lacks structuredClone, which RJSF 6 uses on every change.
globalThis.structuredClone ??= <T>(value: T): T => (value === undefined ? value : (deserialize(serialize(value)) as T));

// RJSF's ESM-only dependency, compiled to CommonJS for jest (see esmShim.ts).
jest.mock('@x0k/json-schema-merge', () => requireEsm(jsonSchemaMergeFile('')));
jest.mock('@x0k/json-schema-merge/lib/array', () => requireEsm(jsonSchemaMergeFile('lib/array')));

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyProps = any;

/** `require` of a module under client/src (e.g. `resident/form/registry`). */
export function loadClient<T>(path: string): T {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require(`../../client/src/${path}`) as T;
}

interface FormModules {
  Form: ComponentType<AnyProps>;
  registry: { residentWidgets: object; residentTemplates: object; residentFields: object };
  validator: { SharedRjsfValidator: new (key: string, language: 'ja' | 'en') => object };
  translate: { rjsfTranslator: (language: 'ja' | 'en') => unknown };
}

export function formModules(): FormModules {
  return {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    Form: (require('@rjsf/core') as { default: ComponentType<AnyProps> }).default,
    registry: loadClient('resident/form/registry'),
    validator: loadClient('resident/form/sharedRjsfValidator'),
    translate: loadClient('resident/form/translateString'),
  };
}

export interface ResidentFormProps {
  schema: JsonSchema;
  uiSchema?: object;
  formData?: unknown;
  onChange?: (data: unknown) => void;
  postalLookup?: (code: string) => Promise<unknown>;
}

/** The resident form exactly as the app sets it up (widgets by format, Japanese strings, shared validator). */
export function residentForm({ schema, uiSchema = {}, formData, onChange, postalLookup }: ResidentFormProps) {
  const { Form, registry, validator, translate } = formModules();
  const full = inlineCommonDefinitions(schema);
  return createElement(Form, {
    schema: full,
    uiSchema,
    formData,
    validator: new validator.SharedRjsfValidator('test@1', 'ja'),
    widgets: registry.residentWidgets,
    templates: registry.residentTemplates,
    fields: registry.residentFields,
    translateString: translate.rjsfTranslator('ja'),
    formContext: { language: 'ja', ...(postalLookup ? { postalLookup } : {}) },
    experimental_defaultFormStateBehavior: loadClient<{ RESIDENT_DEFAULTS_BEHAVIOR: object }>('resident/form/defaultsBehavior').RESIDENT_DEFAULTS_BEHAVIOR,
    noValidate: true,
    showErrorList: false,
    onChange: (e: { formData: unknown }) => onChange?.(e.formData),
  });
}
