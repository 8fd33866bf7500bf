/**
 * RJSF's validator port, backed by the shared validator: the messages a
 * resident sees in the browser are exactly the Japanese (or English) ones the
 * server returns at intake, from the same `@madoguchi/shared` code.
 */
import type { FieldError, Language } from '@madoguchi/shared';
import {
  createErrorHandler,
  toErrorList,
  unwrapErrorHandler,
  validationDataMerge,
  type CustomValidator,
  type ErrorSchema,
  type ErrorTransformer,
  type RJSFSchema,
  type RJSFValidationError,
  type UiSchema,
  type ValidationData,
  type ValidatorType,
} from '@rjsf/utils';
import { browserValidator, type BrowserValidator } from './evalFree/browserValidator';

/** A shared FieldError as RJSF's error record. */
export function toRjsfError(error: FieldError): RJSFValidationError {
  return { name: error.keyword, property: error.property, message: error.message, stack: `${error.label}: ${error.message}`, params: {}, schemaPath: error.pointer };
}

export class SharedRjsfValidator implements ValidatorType<unknown, RJSFSchema> {
  constructor(
    /** Identifies the exact form version (see `versionKey`). */
    private readonly versionKey: string,
    private readonly language: Language,
    private readonly validator: BrowserValidator = browserValidator,
  ) {}

  /** All answers, with the shared messages (what the step check and the review use). */
  validateAll(schema: RJSFSchema, data: unknown): FieldError[] {
    return this.validator.validate(this.versionKey, schema, data, this.language).errors;
  }

  validateFormData(
    formData: unknown,
    schema: RJSFSchema,
    customValidate?: CustomValidator<unknown, RJSFSchema>,
    transformErrors?: ErrorTransformer<unknown, RJSFSchema>,
    uiSchema?: UiSchema<unknown, RJSFSchema>,
  ): ValidationData<unknown> {
    const outcome = this.validator.validate(this.versionKey, schema, formData, this.language);
    let errors = outcome.errors.map(toRjsfError);
    if (transformErrors) errors = transformErrors(errors, uiSchema);
    const result: ValidationData<unknown> = { errors, errorSchema: outcome.errorSchema as ErrorSchema<unknown> };
    if (!customValidate) return result;
    const custom = customValidate(formData, createErrorHandler<unknown>(formData), uiSchema, result.errorSchema);
    return validationDataMerge(result, unwrapErrorHandler(custom));
  }

  toErrorList(errorSchema?: ErrorSchema<unknown>, fieldPath: string[] = []): RJSFValidationError[] {
    return toErrorList(errorSchema, fieldPath);
  }

  /**
   * RJSF picks `if`/`then` branches by asking this, and asks the same question of the same answers many times in
   * one render (the form's root `if`s once per field level, each a deep copy of all the answers: seconds with a
   * 500-row group). Answers are immutable in RJSF (every change makes new objects), so a verdict is kept per answers
   * object and per sub-schema (by its text: RJSF hands over fresh copies of the same sub-schema).
   */
  private verdicts = new WeakMap<object, Map<string, boolean>>();
  /** The root schema the verdicts were reached with (`$ref`s resolve in it): another root starts afresh. */
  private verdictsRoot: RJSFSchema | undefined;

  isValid(schema: RJSFSchema, formData: unknown, rootSchema: RJSFSchema): boolean {
    if (formData === null || typeof formData !== 'object') return this.check(schema, formData, rootSchema);
    if (rootSchema !== this.verdictsRoot) {
      this.verdicts = new WeakMap();
      this.verdictsRoot = rootSchema;
    }
    let known = this.verdicts.get(formData);
    if (!known) this.verdicts.set(formData, (known = new Map()));
    const key = JSON.stringify(schema);
    let verdict = known.get(key);
    if (verdict === undefined) known.set(key, (verdict = this.check(schema, formData, rootSchema)));
    return verdict;
  }

  private check(schema: RJSFSchema, formData: unknown, rootSchema: RJSFSchema): boolean {
    try {
      return this.validator.isValid(schema, formData, rootSchema);
    } catch {
      return false;
    }
  }

  rawValidation<Result = unknown>(schema: RJSFSchema, formData?: unknown): { errors?: Result[]; validationError?: Error } {
    const outcome = this.validator.validate(`raw:${JSON.stringify(schema)}`, schema, formData, this.language);
    return outcome.valid ? {} : { errors: outcome.errors as Result[] };
  }
}
