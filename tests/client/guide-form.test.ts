/**
 * The guide editor's form values convert to the guide and back without
 * loss: every national guide, edited without a change, saves as it is
 * (so adopting a guide "as is" through the editor changes nothing).
 */
import type { LifeEventGuide } from '@madoguchi/shared';
import { loadGuides, presetIds } from '@madoguchi/presets';
import { loadClient } from './clientModules';

interface GuideForm {
  toValues: (guide: LifeEventGuide) => unknown;
  toGuide: (id: string, values: unknown) => LifeEventGuide;
}
const { toValues, toGuide } = loadClient<GuideForm>('staff/pages/guides/guideForm');

describe('guide editor form', () => {
  it.each(loadGuides(presetIds()).map((g) => [g.id, g] as const))('%s round-trips unchanged', (_id, guide) => {
    expect(toGuide(guide.id, toValues(guide))).toEqual(guide);
  });

  it('reads options one per line, leaves empty texts out and keeps a "not" condition', () => {
    const values = {
      lifeEvent: ' 転入 ',
      title: '引っ越してきたとき',
      titleEn: ' ',
      lead: '説明',
      leadEn: ' ',
      questions: [{ id: 'kids', text: 'お子さんは', textEn: '', help: '', helpEn: ' ', options: 'はい\n\n いいえ \n', optionsEn: '' }],
      items: [
        {
          procedureId: '',
          title: '転入届',
          titleEn: ' Moving-in notification ',
          reason: '届け出ます',
          reasonEn: '',
          deadline: '',
          deadlineEn: '',
          where: '',
          whereEn: ' ',
          when: [{ field: 'kids', op: 'notEquals', value: 'いいえ' }],
        },
      ],
    };
    expect(toGuide('tennyu', values)).toEqual({
      id: 'tennyu',
      lifeEvent: '転入',
      title: '引っ越してきたとき',
      lead: '説明',
      questions: [{ id: 'kids', text: 'お子さんは', options: ['はい', 'いいえ'] }],
      items: [{ title: '転入届', titleEn: 'Moving-in notification', reason: '届け出ます', when: [{ field: 'kids', notEquals: 'いいえ' }] }],
    });
  });
});
