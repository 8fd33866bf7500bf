/** Push mappings against a form (issue #21): 個人番号 and x-sensitive answers need the admin's confirmation, asked for or not. */
import type { FormVersion } from '@madoguchi/shared';
import { PushService } from '../../server/src/modules/backoffice/pushService';
import { pushFields } from '../../server/src/modules/backoffice/pushFields';
import { mappedFields } from '../../server/src/modules/backoffice/pushPayload';
import { wants } from '../../server/src/modules/backoffice/pushDelivery';
import { WebhookAddressPolicy } from '../../server/src/modules/backoffice/webhookAddresses';
import type { Storage, SubmissionMeta } from '../../server/src/storage/types';
import { ValidationError } from '../../server/src/errors';

const schema = {
  type: 'object',
  properties: {
    applicant: {
      type: 'object',
      title: '申請者',
      properties: { name: { type: 'string', title: '氏名' }, myNumber: { type: 'string', title: '個人番号', format: 'my-number' } },
    },
    income: { type: 'object', title: '所得', 'x-sensitive': true, properties: { amount: { type: 'integer', title: '金額' } } },
  },
};
const form = { procedureId: 'p', version: 3, schema } as unknown as FormVersion;
const service = new PushService({} as Storage, { addresses: new WebhookAddressPolicy(), allowLoopbackHttp: false });
const rows = [
  { field: 'name', source: 'answer', pointer: '/applicant/name' },
  { field: 'kojinBango', source: 'answer', pointer: '/applicant/myNumber' },
  { field: 'shotoku', source: 'answer', pointer: '/income/amount' },
  { field: 'shinsei', source: 'answer', pointer: '/applicant' },
];

describe('push mapping', () => {
  it('lists the fields by label, sensitive ones marked', () => {
    expect(pushFields(schema)).toEqual([
      { pointer: '/applicant', label: '申請者', group: true, sensitive: false },
      { pointer: '/applicant/name', label: '申請者／氏名', group: false, sensitive: false },
      { pointer: '/applicant/myNumber', label: '申請者／個人番号', group: false, sensitive: true },
      { pointer: '/income', label: '所得', group: true, sensitive: true },
      { pointer: '/income/amount', label: '所得／金額', group: false, sensitive: true },
    ]);
  });

  it('refuses sensitive answers (itself, under a sensitive group, or a group holding one) without the confirmation', () => {
    let error: ValidationError | undefined;
    try {
      service.checkMapping(form, rows, false, 'ja');
    } catch (e) {
      error = e as ValidationError;
    }
    expect(error).toBeInstanceOf(ValidationError);
    expect(error!.fields.map((f) => f.pointer)).toEqual(['/mapping/1', '/mapping/2', '/mapping/3']);
    expect(error!.fields[0]!.message).toContain('「申請者／個人番号」は個人番号などの機微な項目です。');
    expect(service.checkMapping(form, rows, true, 'ja')).toHaveLength(4);
  });

  it('sends a sensitive answer as null when the confirmation is missing (a field marked after the mapping was saved)', () => {
    const meta = { receiptNumber: 'R1' } as SubmissionMeta;
    const data = { applicant: { name: '水戸 太郎', myNumber: '123456789018' } };
    const target = { mapping: rows.slice(0, 2) as never, sensitiveConfirmed: false };
    expect(mappedFields(target, data, meta, schema)).toEqual({ name: '水戸 太郎', kojinBango: null });
    expect(mappedFields({ ...target, sensitiveConfirmed: true }, data, meta, schema)).toEqual({ name: '水戸 太郎', kojinBango: '123456789018' });
  });

  it('pushes a status change only to the statuses the admin chose (none chosen: every move)', () => {
    const moved = (status: string) => ({ type: 'submission.status-changed' as const, data: { status } });
    const target = { events: ['submission.status-changed' as const], statuses: ['completed' as const, 'rejected' as const], active: true };
    expect([moved('completed'), moved('in-review'), moved('rejected')].map((e) => wants(target, e))).toEqual([true, false, true]);
    expect(wants({ ...target, statuses: [] }, moved('in-review'))).toBe(true);
    expect(wants({ ...target, active: false }, moved('completed'))).toBe(false);
    expect(wants(target, { type: 'submission.received', data: { status: 'received' } })).toBe(false);
  });
});
