/** The guide rules as data: checked against the presets and questions they name. */
import { guideIssues, guideProblems, type LifeEventGuide } from '@madoguchi/shared';
import { loadGuides, presetIds } from '@madoguchi/presets';

const guide: LifeEventGuide = {
  id: 'g',
  lifeEvent: '出生',
  title: 't',
  lead: 'l',
  questions: [{ id: 'q', text: 'q?', options: ['はい', 'いいえ'] }],
  items: [{ procedureId: 'jidou-teate-nintei', when: [{ field: 'q', equals: 'はい' }], reason: 'r' }],
};

it('the shipped guides load and point only at existing presets, questions and options', () => {
  const guides = loadGuides(presetIds());
  expect(guides.map((g) => g.id)).toEqual(['shussei', 'kaigo', 'hisai']); // in the order residents meet the events
  for (const g of guides) expect(guideProblems(g, presetIds())).toEqual([]);
});

it('names what is wrong with a guide', () => {
  const ids = new Set(['jidou-teate-nintei']);
  expect(guideProblems(guide, ids)).toEqual([]);
  expect(guideProblems({ ...guide, items: [{ procedureId: 'nope', reason: 'r' }] }, ids)).toEqual(['items/0: unknown procedure nope']);
  expect(guideProblems({ ...guide, items: [{ title: 'x', when: [{ field: 'z', equals: 'はい' }], reason: 'r' }] }, ids)).toEqual(['items/0: rule names unknown question z']);
  expect(guideProblems({ ...guide, items: [{ title: 'x', when: [{ field: 'q', equals: 'たぶん' }], reason: 'r' }] }, ids)).toEqual(['items/0: q has no option 「たぶん」']);
  expect(guideProblems({ ...guide, items: [{ reason: 'r' }] }, ids)).toEqual(['items/0: needs a procedureId or a title']);
  // The same problems, structured: where (a pointer into the guide) and what, for the staff console's per-field messages.
  expect(guideIssues({ ...guide, items: [{ title: 'x', when: [{ field: 'q', equals: 'たぶん' }], reason: 'r' }] }, ids)).toEqual([
    { pointer: '/items/0/when/0', kind: 'unknownOption', question: 'q', option: 'たぶん' },
  ]);
});

it('every shipped guide has English for each of its Japanese texts', () => {
  const missing: string[] = [];
  const need = (where: string, ja: string | undefined, en: string | undefined) => {
    if (ja !== undefined && !en?.trim()) missing.push(where);
  };
  for (const g of loadGuides(presetIds())) {
    need(`${g.id}/title`, g.title, g.titleEn);
    need(`${g.id}/lead`, g.lead, g.leadEn);
    for (const q of g.questions) {
      need(`${g.id}/${q.id}/text`, q.text, q.textEn);
      need(`${g.id}/${q.id}/help`, q.help, q.helpEn);
      expect(q.optionsEn?.length).toBe(q.options.length);
    }
    for (const [i, item] of g.items.entries()) {
      // A procedure of the catalog has only a Japanese title in the guide's `online` map: the item names it in English.
      need(`${g.id}/items/${i}/title`, item.title ?? item.procedureId, item.titleEn);
      need(`${g.id}/items/${i}/reason`, item.reason, item.reasonEn);
      need(`${g.id}/items/${i}/deadline`, item.deadline, item.deadlineEn);
      need(`${g.id}/items/${i}/where`, item.where, item.whereEn);
    }
  }
  expect(missing).toEqual([]);
});

it('the English of a shipped deadline says what the law says', () => {
  const birth = loadGuides(presetIds())
    .find((g) => g.id === 'shussei')!
    .items.find((i) => i.title === '出生届')!;
  expect(birth.deadlineEn).toMatch(/14 days.*3 months.*born abroad.*Family Register Act.*Article 49/);
});

it('an English text given but empty is a problem (leave it out to show the Japanese)', () => {
  const ids = new Set(['jidou-teate-nintei']);
  const blank = { ...guide, leadEn: ' ', questions: [{ ...guide.questions[0]!, helpEn: '' }], items: [{ ...guide.items[0]!, titleEn: 'Child allowance', reasonEn: '', deadlineEn: ' ' }] };
  expect(guideIssues(blank, ids)).toEqual([
    { pointer: '/leadEn', kind: 'emptyEnglish' },
    { pointer: '/questions/0/helpEn', kind: 'emptyEnglish' },
    { pointer: '/items/0/reasonEn', kind: 'emptyEnglish' },
    { pointer: '/items/0/deadlineEn', kind: 'emptyEnglish' },
  ]);
  expect(guideProblems({ ...guide, items: [{ ...guide.items[0]!, whereEn: '' }] }, ids)).toEqual(['items/0/whereEn: English text is empty (leave it out to show the Japanese)']);
});
