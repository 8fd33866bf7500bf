/**
 * Importing JSON Schemas made elsewhere: representative samples of the
 * react-jsonschema-form playground (tests/fixtures/rjsf-playground). Every one
 * imports; after the clerk names the fields labelled from their keys, it
 * passes every publish check; whatever could not be kept is listed with a
 * JSON pointer and a reason in Japanese and English.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LABEL_FROM_KEY, applyOp, autoLabel, checkDraft, finalizeDocument, importDocument, locateField, type EditOp, type FormDocument } from '@madoguchi/shared';

const DIR = join(__dirname, '..', 'fixtures', 'rjsf-playground');
const samples = readdirSync(DIR)
  .filter((f) => f.endsWith('.json'))
  .sort();

/** The builder path of an auto-labelled field's pointer (`/properties/a/items/properties/b` → `a.b`). */
const pathOf = (pointer: string) =>
  pointer
    .split('/')
    .filter((_, i, all) => all[i - 1] === 'properties')
    .map((k) => k.replace(/~1/g, '/').replace(/~0/g, '~'))
    .join('.');

describe('importing the rjsf playground samples', () => {
  it('has the sample kinds the playground shows', () => {
    expect(samples.length).toBeGreaterThanOrEqual(16);
  });

  it.each(samples)('%s imports and publishes after naming fields', (file) => {
    const input = JSON.parse(readFileSync(join(DIR, file), 'utf8'));
    const { document, unsupported, autoLabelled } = importDocument(input, '082015', 'imported');
    for (const u of unsupported) {
      expect(u.pointer === '' || u.pointer.startsWith('/') || u.pointer.startsWith('uiSchema')).toBe(true);
      expect(u.ja).toMatch(/[ぁ-んァ-ン一-龥]/);
      expect(u.en).toMatch(/[a-z]/);
    }
    // The clerk names each auto-labelled field once, in the 名前を付ける list.
    let doc: FormDocument = document;
    for (const [i, path] of [...new Set(autoLabelled.map(pathOf))].entries()) {
      const loc = locateField(doc.schema, path);
      expect(loc?.node.title).toBe(autoLabel(path.split('.').pop()!));
      doc = applyOp(doc, { id: `n${i}`, type: 'setLabel', path, label: `項目${i + 1}` } as EditOp);
      expect(locateField(doc.schema, path)?.node[LABEL_FROM_KEY]).toBeUndefined();
    }
    expect(checkDraft(finalizeDocument(doc, '082015'))).toEqual([]);
  });

  it('labels untitled fields from their key and lists them', () => {
    const { document, autoLabelled } = importDocument({ type: 'object', properties: { street_address: { type: 'string' }, firstName: { type: 'string', title: '名' } } }, '082015', 'x');
    expect(document.schema.properties.street_address).toMatchObject({ title: 'Street address', [LABEL_FROM_KEY]: true });
    expect(document.schema.properties.firstName[LABEL_FROM_KEY]).toBeUndefined();
    expect(autoLabelled).toEqual(['/properties/street_address']);
  });

  it('merges a root allOf and turns root oneOf/anyOf into optional fields, saying so', () => {
    const allOf = importDocument(JSON.parse(readFileSync(join(DIR, 'all-of.json'), 'utf8')), '082015', 'x');
    expect(Object.keys(allOf.document.schema.properties)).toEqual(['lorem', 'ipsum']);
    const anyOf = importDocument(JSON.parse(readFileSync(join(DIR, 'any-of.json'), 'utf8')), '082015', 'x');
    expect(Object.keys(anyOf.document.schema.properties)).toEqual(['age', 'items', 'firstName', 'lastName', 'idCode']);
    // anyOf inside array items: the group holds both alternatives' fields, not nothing.
    expect(Object.keys(anyOf.document.schema.properties.items.items.properties)).toEqual(['foo', 'bar']);
    expect(anyOf.unsupported.map((u) => u.pointer)).toEqual(['/anyOf', '/properties/items/items/anyOf']);
    expect(anyOf.unsupported[0]!.ja).toContain('任意の項目として取り込みました');
  });

  it('names exactly what it dropped: recursive refs, files, null, uiSchema widgets', () => {
    const read = (f: string) => importDocument(JSON.parse(readFileSync(join(DIR, f), 'utf8')), '082015', 'x').unsupported;
    expect(read('references.json')).toEqual([expect.objectContaining({ pointer: '/properties/tree/properties/children/items/$ref', en: expect.stringContaining('Recursive reference') })]);
    expect(read('files.json').map((u) => u.pointer)).toEqual(['/properties/file', '/properties/files', '/properties/filesAccept', '/properties']);
    const files = importDocument(JSON.parse(readFileSync(join(DIR, 'files.json'), 'utf8')), '082015', 'x').document.procedure.attachments;
    expect(files.map((a) => [a.id, a.label, a.maxFiles])).toEqual([
      ['file', 'Single file', 1],
      ['files', 'Multiple files', 5],
      ['filesAccept', 'Single File with Accept attribute', 1],
    ]);
    expect(read('nullable.json').map((u) => u.pointer)).toEqual(['/properties/age/type', '/properties/bio/type', '/properties/nothing']);
    expect(read('custom.json')).toEqual([expect.objectContaining({ pointer: 'uiSchema/ui:field' })]);
  });

  it('keeps a condition as a show-when branch', () => {
    const { document } = importDocument(JSON.parse(readFileSync(join(DIR, 'if-then-else.json'), 'utf8')), '082015', 'x');
    expect(document.schema.allOf).toHaveLength(2);
    expect(document.schema.required).toEqual(['animal']);
  });
});

describe('bundled schemas', () => {
  it('follows references by $id and folds an allOf of constraints into the field', () => {
    const { document, unsupported } = importDocument(JSON.parse(readFileSync(join(DIR, 'bundled.json'), 'utf8')), '082015', 'x');
    expect(document.schema.properties.count).toMatchObject({ type: 'integer', minimum: 0, title: 'Count' });
    expect(unsupported).toEqual([]);
  });
});

describe('if / then / else', () => {
  it('turns else on a choice field into the condition "any other option"', () => {
    const { document, unsupported } = importDocument(JSON.parse(readFileSync(join(DIR, 'root-if-then-else.json'), 'utf8')), '082015', 'x');
    expect(document.schema.allOf).toEqual([
      { if: { properties: { country: { const: 'Japan' } }, required: ['country'] }, then: { properties: { postalCode: expect.objectContaining({ title: 'Postal code' }) } } },
      { if: { properties: { country: { const: 'Other' } }, required: ['country'] }, then: { properties: { zip: expect.objectContaining({ title: 'Zip' }) } } },
    ]);
    expect(unsupported).toEqual([]);
  });
});
