/**
 * A chosen option that filled up meanwhile is a problem at its field in the resident form (and so in a
 * one-stop bundle's form the resident is sent back to): the count fetched after intake's 409 decides.
 */
import type { CapacityAvailability, FieldError, JsonSchema } from '@madoguchi/shared';
import { loadClient } from './clientModules';

const { fullChoiceErrors, untakenAvailability } = loadClient<{
  fullChoiceErrors: (a: CapacityAvailability | undefined, s: JsonSchema, d: unknown, l: 'ja' | 'en') => FieldError[];
  untakenAvailability: (s: JsonSchema, procedureId: string) => CapacityAvailability;
}>('resident/form/capacity');

const schema = {
  type: 'object',
  properties: {
    session: { type: 'string', title: '参加する回', enum: ['午前', '午後', '夜'], 'x-capacity': { limits: { 午前: 30, 午後: 30 }, countOf: 'participants' } },
    participants: { type: 'array', items: { type: 'object', properties: { who: { type: 'string' } } } },
  },
} as JsonSchema;
const availability = {
  fields: [
    {
      path: 'session',
      title: '参加する回',
      options: [
        { option: '午前', capacity: 30, taken: 30, remaining: 0 },
        { option: '午後', capacity: 30, taken: 28, remaining: 2 },
        { option: '夜', capacity: null, taken: 0, remaining: null },
      ],
    },
  ],
} as unknown as CapacityAvailability;
const people = (n: number) => Array.from({ length: n }, (_, i) => ({ who: `p${i}` }));

test('a full option, or one with fewer places than participants, is an error at the field', () => {
  expect(fullChoiceErrors(availability, schema, { session: '午前', participants: people(1) }, 'ja')).toEqual([
    { pointer: '/session', property: '.session', label: '参加する回', keyword: 'capacity_full', message: '「参加する回」の「午前」は定員に達したため、申し込めません。ほかの選択肢を選んでください。' },
  ]);
  expect(fullChoiceErrors(availability, schema, { session: '午後', participants: people(3) }, 'en')[0]!.message).toBe('"午後" of "参加する回" has only 2 places left. Please choose another option.');
});

test('enough places, no limit, or no count yet: no error', () => {
  expect(fullChoiceErrors(availability, schema, { session: '午後', participants: people(2) }, 'ja')).toEqual([]);
  expect(fullChoiceErrors(availability, schema, { session: '夜', participants: people(5) }, 'ja')).toEqual([]);
  expect(fullChoiceErrors(undefined, schema, { session: '午前', participants: people(1) }, 'ja')).toEqual([]);
});

test("the builder preview's count: every limit untouched, no badge for an option without one", () => {
  const untaken = untakenAvailability(schema, 'kouza');
  expect(untaken).toEqual({
    procedureId: 'kouza',
    fields: [
      {
        path: 'session',
        title: '参加する回',
        options: [
          { option: '午前', capacity: 30, taken: 0, remaining: 30 },
          { option: '午後', capacity: 30, taken: 0, remaining: 30 },
          { option: '夜', capacity: null, taken: 0, remaining: null },
        ],
      },
    ],
  });
  // Nobody has applied to a preview: even 30 participants fit the morning session.
  expect(fullChoiceErrors(untaken, schema, { session: '午前', participants: people(30) }, 'ja')).toEqual([]);
  expect(fullChoiceErrors(untaken, schema, { session: '午前', participants: people(31) }, 'ja')[0]!.keyword).toBe('capacity_full');
});
