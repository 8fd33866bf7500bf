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

  isValid(schema: RJSFSchema, formData: unknown, rootSchema: RJSFSchema): boolean {
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
