/** The inbox list reads its rows as arrays (storage/sqlite/inboxRepository.ts): every position must land on its column's name. */
import { META_FIELDS, metaRowOf } from '../../server/src/storage/sqlite/inboxRepository';

describe('inbox list rows read as arrays', () => {
  it('names every position after the column selected there', () => {
    const values = META_FIELDS.map((field) => `value of ${field}`);
    const row = metaRowOf(values) as unknown as Record<string, unknown>;
    expect(Object.keys(row)).toEqual([...META_FIELDS]);
    for (const field of META_FIELDS) expect(row[field]).toBe(`value of ${field}`);
  });
});
