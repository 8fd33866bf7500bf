/**
 * Importing JSON Schemas written elsewhere, shaped like the react-jsonschema-form
 * playground's samples: each imports and passes the publish checks (fields
 * without a title get one from their key, listed for the clerk), a root allOf
 * is merged, and what cannot be represented is refused with its JSON pointer.
 */
import { checkDraft, finalizeDocument, importDocument } from '@madoguchi/shared';

const samples: Record<string, object> = {
  simple: { title: 'A registration form', type: 'object', required: ['firstName', 'lastName'], properties: { firstName: { type: 'string', title: 'First name' }, lastName: { type: 'string', title: 'Last name' }, age: { type: 'integer', title: 'Age' }, bio: { type: 'string', title: 'Bio' }, password: { type: 'string', title: 'Password', minLength: 3 }, telephone: { type: 'string', title: 'Telephone', minLength: 10 } } },
  untitled: { type: 'object', properties: { firstName: { type: 'string' }, last_name: { type: 'string' }, done: { type: 'boolean' } } },
  nested: { title: 'A list of tasks', type: 'object', required: ['title'], properties: { title: { type: 'string', title: 'Task list title' }, tasks: { type: 'array', title: 'Tasks', items: { type: 'object', required: ['title'], properties: { title: { type: 'string', title: 'Title' }, details: { type: 'string', title: 'Task details' }, done: { type: 'boolean', title: 'Done?' } } } } } },
  numbers: { type: 'object', title: 'Number fields & widgets', properties: { number: { title: 'Number', type: 'number' }, integer: { title: 'Integer', type: 'integer' }, numberEnum: { type: 'number', title: 'Number enum', enum: [1, 2, 3] }, integerRange: { title: 'Integer range', type: 'integer', minimum: -50, maximum: 50 } } },
  references: { definitions: { address: { type: 'object', properties: { street_address: { type: 'string' }, city: { type: 'string' }, state: { type: 'string' } }, required: ['street_address', 'city', 'state'] } }, type: 'object', properties: { billing_address: { title: 'Billing address', $ref: '#/definitions/address' }, shipping_address: { title: 'Shipping address', $ref: '#/definitions/address' } } },
  date: { title: 'Date and time widgets', type: 'object', properties: { date: { type: 'string', format: 'date', title: 'Date' }, email: { type: 'string', format: 'email', title: 'Email' } } },
  validation: { title: 'Custom validation', type: 'object', properties: { pass1: { title: 'Password', type: 'string', minLength: 3 }, age: { title: 'Age', type: 'number', minimum: 18 } } },
  allOf: { allOf: [{ type: 'object', properties: { lorem: { type: 'string', title: 'Lorem' } }, required: ['lorem'] }, { type: 'object', properties: { ipsum: { type: 'string', title: 'Ipsum' } } }] },
  ifThenElse: { type: 'object', properties: { animal: { title: 'Animal', type: 'string', enum: ['Cat', 'Fish'] } }, allOf: [{ if: { properties: { animal: { const: 'Cat' } } }, then: { properties: { food: { title: 'Food', type: 'string', enum: ['meat', 'grass', 'fish'] } }, required: ['food'] } }] },
  enumChoices: { type: 'object', properties: { color: { title: 'Color', type: 'string', oneOf: [{ const: 'red', title: 'Red' }, { const: 'blue', title: 'Blue' }] } } },
};

describe('importing JSON Schema from elsewhere', () => {
  it.each(Object.entries(samples))('%s imports and passes the publish checks', (_name, schema) => {
    const { document, notes } = importDocument(schema, '082015', 'imported');
    const problems = checkDraft(finalizeDocument(document, '082015'));
    expect(problems.map((p) => `${p.where}: ${p.message}`)).toEqual([]);
    expect(Array.isArray(notes)).toBe(true);
  });

  it('labels untitled fields from their keys and lists them for the clerk', () => {
    const { document, notes } = importDocument(samples.untitled, '082015', 'imported');
    expect(Object.values(document.schema.properties as Record<string, { title: string }>).map((p) => p.title)).toEqual(['first name', 'last name', 'done']);
    expect(notes.join('\n')).toContain('次の3項目には名前がなかったため');
  });

  it('merges a root allOf of objects', () => {
    const { document } = importDocument(samples.allOf, '082015', 'imported');
    expect(Object.keys(document.schema.properties as object)).toEqual(['lorem', 'ipsum']);
    expect(document.schema.required).toEqual(['lorem']);
  });

  it('names exactly what it cannot represent: alternative sub-forms (oneOf/anyOf), also inside array items', () => {
    const alternatives = { type: 'object', properties: { contact: { title: 'Contact', oneOf: [{ type: 'object', properties: { phone: { type: 'string' } } }, { type: 'object', properties: { email: { type: 'string' } } }] } } };
    expect(() => importDocument(alternatives, '082015', 'imported')).toThrow('/properties/contact/oneOf');
    const inItems = { type: 'object', properties: { list: { type: 'array', title: 'List', items: { anyOf: [{ type: 'string' }, { type: 'number' }] } } } };
    expect(() => importDocument(inItems, '082015', 'imported')).toThrow('/properties/list/items/anyOf');
    expect(() => importDocument({ oneOf: [{ type: 'object', properties: {} }] }, '082015', 'imported')).toThrow('/oneOf');
  });
});
