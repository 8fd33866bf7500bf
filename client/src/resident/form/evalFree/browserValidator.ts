/**
 * The validator the browser uses: the eval-free interpreter of the JSON
 * Schemas (interpretSchema.ts), with the shared Japanese (or English)
 * messages. The app is always served with a strict Content Security Policy
 * (`script-src 'self'`, no 'unsafe-eval'), under which ajv cannot compile a
 * schema, so ajv (and ajv-formats) are not shipped to the browser at all.
 * `tests/client/eval-free-validator.test.ts` checks on every preset that the
 * interpreter gives exactly the errors, messages and normalised data of the
 * shared ajv `FormValidator` the server uses at intake.
 */
import { localizeErrors, toErrorSchema, type JsonSchema, type Language, type ValidationOutcome } from '@madoguchi/shared';
import { interpretSchema } from './interpretSchema';
import { calcRuntimeFor } from '../calcRuntime';

export class BrowserValidator {
  /** All answers against one form version. `cacheKey` identifies the version (kept for the callers' API; nothing is compiled, so nothing is cached). */
  validate(_cacheKey: string, schema: JsonSchema, data: unknown, language: Language): ValidationOutcome {
    // Calculated values (x-calc) exactly as the server's FormValidator computes them (the runtime is loaded with the form).
    const calc = calcRuntimeFor(schema);
    const result = interpretSchema(schema, calc ? calc.calculatedBeforeValidation(schema, data) : data);
    const errors = result.valid ? [] : localizeErrors(result.errors, schema, language, result.data);
    let answers = result.data;
    if (calc && result.valid) {
      const after = calc.calculatedAfterValidation(schema, answers, language);
      answers = after.data as typeof answers;
      errors.push(...after.errors);
    }
    return { valid: errors.length === 0, data: answers, errors, errorSchema: toErrorSchema(errors) };
  }

  /** Whether `data` satisfies a sub-schema (an `if`, a branch); `$ref`s resolve in `root`. */
  isValid(schema: JsonSchema, data: unknown, root: JsonSchema): boolean {
    return interpretSchema(schema, data, root).valid;
  }
}

/** One per page. */
export const browserValidator = new BrowserValidator();
