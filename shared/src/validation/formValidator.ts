/**
 * Validates answers against one exact form version. Compiling a schema costs
 * ~10 ms and validating ~0.03 ms, so each version is compiled once and cached.
 * Calculated fields (`x-calc`, calc/) are computed here, before validation (so
 * a client's wrong or malformed number never counts) and again from the
 * normalised answers after it: intake, corrections and signing store the
 * server's values.
 */
import { pruneHiddenAnswers } from '../logic/pruneHidden';
import type { ValidateFunction } from 'ajv';
import type Ajv from 'ajv';
import type { JsonSchema } from '../form/jsonSchema';
import { createAjv, withNormalization } from './createAjv';
import { withPatternLengthCap } from './patternLimits';
import { hasCalculations } from '../calc/keywords';
import { calculatedAfterValidation, calculatedBeforeValidation } from './calcValidation';
import { localizeErrors, toErrorSchema, type ErrorSchema, type FieldError, type Language } from './messages';

/**
 * Words in a condition that mean checking it may rewrite the data it checks: the keywords this ajv declares
 * `modifying` (read from it, so a new one is never missed), and `$ref`, which may lead to one.
 */
function modifyingWords(ajv: Ajv): string[] {
  const modifying = Object.keys(ajv.RULES.all).filter((keyword) => {
    const definition = ajv.getKeyword(keyword);
    return typeof definition === 'object' && 'modifying' in definition && definition.modifying === true;
  });
  return ['$ref', ...modifying].map((keyword) => JSON.stringify(keyword));
}

export interface ValidationOutcome {
  valid: boolean;
  /** The answers, normalised (NFKC, katakana, digits without hyphens). */
  data: unknown;
  errors: FieldError[];
  /** The same errors in RJSF's `extraErrors` shape. */
  errorSchema: ErrorSchema;
}

/** A condition (`if`) as worked out once per schema object, with its compiled check per version key. */
interface DescribedCondition {
  text: string;
  modifies: boolean;
  checks: Map<string, ValidateFunction>;
}

export class FormValidator {
  private readonly ajv: Ajv;
  private readonly cache = new Map<string, ValidateFunction>();
  /** Compiled `if` clauses of conditions, for discarding hidden answers. */
  private readonly conditions = new Map<string, ValidateFunction>();
  private readonly calculated = new Map<string, boolean>();
  private readonly mayModify: string[];

  constructor(
    private readonly maxCached = 1000,
    ajv: Ajv = createAjv(),
  ) {
    this.ajv = ajv;
    this.mayModify = modifyingWords(ajv);
  }

  /** Compiles (or reuses) the validator for a version; `cacheKey` must identify the version exactly. */
  compile(cacheKey: string, schema: JsonSchema): ValidateFunction {
    const cached = this.cache.get(cacheKey);
    if (cached) {
      this.cache.delete(cacheKey); // re-insert: most recently used last
      this.cache.set(cacheKey, cached);
      return cached;
    }
    const { $id: _ignored, ...withoutId } = schema; // ids would clash between versions in one ajv
    const compiled = this.ajv.compile(withPatternLengthCap(withNormalization(withoutId)));
    this.cache.set(cacheKey, compiled);
    if (this.cache.size > this.maxCached) this.cache.delete(this.cache.keys().next().value!);
    return compiled;
  }

  /**
   * `data` without the answers of fields that are hidden (their condition does
   * not hold), judged by this ajv; `cacheKey` identifies the version.
   */
  withoutHiddenAnswers(cacheKey: string, schema: JsonSchema, data: unknown): unknown {
    return pruneHiddenAnswers(schema, data, (ifSchema, value, root) => {
      const { text, modifies, checks } = this.describeCondition(ifSchema);
      // Found through the condition itself first: a key made of the condition's whole text was hashed on every check.
      let check = checks.get(cacheKey);
      if (!check) {
        const key = `${cacheKey}#if:${text}`;
        check = this.conditions.get(key);
        if (!check) {
          check = this.ajv.compile({ ...ifSchema, ...(root.definitions ? { definitions: root.definitions } : {}) });
          this.conditions.set(key, check);
          if (this.conditions.size > this.maxCached * 10) this.conditions.delete(this.conditions.keys().next().value!);
        }
        checks.set(cacheKey, check);
      }
      // Only a condition that can rewrite what it checks needs a copy (the answers of a section are checked once per
      // condition in it: copying them each time cost more than the checks).
      return check(modifies ? JSON.parse(JSON.stringify(value ?? null)) : (value ?? null)) as boolean;
    });
  }

  /**
   * A condition's text (its cache key) and whether checking it may rewrite the data (a normalising or deriving
   * keyword, or a `$ref` that may lead to one), worked out once per schema object: a version's schema is cached
   * and never changed, and stringifying every condition on every submission showed in the intake profile.
   */
  private describeCondition(ifSchema: JsonSchema): DescribedCondition {
    let described = this.conditionTexts.get(ifSchema);
    if (!described) {
      const text = JSON.stringify(ifSchema);
      described = { text, modifies: this.mayModify.some((word) => text.includes(word)), checks: new Map() };
      this.conditionTexts.set(ifSchema, described);
    }
    return described;
  }

  private readonly conditionTexts = new WeakMap<JsonSchema, DescribedCondition>();

  /**
   * Validates a deep copy of `data`; the input is never modified. A caller that
   * owns `data` outright (a freshly parsed request body) passes `inPlace` and
   * lets normalisation rewrite it, saving the copy.
   */
  validate(cacheKey: string, schema: JsonSchema, data: unknown, language: Language = 'ja', inPlace = false): ValidationOutcome {
    const validate = this.compile(cacheKey, schema);
    if (!this.calculated.has(cacheKey)) {
      if (this.calculated.size > this.maxCached) this.calculated.clear();
      this.calculated.set(cacheKey, hasCalculations(schema));
    }
    const calculates = this.calculated.get(cacheKey) === true;
    let copy: unknown = calculates ? calculatedBeforeValidation(schema, data) : inPlace || data === undefined ? data : JSON.parse(JSON.stringify(data));
    const valid = validate(copy) as boolean;
    const errors = valid ? [] : localizeErrors(validate.errors, schema, language, copy);
    let calculated = true;
    if (calculates && valid) {
      const after = calculatedAfterValidation(schema, copy, language);
      copy = after.data;
      errors.push(...after.errors);
      calculated = after.errors.length === 0;
    }
    // ajv's verdict stands: localised errors leave out some keywords (a failed `not` has no message of its own).
    return { valid: valid && calculated, data: copy, errors, errorSchema: toErrorSchema(errors) };
  }
}

export { versionKey } from './versionKey';
