/**
 * Reads every preset from `presets/procedures/<id>/definition.json`, inlines
 * the shared definitions it references and checks it against the meta-schema.
 * A preset that fails the check is a programming error: loading throws.
 */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { PRESET_OWNER, inlineCommonDefinitions, validateProcedureDefinition, type PresetDefinition, type Procedure, type JsonSchema, type UiSchema, type SharedAnswerMapping } from '@madoguchi/shared';

export interface LoadedPreset {
  procedure: Procedure;
  schema: JsonSchema;
  uiSchema: UiSchema;
  /** A complete valid submission, used by tests and the builder's preview. */
  example?: Record<string, unknown>;
  /** Which fields take the answers shared by a one-stop bundle (`shared-answers.json` beside the definition). */
  sharedAnswers?: SharedAnswerMapping;
  directory: string;
}

export class InvalidPresetError extends Error {
  constructor(
    readonly presetDirectory: string,
    readonly problems: Array<{ where: string; message: string }>,
  ) {
    super(`Invalid preset in ${presetDirectory}:\n${problems.map((p) => `  - ${p.where}: ${p.message}`).join('\n')}`);
    this.name = 'InvalidPresetError';
  }
}

/** Where the preset files live (works from `src` under tsx/jest and from `dist` when built). */
export const PRESETS_ROOT = resolve(__dirname, '..', 'procedures');

export function loadPreset(directory: string): LoadedPreset {
  const raw = JSON.parse(readFileSync(join(directory, 'definition.json'), 'utf8')) as PresetDefinition;
  const procedure = { ...raw.procedure, owner: PRESET_OWNER } as Procedure;
  const schema = inlineCommonDefinitions(raw.form?.schema ?? {});
  const uiSchema = raw.form?.uiSchema ?? {};
  const problems = validateProcedureDefinition(procedure, { schema, uiSchema });
  if (procedure.id !== directory.split(/[\\/]/).pop()) {
    problems.push({ where: 'procedure/id', message: `id "${procedure.id}" must equal its directory name` });
  }
  if (problems.length > 0) throw new InvalidPresetError(directory, problems);
  const examplePath = join(directory, 'examples', 'valid.json');
  const example = existsSync(examplePath) ? (JSON.parse(readFileSync(examplePath, 'utf8')) as Record<string, unknown>) : undefined;
  const mappingPath = join(directory, 'shared-answers.json');
  const sharedAnswers = existsSync(mappingPath) ? readSharedAnswerMapping(mappingPath) : undefined;
  return { procedure, schema, uiSchema, example, ...(sharedAnswers ? { sharedAnswers } : {}), directory };
}

/** Each preset's shared-answer mapping by procedure id, read without loading the presets (for the server's procedure pages). */
export function loadSharedAnswerMappings(root: string = PRESETS_ROOT): Map<string, SharedAnswerMapping> {
  return new Map(
    [...presetIds(root)].flatMap((id) => {
      const path = join(root, id, 'shared-answers.json');
      return existsSync(path) ? [[id, readSharedAnswerMapping(path)] as const] : [];
    }),
  );
}

function readSharedAnswerMapping(path: string): SharedAnswerMapping {
  const { $comment: _comment, ...mapping } = JSON.parse(readFileSync(path, 'utf8')) as Record<string, string>;
  return mapping;
}

/** Loads every `<root>/<id>/definition.json` with `load`, sorted by procedure id (presets and templates alike). */
export function loadDefinitionDirectories<T extends { procedure: { id: string } }>(root: string, load: (directory: string) => T): T[] {
  if (!existsSync(root)) return [];
  return readdirSync(root, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(root, entry.name, 'definition.json')))
    .map((entry) => load(join(root, entry.name)))
    .sort((a, b) => a.procedure.id.localeCompare(b.procedure.id));
}

/** Loads all presets, sorted by id; throws `InvalidPresetError` on the first bad one. */
export function loadPresets(root: string = PRESETS_ROOT): LoadedPreset[] {
  return loadDefinitionDirectories(root, loadPreset);
}

/** The ids of the presets on disk (directory names), without loading them: what guides may point at. */
export function presetIds(root: string = PRESETS_ROOT): Set<string> {
  if (!existsSync(root)) return new Set();
  return new Set(
    readdirSync(root, { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && existsSync(join(root, entry.name, 'definition.json')))
      .map((entry) => entry.name),
  );
}
