/** Every shipped preset loads through the meta-schema, and its example submission is valid. */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FormValidator, collectPatterns, compileLinear, lockedAttachments, lockedFields, versionKey, type FormDocument } from '@madoguchi/shared';
import { InvalidPresetError, loadPreset, loadPresets } from '@madoguchi/presets';
import { makeTempDir } from '../helpers/tempDir';
import { freshExample } from '../helpers/presetExamples';
import { unsafePatternProblems } from '../../server/src/modules/catalog/patternSafety';

const presets = loadPresets();
const validator = new FormValidator();

describe('preset library', () => {
  it('ships 罹災証明書の発行申請', () => {
    expect(presets.map((p) => p.procedure.id)).toContain('risai-shomeisho');
  });

  describe.each(presets.map((p) => [p.procedure.id, p] as const))('%s', (_id, preset) => {
    it('has a valid example submission', () => {
      expect(preset.example).toBeDefined();
      const outcome = validator.validate(versionKey('preset', preset.procedure.id, 0), preset.schema, freshExample(preset.example));
      expect(outcome.errors).toEqual([]);
    });

    it('rejects an empty submission with Japanese messages', () => {
      const outcome = validator.validate(versionKey('preset', preset.procedure.id, 0), preset.schema, {});
      expect(outcome.valid).toBe(false);
      for (const e of outcome.errors) expect(e.message).toMatch(/[ぁ-んァ-ヶ一-龯]/);
    });

    it('has patterns that run in linear time on the server and pass the ReDoS check', async () => {
      for (const { pattern } of collectPatterns(preset.schema)) expect(() => compileLinear(pattern)).not.toThrow();
      const doc: FormDocument = { procedure: preset.procedure, schema: preset.schema, uiSchema: preset.uiSchema };
      expect(await unsafePatternProblems(doc)).toEqual([]);
    });

    it('documents what must be confirmed against the legal text', () => {
      const readme = join(preset.directory, 'README.md');
      expect(existsSync(readme)).toBe(true);
      expect(readFileSync(readme, 'utf8')).toMatch(/To confirm against the legal text/i);
    });

    it('lists its legal items with their provisions, and its signature policy, in the README', () => {
      const text = readFileSync(join(preset.directory, 'README.md'), 'utf8');
      expect(text).toMatch(/## Legal items \(locked against local edits\)/);
      expect(text).toMatch(/## Signature policy/);
      const legal = lockedFields({ procedure: preset.procedure, schema: preset.schema, uiSchema: preset.uiSchema }).filter((l) => l.reason === 'required');
      for (const l of legal) expect(text).toContain(`| \`${l.path}\` | ${l.label} | ${l.provision} |`);
      for (const a of lockedAttachments({ procedure: preset.procedure, schema: preset.schema, uiSchema: preset.uiSchema })) expect(text).toContain(`| \`${a.id}\` | ${a.label} | ${a.legalBasis} |`);
      if (legal.length === 0) expect(text).toMatch(/None\. No item of this form could be tied to a provision/);
    });
  });
});

describe('fresh examples', () => {
  it('move future dates forward with time, so examples stay valid', () => {
    expect(freshExample({ due: '2027-06-21', born: '1990-01-01' }, '2027-11-23')).toEqual({ due: '2028-06-20', born: '1990-01-01' });
  });
});

describe('preset loader', () => {
  it('refuses a preset that breaks the meta-schema, naming the problem', () => {
    const dir = makeTempDir();
    const presetDir = join(dir.path, 'broken-preset');
    mkdirSync(presetDir);
    writeFileSync(join(presetDir, 'definition.json'), JSON.stringify({ procedure: { id: 'broken-preset', title: '' }, form: { schema: { type: 'object', properties: {} }, uiSchema: {} } }));
    expect(() => loadPreset(presetDir)).toThrow(InvalidPresetError);
    try {
      loadPreset(presetDir);
    } catch (error) {
      expect((error as InvalidPresetError).problems.map((p) => p.where)).toEqual(expect.arrayContaining(['procedure/title', 'schema/properties']));
    }
    dir.remove();
  });
});
