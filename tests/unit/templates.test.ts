/**
 * The template library (presets/templates, issue #22): every template loads,
 * passes the publish checks the server applies to a municipality's draft made
 * from it, its example validates, it locks nothing, and the issue-#22 keys it
 * carries (x-calc, x-lookup-tables, x-capacity, reception) have the agreed shape.
 */
import { mkdtempSync, mkdirSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FormValidator, type JsonSchema } from '@madoguchi/shared';
import { freshExample, loadTemplate, loadTemplates, TEMPLATES_ROOT, InvalidPresetError } from '@madoguchi/presets';
import { assertPublishable } from '../../server/src/modules/catalog/publishing';
import { TemplateLibrary } from '../../server/src/modules/catalog/templateLibrary';

const templates = loadTemplates();
const validator = new FormValidator();
const ids = templates.map((t) => t.procedure.id);

/** Every node of a schema with the path of property names leading to it. */
function walk(node: JsonSchema, visit: (n: JsonSchema, path: string[], inArray: boolean) => void, path: string[] = [], inArray = false): void {
  visit(node, path, inArray);
  for (const [k, child] of Object.entries(node.properties ?? {})) walk(child as JsonSchema, visit, [...path, k], inArray);
  if (node.items && !Array.isArray(node.items)) walk(node.items as JsonSchema, visit, path, true);
  for (const branch of node.allOf ?? []) if (branch.then) walk(branch.then as unknown as JsonSchema, visit, path, inArray);
}

describe('the template library', () => {
  it('holds the seven everyday local procedures of issue #22', () => {
    expect(ids).toEqual(['event-moshikomi', 'inu-toroku', 'juminhyo-yuso', 'shisetsu-yoyaku', 'shokuin-saiyo', 'sodai-gomi', 'suido-shiyo']);
    for (const t of templates) expect(t.procedure).toMatchObject({ title: expect.any(String), titleEn: expect.any(String), legalBasis: [] });
  });

  it.each(ids)('%s passes the publish checks as a municipality’s draft', async (id) => {
    const t = templates.find((x) => x.procedure.id === id)!;
    await expect(assertPublishable(TemplateLibrary.document(t, '082015', `${id}-mito`, t.procedure.title))).resolves.toBeUndefined();
  });

  it.each(ids)('%s: the example is a valid submission', (id) => {
    const t = templates.find((x) => x.procedure.id === id)!;
    expect(t.example).toBeDefined();
    const outcome = validator.validate(`template:${id}`, t.schema, freshExample(t.example!));
    expect(outcome.errors).toEqual([]);
  });

  it.each(ids)('%s: the empty form is refused (required answers)', (id) => {
    const t = templates.find((x) => x.procedure.id === id)!;
    expect(validator.validate(`template:${id}`, t.schema, {}).valid).toBe(false);
  });

  it('names its steps apart from the check page of the form (a step 「確認」 before 「入力内容の確認」 reads as a second check)', () => {
    for (const t of templates) {
      const titles = ((t.uiSchema['ui:options'] as { steps: Array<{ title: string }> }).steps ?? []).map((s) => s.title);
      expect({ id: t.procedure.id, checkLike: titles.filter((title) => /^(入力内容の)?確認$/.test(title)) }).toEqual({ id: t.procedure.id, checkLike: [] });
    }
  });

  it('uses the issue #22 formats as agreed (x-calc, x-lookup-tables, x-capacity, reception)', () => {
    const seen = { calc: 0, capacity: 0, tables: 0, reception: 0 };
    for (const t of templates) {
      const tables = (t.schema as Record<string, unknown>)['x-lookup-tables'] as Record<string, { rows: Array<{ key: string; value: number }> }> | undefined;
      for (const table of Object.values(tables ?? {})) {
        seen.tables++;
        for (const row of table.rows) expect(row).toEqual({ key: expect.any(String), value: expect.any(Number) });
      }
      walk(t.schema, (node, path, inArray) => {
        const n = node as Record<string, unknown>;
        if (n['x-calc'] !== undefined) {
          seen.calc++;
          expect({ path, type: n.type, readOnly: n.readOnly, calc: typeof n['x-calc'] }).toEqual({ path, type: 'integer', readOnly: true, calc: 'string' });
          for (const name of String(n['x-calc']).matchAll(/lookup\('([^']+)'/g)) expect(Object.keys(tables ?? {})).toContain(name[1]);
        }
        const capacity = n['x-capacity'] as { limits: Record<string, number>; countOf?: string } | undefined;
        if (capacity) {
          seen.capacity++;
          expect({ path, inArray, type: n.type }).toEqual({ path, inArray: false, type: 'string' });
          expect(node.enum).toEqual(expect.arrayContaining(Object.keys(capacity.limits)));
          for (const limit of Object.values(capacity.limits)) expect(Number.isInteger(limit) && limit > 0).toBe(true);
          if (capacity.countOf) expect(t.schema.properties?.[capacity.countOf]?.type).toBe('array');
        }
      });
      const reception = (t.procedure as { reception?: Record<string, unknown> }).reception;
      if (reception) {
        seen.reception++;
        for (const key of ['opensAt', 'closesAt'] as const) expect(reception[key]).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/);
      }
    }
    expect(seen).toEqual({ calc: 3, capacity: 3, tables: 2, reception: 1 });
  });

  describe('the loader', () => {
    // The definition as written on disk, loosely typed: each test breaks one part of it.
    type Definition = { procedure: Record<string, unknown> & { attachments: Array<Record<string, unknown>> }; form: { schema: { properties: Record<string, Record<string, unknown>> } } };
    const copyOf = (id: string, change: (definition: Definition) => void): string => {
      const dir = join(mkdtempSync(join(tmpdir(), 'templates-')), id);
      mkdirSync(dir);
      const definition = JSON.parse(readFileSync(join(TEMPLATES_ROOT, id, 'definition.json'), 'utf8'));
      change(definition);
      writeFileSync(join(dir, 'definition.json'), JSON.stringify(definition));
      return dir;
    };

    it('keeps procedure.reception (the 受付期間 of the recruitment exam)', () => {
      expect((loadTemplate(join(TEMPLATES_ROOT, 'shokuin-saiyo')).procedure as { reception?: unknown }).reception).toMatchObject({ opensAt: '2027-05-06T08:30' });
    });

    it('refuses a template that locks anything (x-legal, an attachment’s legalBasis)', () => {
      const legalField = copyOf('sodai-gomi', (d) => (d.form.schema.properties.note!['x-legal'] = '廃棄物処理法第6条の2'));
      expect(() => loadTemplate(legalField)).toThrow(InvalidPresetError);
      const legalAttachment = copyOf('sodai-gomi', (d) => (d.procedure.attachments[0]!.legalBasis = '条例第10条'));
      expect(() => loadTemplate(legalAttachment)).toThrow(/locks nothing/);
    });

    it('refuses a template whose metadata is invalid or whose id is not its directory', () => {
      expect(() => loadTemplate(copyOf('inu-toroku', (d) => (d.procedure.category = 'pets')))).toThrow(InvalidPresetError);
      expect(() => loadTemplate(copyOf('inu-toroku', (d) => (d.procedure.id = 'inu-other')))).toThrow(/directory name/);
    });
  });
});
