/**
 * Helpers for inbox and back-office tests: the real app on a fresh SQLite
 * file with the real presets and chosen environment (and clock), staff signed
 * in through the real session API, and residents submitting 罹災証明書
 * applications through the public API.
 */
import { randomBytes } from 'node:crypto';
import request from 'supertest';
import type { Express } from 'express';
import type { UserRole } from '../../server/src/storage/types';
import type { Services } from '../../server/src/services';
import type { Storage } from '../../server/src/storage/types';
import { allPresets } from './testApp';
import { buildApp } from './buildApp';
import { makeUser, StaffClient } from './staffAuth';
import type { Answers } from './answers';

export { MITO, SAPPORO } from './staffAuth';
export const RISAI = 'risai-shomeisho';

export interface InboxApp {
  app: Express;
  storage: Storage;
  services: Services;
  dataDir: string;
  close: () => Promise<void>;
}

export function buildInboxApp(env: Record<string, string> = {}, now?: () => Date, options: { dataDir?: string; key?: Buffer; clientDist?: string } = {}): Promise<InboxApp> {
  return buildApp({ env: { LOGIN_RATE_LIMIT: '10000', ...env }, ...options, ...(now ? { now } : {}) });
}

/** A signed-in staff client of a municipality (or a platform admin with code null). */
export async function signIn(ctx: Pick<InboxApp, 'app' | 'storage'>, role: UserRole, code: string | null, overrides: Parameters<typeof makeUser>[3] = {}) {
  const user = await makeUser(ctx.storage, role, code, overrides);
  const client = new StaffClient(ctx.app);
  const res = await client.login(user.email);
  if (res.status !== 200) throw new Error(`login failed: ${res.status} ${JSON.stringify(res.body)}`);
  return { user, client };
}

/** The 罹災証明書 example answers, with changes. */
export function risaiData(change: (d: Answers) => void = () => undefined): Answers {
  const data = structuredClone(allPresets().find((p) => p.procedure.id === RISAI)!.example!) as Answers;
  change(data);
  return data;
}

export function setHouseholder(d: Answers, familyName: string, givenName: string, familyNameKana: string, givenNameKana: string) {
  d.householder.name = { familyName, givenName, familyNameKana, givenNameKana };
}

export interface Submitted {
  receiptNumber: string;
  secret: string;
  id: string;
}

/** A resident submits through the public API. */
export async function submit(ctx: Pick<InboxApp, 'app' | 'storage'>, data: Answers = risaiData(), code = '082015', extra: Record<string, unknown> = {}): Promise<Submitted> {
  const res = await request(ctx.app)
    .post(`/api/v1/municipalities/${code}/procedures/${RISAI}/submissions`)
    .send({ data, ...extra });
  if (res.status !== 201) throw new Error(`submit failed: ${res.status} ${JSON.stringify(res.body)}`);
  const stored = await ctx.storage.submissions.findByReceiptNumber(res.body.receiptNumber);
  return { receiptNumber: res.body.receiptNumber, secret: res.body.secret, id: stored!.id };
}

/** Uploads a file for an attachment of 罹災証明書 under an upload token. */
export async function upload(app: Express, uploadToken: string, content: Buffer, fileName: string, attachmentId = 'damagePhotos', code = '082015') {
  const res = await request(app)
    .post(`/api/v1/municipalities/${code}/uploads`)
    .set('X-Upload-Token', uploadToken)
    .field('procedureId', RISAI)
    .field('attachmentId', attachmentId)
    .attach('file', content, fileName);
  if (res.status !== 201) throw new Error(`upload failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.fileId as string;
}

export const uploadToken = () => randomBytes(18).toString('base64url');

/** A clock tests move by hand. */
export function manualClock(start = new Date()) {
  let t = start.getTime();
  return { now: () => new Date(t), advance: (ms: number) => (t += ms), set: (d: Date) => (t = d.getTime()) };
}
