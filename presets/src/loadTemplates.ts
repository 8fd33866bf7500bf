/**
 * The template library (`presets/templates/<id>/definition.json`): everyday
 * local procedures (粗大ごみ, 犬の登録, 施設予約…) a municipality starts its
 * own procedure from. Same file shape as a preset, but no legal locks: a
 * template is copied once and then belongs to the municipality.
 * A template that fails the checks is a programming error: loading throws.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { PRESET_OWNER, inlineCommonDefinitions, validateProcedureDefinition, type JsonSchema, type PresetDefinition, type Procedure, type TemplateSummary, type UiSchema } from '@madoguchi/shared';
import { InvalidPresetError, loadDefinitionDirectories } from './loadPresets';

/** Where the template files live (works from `src` under tsx/jest and from `dist` when built). */
export const TEMPLATES_ROOT = resolve(__dirname, '..', 'templates');

export interface LoadedTemplate {
  procedure: Procedure;
  schema: JsonSchema;
  uiSchema: UiSchema;
  /** A complete valid submission (tests, previews). */
  example?: Record<string, unknown>;
  directory: string;
}

/** Reads and checks one template (the same checks as a preset, plus: no legal locks). */
export function loadTemplate(directory: string): LoadedTemplate {
  const raw = JSON.parse(readFileSync(join(directory, 'definition.json'), 'utf8')) as PresetDefinition;
  const procedure = { ...raw.procedure, owner: PRESET_OWNER } as Procedure;
  const schema = inlineCommonDefinitions(raw.form?.schema ?? {});
  const uiSchema = raw.form?.uiSchema ?? {};
  const problems = validateProcedureDefinition(procedure, { schema, uiSchema });
  if (procedure.id !== directory.split(/[\\/]/).pop()) {
    problems.push({ where: 'procedure/id', message: `id "${procedure.id}" must equal its directory name` });
  }
  problems.push(...legalLockProblems(procedure, schema));
  if (problems.length > 0) throw new InvalidPresetError(directory, problems);
  const examplePath = join(directory, 'examples', 'valid.json');
  const example = existsSync(examplePath) ? (JSON.parse(readFileSync(examplePath, 'utf8')) as Record<string, unknown>) : undefined;
  return { procedure, schema, uiSchema, example, directory };
}

/** Templates are freely editable: nothing in them may be locked by a provision. */
function legalLockProblems(procedure: Procedure, schema: JsonSchema): Array<{ where: string; message: string }> {
  const problems: Array<{ where: string; message: string }> = [];
  if (procedure.signatureLegalBasis) problems.push({ where: 'procedure/signatureLegalBasis', message: 'a template locks nothing: no signatureLegalBasis' });
  for (const a of procedure.attachments ?? []) {
    if (a.legalBasis) problems.push({ where: `procedure/attachments/${a.id}`, message: 'a template locks nothing: no attachment legalBasis' });
  }
  if (JSON.stringify(schema).includes('"x-legal"')) problems.push({ where: 'schema', message: 'a template locks nothing: no x-legal' });
  return problems;
}

/** All templates, sorted by id; throws `InvalidPresetError` on the first bad one. */
export function loadTemplates(root: string = TEMPLATES_ROOT): LoadedTemplate[] {
  return loadDefinitionDirectories(root, loadTemplate);
}

export function summarizeTemplate(t: LoadedTemplate): TemplateSummary {
  const { id, title, titleEn, description } = t.procedure;
  return { id, title, ...(titleEn ? { titleEn } : {}), description };
}
