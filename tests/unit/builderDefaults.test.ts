/** Keys of fields added without a name: readable, unique in the whole form, and apart from the preset's own keys. */
import { newFieldKey, type FormDocument } from '@madoguchi/shared';

const doc = (owner: string, properties: Record<string, unknown>, basedOn?: { presetId: string; presetVersion: number }) =>
  ({ procedure: { id: 'x', owner, title: 'X', ...(basedOn ? { basedOn } : {}) }, schema: { type: 'object', properties }, uiSchema: {} }) as unknown as FormDocument;

describe('new field keys', () => {
  it('names a field after its kind, never repeating a key used anywhere in the form', () => {
    expect(newFieldKey(doc('082015', {}), 'date')).toBe('date1');
    const nested = doc('082015', {
      section: { type: 'object', properties: { date1: { type: 'string' } } },
      items: { type: 'array', items: { type: 'object', properties: { date2: { type: 'string' } } } },
    });
    expect(newFieldKey(nested, 'date')).toBe('date3');
    expect(newFieldKey(nested, 'choice')).toBe('choice1');
  });

  it('marks fields a municipality adds to an adopted preset with its code, so a preset update cannot bring the same key', () => {
    const adopted = doc('082015', { text1: { type: 'string' } }, { presetId: 'risai-shomeisho', presetVersion: 3 });
    expect(newFieldKey(adopted, 'text')).toBe('m082015_text1');
    // The preset library's own edits use plain keys: the two can never meet.
    expect(newFieldKey(doc('preset', { text1: { type: 'string' } }), 'text')).toBe('text2');
  });
});

describe('the first step of a form', () => {
  it('becomes step 1 and holds every field, instead of a hidden step before it', async () => {
    const { composeLayer } = await import('@madoguchi/shared');
    const base = doc('082015', {});
    const layer = composeLayer(
      base,
      [
        { id: 'a', type: 'addField', parent: '', field: { key: 'name', kind: 'text', label: '氏名', required: true } },
        { id: 'b', type: 'addField', parent: '', field: { key: 'phone', kind: 'phone', label: '電話番号', required: true } },
        { id: 'c', type: 'addStep', title: '申込者', first: true },
      ] as never,
      { enforceLocks: false },
    );
    expect(layer.uiSchema['ui:options'].steps).toEqual([{ title: '申込者', fields: ['name', 'phone'] }]);
  });
});
