/**
 * The states a long form's overview shows: a section is 未入力 until something
 * in it is answered (defaults do not count), 入力中 while errors remain, 入力済み
 * when its answers validate; the attachments wait for the answers, the check
 * page for everything. Checked on 児童手当の認定請求 with the shared validator.
 */
import { loadPresets } from '@madoguchi/presets';
import { freshExample } from '../helpers/presetExamples';
import { loadClient } from './clientModules';

type State = 'notStarted' | 'inProgress' | 'complete' | 'cannotStart';
interface FieldError {
  pointer: string;
}
interface StepView {
  title: string;
  fields: string[];
}
type Data = Record<string, unknown>;

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { createSchemaUtils } = require('@rjsf/utils') as { createSchemaUtils: (v: object, s: object, b?: object) => { getDefaultFormState: (s: object, d: unknown) => Data } };
const { SharedRjsfValidator } = loadClient<{ SharedRjsfValidator: new (k: string, l: 'ja' | 'en') => { validateAll: (s: object, d: unknown) => FieldError[] } }>('resident/form/sharedRjsfValidator');
const { RESIDENT_DEFAULTS_BEHAVIOR } = loadClient<{ RESIDENT_DEFAULTS_BEHAVIOR: object }>('resident/form/defaultsBehavior');
const { stepsOf, usesOverview } = loadClient<{ stepsOf: (s: object, ui: object, l: 'ja', t: string) => StepView[]; usesOverview: (n: number) => boolean }>('resident/apply/steps');
const { stepStates, attachmentsState, reviewOpen, isAnswered, isBlank } = loadClient<{
  stepStates: (steps: StepView[], data: Data, start: Data, errors: FieldError[]) => State[];
  attachmentsState: (sections: State[], fileCount: number, errors: FieldError[]) => State;
  reviewOpen: (parts: State[]) => boolean;
  isAnswered: (value: unknown, start: unknown) => boolean;
  isBlank: (value: unknown) => boolean;
}>('resident/apply/sectionStates');
const { stateOf, combinedState } = loadClient<{ stateOf: (e: boolean, a: boolean) => State; combinedState: (parts: State[]) => State }>('resident/tasks/taskState');

const preset = loadPresets().find((p) => p.procedure.id === 'jidou-teate-nintei')!;
const validator = new SharedRjsfValidator('jidou-teate-nintei', 'ja');
const utils = createSchemaUtils(validator, preset.schema, RESIDENT_DEFAULTS_BEHAVIOR);
const steps = stepsOf(preset.schema, preset.uiSchema, 'ja', preset.procedure.title);
const start = utils.getDefaultFormState(preset.schema, {});
const example = freshExample(structuredClone(preset.example!)) as Data;
const statesOf = (data: Data) => stepStates(steps, data, start, validator.validateAll(preset.schema, data));

describe('a long form’s section states', () => {
  it('児童手当の認定請求 is a long form with seven sections; a five-step form is not', () => {
    expect(steps).toHaveLength(7);
    expect(usesOverview(steps.length)).toBe(true);
    expect(usesOverview(5)).toBe(false);
  });

  it('a fresh form: every section 未入力 (its defaults are not answers)', () => {
    expect(statesOf(start)).toEqual(Array(7).fill('notStarted'));
  });

  it('the valid example: every section 入力済み', () => {
    expect(statesOf(example)).toEqual(Array(7).fill('complete'));
  });

  it('one section answered from the example: that one 入力済み, the others 未入力', () => {
    const claimant = Object.fromEntries(steps[0]!.fields.filter((f) => f in example).map((f) => [f, example[f]]));
    expect(statesOf({ ...start, ...claimant })).toEqual(['complete', ...Array(6).fill('notStarted')]);
  });

  it('a section with some answers and errors left is 入力中', () => {
    const data = { ...start, claimant: { ...(start.claimant as Data), name: { familyName: '山田' } } };
    expect(statesOf(data)[0]).toBe('inProgress');
    // Typing and then clearing again leaves nothing answered.
    expect(statesOf({ ...start, claimant: { ...(start.claimant as Data), name: { familyName: '' } } })[0]).toBe('notStarted');
  });

  it('an error in a later section does not touch the ones before it', () => {
    const data = { ...example, account: { ...(example.account as Data), accountNumber: 'abc' } };
    const states = statesOf(data);
    expect(states[5]).toBe('inProgress');
    expect(states.filter((s, i) => i !== 5)).toEqual(Array(6).fill('complete'));
  });
});

describe('attachments and the check page', () => {
  const missing = [{ pointer: '/attachments/bankProof' }];
  it('the attachments cannot start while a section is unfinished, unless a file is already attached', () => {
    expect(attachmentsState(['complete', 'notStarted'], 0, [])).toBe('cannotStart');
    expect(attachmentsState(['complete', 'inProgress'], 1, missing)).toBe('inProgress');
    expect(attachmentsState(['complete', 'complete'], 0, missing)).toBe('notStarted');
    expect(attachmentsState(['complete', 'complete'], 0, [])).toBe('complete');
    expect(attachmentsState(['complete', 'complete'], 2, [{ pointer: '/claimant/phone' }])).toBe('complete');
  });

  it('the check page opens only when every part is complete', () => {
    expect(reviewOpen(['complete', 'complete'])).toBe(true);
    expect(reviewOpen(['complete', 'inProgress'])).toBe(false);
    expect(reviewOpen(['complete', 'cannotStart'])).toBe(false);
  });
});

describe('answers and states', () => {
  it('counts a given value, not an empty one or the form’s starting value', () => {
    expect(isBlank({ a: '', b: [{}], c: { d: null } })).toBe(true);
    expect(isBlank(false)).toBe(false);
    expect(isAnswered(false, undefined)).toBe(true);
    expect(isAnswered('茨城県', '茨城県')).toBe(false);
    expect(isAnswered([{ name: '' }], [{}])).toBe(false);
    expect(isAnswered([{ name: '花子' }], [{}])).toBe(true);
  });

  it('names states as GOV.UK does, and combines a procedure’s sections into one', () => {
    expect([stateOf(true, false), stateOf(true, true), stateOf(false, false)]).toEqual(['notStarted', 'inProgress', 'complete']);
    expect(combinedState(['complete', 'complete'])).toBe('complete');
    expect(combinedState(['notStarted', 'cannotStart'])).toBe('notStarted');
    expect(combinedState(['complete', 'notStarted'])).toBe('inProgress');
  });
});
