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
