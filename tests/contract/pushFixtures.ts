/** A push target for the storage contract suites (issue #21). */
import { randomUUID } from 'node:crypto';
import type { PushTarget } from '../../server/src/storage/types';

export const pushTarget = (over: Partial<PushTarget> = {}): PushTarget => ({
  id: randomUUID(),
  municipalityCode: '082015',
  procedureId: 'risai',
  name: '基幹系',
  url: 'https://kikan.example.jp/intake',
  secret: 's3cret',
  events: ['submission.received'],
  statuses: [],
  includePdf: true,
  mapping: [
    { field: 'shinseiBango', source: 'meta', meta: 'receiptNumber' },
    { field: 'shi', source: 'answer', pointer: '/householder/name/familyName' },
  ],
  sensitiveConfirmed: false,
  active: true,
  createdAt: '2026-12-01T00:00:00.000Z',
  createdBy: 'u1',
  updatedAt: '2026-12-01T00:00:00.000Z',
  ...over,
});
