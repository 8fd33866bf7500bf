/**
 * A baseline for the form page's render: the chosen stack alone. React and @rjsf/core (its own theme, its ajv
 * validator, as the packages ship) render the same fields of the same step with the same answers, built by Vite
 * for production and served as plain files by bench/baseline.ts. What the product's page takes beyond this is
 * the product's own; what this takes is the stack's.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'vite';
import { inlineCommonDefinitions, type JsonSchema } from '@madoguchi/shared';
import { ROOT } from './lib';

const SOURCE = join(ROOT, 'bench', 'stackPage');

/** Builds the page into `outDir` (an index.html and its assets, referenced relatively so /coop/ serves them too). */
export async function buildStackPage(outDir: string): Promise<void> {
  await build({ root: SOURCE, base: './', configFile: false, logLevel: 'error', build: { outDir, emptyOutDir: false, sourcemap: false, modulePreload: { polyfill: false } } });
}

type JsonObject = Record<string, unknown>;

/**
 * The page for one step: the preset's schema as it is published (the common definitions it uses copied in) cut to
 * the step's fields (the cross-field conditions left out), and the answers to those fields, in a data element the
 * entry script reads.
 */
export function writeStackPage(outDir: string, file: string, form: { schema: JsonObject; fields: string[]; answers: JsonObject }): void {
  const { fields, answers } = form;
  const schema = inlineCommonDefinitions(form.schema as JsonSchema) as JsonObject;
  const properties = schema.properties as JsonObject;
  const stepSchema = {
    type: 'object',
    ...(schema.definitions ? { definitions: schema.definitions } : {}),
    properties: Object.fromEntries(fields.filter((f) => properties[f]).map((f) => [f, properties[f]])),
    required: ((schema.required as string[] | undefined) ?? []).filter((f) => fields.includes(f)),
  };
  const formData = Object.fromEntries(fields.filter((f) => answers[f] !== undefined).map((f) => [f, answers[f]]));
  // `<` escaped: the answers are data inside a script element.
  const json = JSON.stringify({ schema: stepSchema, formData }).replace(/</g, '\\u003c');
  const html = readFileSync(join(outDir, 'index.html'), 'utf8').replace('</body>', `<script type="application/json" id="stack-form">${json}</script>\n  </body>`);
  writeFileSync(join(outDir, file), html);
}
