/**
 * What changed between two revisions (issue #21): changed, added and removed
 * answers with the labels of each revision's form version, files added and
 * removed, and sensitive answers reported as changed without their values.
 */
import { answerList, type JsonSchema } from '@madoguchi/shared';
import { revisionDiff, type RevisionFileGroup } from '../../server/src/modules/inbox/revisionDiff';

const schema: JsonSchema = {
  type: 'object',
  properties: {
    name: { type: 'string', title: '氏名' },
    phone: { type: 'string', title: '電話番号' },
    note: { type: 'string', title: '備考' },
    myNumber: { type: 'string', title: '個人番号', format: 'my-number' },
    income: { type: 'integer', title: '所得', 'x-sensitive': true },
  },
};
const lines = (data: Record<string, unknown>, s: JsonSchema = schema) => answerList(s, data, { revealSensitive: true, language: 'ja' });
const side = (data: Record<string, unknown>, files: RevisionFileGroup[] = [], s: JsonSchema = schema) => ({ answers: lines(data, s), files });

describe('revisionDiff', () => {
  it('marks changed answers with the old and the new value, and leaves unchanged ones out', () => {
    const diff = revisionDiff(side({ name: '水戸太郎', phone: '029-000-0000' }), side({ name: '水戸太郎', phone: '029-111-1111' }));
    expect(diff.answers).toEqual([{ pointer: '/phone', label: '電話番号', change: 'changed', before: '029-000-0000', after: '029-111-1111' }]);
    expect(diff.files).toEqual([]);
  });

  it('lists answers added and removed', () => {
    const diff = revisionDiff(side({ name: '水戸太郎', note: '午前中希望' }), side({ name: '水戸太郎', phone: '029-111-1111' }));
    expect(diff.answers).toEqual([
      { pointer: '/phone', label: '電話番号', change: 'added', before: null, after: '029-111-1111' },
      { pointer: '/note', label: '備考', change: 'removed', before: '午前中希望', after: null },
    ]);
  });

  it('says a sensitive answer changed, was added or removed, never what it was or became', () => {
    const diff = revisionDiff(side({ myNumber: '123456789018', income: 100 }), side({ myNumber: '123456789026' }));
    expect(diff.answers).toEqual([
      { pointer: '/myNumber', label: '個人番号', change: 'changed', before: null, after: null, sensitive: true },
      { pointer: '/income', label: '所得', change: 'removed', before: null, after: null, sensitive: true },
    ]);
    expect(JSON.stringify(diff)).not.toMatch(/1234567890|100/);
  });

  it('an unchanged sensitive answer is not mentioned', () => {
    expect(revisionDiff(side({ myNumber: '123456789018' }), side({ myNumber: '123456789018' })).answers).toEqual([]);
  });

  it('labels answers by the newer revision’s form version', () => {
    const renamed: JsonSchema = { ...schema, properties: { ...schema.properties, phone: { type: 'string', title: '連絡先電話番号' } } };
    const diff = revisionDiff(side({ phone: '1' }), side({ phone: '2' }, [], renamed));
    expect(diff.answers[0]!.label).toBe('連絡先電話番号');
  });

  it('names an answer with the groups it sits in', () => {
    const nested: JsonSchema = {
      type: 'object',
      properties: { householder: { type: 'object', title: '世帯主', properties: { name: { type: 'object', title: '氏名', properties: { givenName: { type: 'string', title: '名' } } } } } },
    };
    const diff = revisionDiff(side({ householder: { name: { givenName: '太郎' } } }, [], nested), side({ householder: { name: { givenName: '太朗' } } }, [], nested));
    expect(diff.answers).toEqual([{ pointer: '/householder/name/givenName', label: '世帯主 › 氏名 › 名', change: 'changed', before: '太郎', after: '太朗' }]);
  });

  it('lists files added and removed by id (a re-upload under the same name is a new file)', () => {
    const before = [
      {
        specId: 'id-doc',
        label: '本人確認書類',
        files: [
          { id: 'f1', fileName: 'license.jpg' },
          { id: 'f2', fileName: 'back.jpg' },
        ],
      },
    ];
    const after = [
      {
        specId: 'id-doc',
        label: '本人確認書類',
        files: [
          { id: 'f2', fileName: 'back.jpg' },
          { id: 'f3', fileName: 'license.jpg' },
        ],
      },
    ];
    expect(revisionDiff(side({}, before), side({}, after)).files).toEqual([
      { specId: 'id-doc', label: '本人確認書類', change: 'added', fileId: 'f3', fileName: 'license.jpg' },
      { specId: 'id-doc', label: '本人確認書類', change: 'removed', fileId: 'f1', fileName: 'license.jpg' },
    ]);
  });
});
