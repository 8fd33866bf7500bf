/** Schemas of the life-event guides in the API (shared/src/guides for the model). */
import { Arr, Bool, Closed, Opt, Str, Type, component } from './kit';

const condition = Closed({
  field: Str(),
  equals: Opt(Type.Union([Type.String(), Type.Number(), Type.Boolean()])),
  notEquals: Opt(Type.Union([Type.String(), Type.Number(), Type.Boolean()])),
  in: Opt(Arr(Type.Union([Type.String(), Type.Number(), Type.Boolean()]))),
});
const item = {
  procedureId: Opt(Str()),
  title: Opt(Str()),
  titleEn: Opt(Str()),
  when: Opt(Arr(condition)),
  reason: Str(),
  reasonEn: Opt(Str()),
  deadline: Opt(Str()),
  deadlineEn: Opt(Str()),
  where: Opt(Str()),
  whereEn: Opt(Str()),
};

export const GuideSummarySchema = component(
  'GuideSummary',
  Closed({ id: Str(), lifeEvent: Str(), title: Str(), titleEn: Opt(Str()), lead: Str(), leadEn: Opt(Str()), procedureIds: Arr(Str(), { description: 'The procedures the guide may lead to' }) }),
);

/** A whole guide: its questions and its items with their rules (shared/src/guides/lifeEventGuide.ts). */
export const LifeEventGuideSchema = component(
  'LifeEventGuide',
  Closed({
    id: Str(),
    lifeEvent: Str(),
    title: Str(),
    titleEn: Opt(Str()),
    lead: Str(),
    leadEn: Opt(Str()),
    questions: Arr(Closed({ id: Str(), text: Str(), textEn: Opt(Str()), help: Opt(Str()), helpEn: Opt(Str()), options: Arr(Str()), optionsEn: Opt(Arr(Str())) })),
    items: Arr(Closed(item)),
  }),
);

export const GuideViewSchema = component(
  'GuideView',
  Closed({
    guide: LifeEventGuideSchema,
    online: Type.Record(Type.String(), Str(), { description: 'Procedure id → title, for the guide procedures this municipality takes online' }),
  }),
);

export const GuideResultItemSchema = component('GuideResultItem', Closed({ ...item, online: Bool() }));
