/**
 * The validator the browser uses: the shared ajv `FormValidator` (exactly the
 * server's checks) wherever the page may compile code, and the eval-free
 * interpreter where a strict Content Security Policy (`script-src 'self'`,
 * no 'unsafe-eval') forbids it. Both give the shared Japanese messages.
 */
import type { ValidateFunction } from 'ajv';
import { FormValidator, createAjv, localizeErrors, toErrorSchema, type JsonSchema, type Language, type ValidationOutcome } from '@madoguchi/shared';
import { interpretSchema } from './interpretSchema';

let compileAllowed: boolean | undefined;

/** Whether this page may turn strings into code (ajv needs it); probed once. */
export function canCompileCode(): boolean {
  if (compileAllowed === undefined) {
    try {
      compileAllowed = new Function('return true')() === true;
    } catch {
      compileAllowed = false;
    }
  }
  return compileAllowed;
}

/** For tests: force one engine or the other. */
export function setCompileAllowed(allowed: boolean | undefined): void {
  compileAllowed = allowed;
}

export class BrowserValidator {
  // Made on first use, and only where code may be compiled: `new Ajv()` already compiles its meta-schema.
  private formValidator?: FormValidator;
  private ajv?: ReturnType<typeof createAjv>;
  private readonly compiled = new Map<string, ValidateFunction>();

  /** All answers against one form version; `cacheKey` identifies the version. */
  validate(cacheKey: string, schema: JsonSchema, data: unknown, language: Language): ValidationOutcome {
    if (canCompileCode()) return (this.formValidator ??= new FormValidator(50)).validate(cacheKey, schema, data, language);
    const result = interpretSchema(schema, data);
    const errors = result.valid ? [] : localizeErrors(result.errors, schema, language);
    return { valid: result.valid, data: result.data, errors, errorSchema: toErrorSchema(errors) };
  }

  /** Whether `data` satisfies a sub-schema (an `if`, a branch); `$ref`s resolve in `root`. */
  isValid(schema: JsonSchema, data: unknown, root: JsonSchema): boolean {
    if (!canCompileCode()) return interpretSchema(schema, data, root).valid;
    const { $id: _id, ...withoutId } = schema;
    const standalone = root.definitions ? { ...withoutId, definitions: root.definitions } : withoutId;
    const text = JSON.stringify(standalone);
    let validate = this.compiled.get(text);
    if (!validate) {
      validate = (this.ajv ??= createAjv()).compile(standalone);
      this.compiled.set(text, validate);
    }
    return validate(data) as boolean;
  }
}

/** One per page: compiled schemas are cached by version. */
export const browserValidator = new BrowserValidator();
