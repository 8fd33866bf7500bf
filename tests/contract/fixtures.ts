/** Small valid domain objects for the contract suite. */
import { randomInt, randomUUID } from 'node:crypto';
import { formatReceiptNumber, type Disaster, type Procedure, type Submission } from '@madoguchi/shared';
import type { NewFormVersion, StoredFileMeta, User } from '../../server/src/storage/types';

export function procedure(id: string, owner = 'preset', title = 'テスト手続'): Procedure {
  return {
    id,
    owner,
    title,
    description: '説明',
    category: 'other',
    lifeEvents: ['other'],
    keywords: [],
    legalBasis: [],
    applicantRole: 'any',
    eligibility: 'どなたでも',
    prepare: [],
    contactDesk: { name: '総務課' },
    signaturePolicy: 'none',
    attachments: [],
  };
}

export function formInput(id: string, owner = 'preset', hash = 'h1'): NewFormVersion {
  return { procedure: procedure(id, owner), schema: { type: 'object', properties: { name: { type: 'string', title: '氏名' } } }, uiSchema: {}, contentHash: hash };
}

let counter = 0;
export function submission(overrides: Partial<Submission> = {}): Submission {
  counter++;
  const at = new Date(Date.UTC(2026, 10, 1, 0, 0, counter)).toISOString();
  return {
    id: randomUUID(),
    receiptNumber: formatReceiptNumber((n) => randomInt(n)),
    secretHash: 'a'.repeat(64),
    municipalityCode: '082015',
    procedureOwner: 'preset',
    procedureId: 'test',
    formVersion: 1,
    data: { name: '水戸 太郎' },
    attachments: {},
    status: 'received',
    history: [{ from: null, to: 'received', at, by: 'applicant' }],
    language: 'ja',
    createdAt: at,
    updatedAt: at,
    ...overrides,
  };
}

export function fileMeta(overrides: Partial<StoredFileMeta> = {}): StoredFileMeta {
  return {
    id: randomUUID(),
    municipalityCode: '082015',
    fileName: '被害写真（全景）.jpg',
    mediaType: 'image/jpeg',
    size: 3,
    sha256: 'b'.repeat(64),
    uploadToken: 'token-1',
    createdAt: new Date().toISOString(),
    ...overrides,
  };
}

export function user(overrides: Partial<User> = {}): User {
  const at = new Date().toISOString();
  return {
    id: randomUUID(),
    email: `clerk-${randomUUID()}@city.mito.example`,
    displayName: '窓口 花子',
    role: 'staff',
    municipalityCode: '082015',
    passwordHash: null,
    totpSecret: null,
    failedLogins: 0,
    lockedUntil: null,
    disabled: false,
    createdAt: at,
    updatedAt: at,
    ...overrides,
  };
}

/** An open disaster of 水戸市, declared on 2026-12-01 (被災者支援), with `overrides` on top. */
export function disaster(overrides: Partial<Disaster> = {}): Disaster {
  return {
    id: randomUUID(),
    municipalityCode: '082015',
    name: '令和8年12月茨城県北部の地震',
    occurredOn: '2026-12-01',
    kind: '地震',
    area: { towns: ['笠原町'], postalCodes: ['3108610'] },
    reliefAct: { applied: true, appliedOn: '2026-12-01' },
    status: 'open',
    declaredAt: '2026-12-01T03:00:00.000Z',
    declaredBy: 'u-admin',
    closedAt: null,
    closedBy: null,
    updatedAt: '2026-12-01T03:00:00.000Z',
    ...overrides,
  };
}
