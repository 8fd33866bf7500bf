/**
 * One-time secret links (setup and invitations). The token travels in the
 * URL fragment (`/staff/setup#<token>`), so it never reaches server logs;
 * only its sha256 is stored, and the store consumes it atomically.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import type { AuthToken, Storage } from '../storage/types';
import { sha256Hex } from '../security/keys';

export const newTokenValue = () => randomBytes(32).toString('base64url');
export const tokenHash = (token: unknown) => sha256Hex(typeof token === 'string' ? token : '');

/** Where the first admin sets up their account. */
export const setupUrl = (publicUrl: string, token: string) => `${publicUrl}/staff/setup#${token}`;
/** Where an invited person creates their account. */
export const inviteUrl = (publicUrl: string, token: string) => `${publicUrl}/staff/invite#${token}`;

const SETUP_TTL_HOURS = 24;

/** Replaces any unused setup token with a new one and returns it (shown once, never stored in clear). */
export async function issueSetupToken(storage: Storage, now: Date): Promise<string> {
  await storage.authTokens.deleteUnused('setup');
  const token = newTokenValue();
  const record: AuthToken = {
    id: randomUUID(),
    kind: 'setup',
    tokenHash: tokenHash(token),
    email: null,
    role: 'platform-admin',
    municipalityCode: null,
    procedureIds: null,
    createdBy: 'system',
    createdAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + SETUP_TTL_HOURS * 3_600_000).toISOString(),
    usedAt: null,
  };
  await storage.authTokens.create(record);
  await storage.audit.append({ at: now.toISOString(), actor: 'system', action: 'auth.setup_link_issued', municipalityCode: null, targetType: 'auth_token', targetId: record.id, details: {} });
  return token;
}

/**
 * On a deployment without any account, issues a setup link and prints it:
 * the way in for the first platform admin, instead of a default password.
 * Returns the URL (or null when accounts exist).
 */
export async function announceSetupLink(storage: Storage, publicUrl: string, print: (line: string) => void, now = new Date()): Promise<string | null> {
  if ((await storage.users.count()) > 0) return null;
  const url = setupUrl(publicUrl, await issueSetupToken(storage, now));
  print(
    [
      '',
      '  最初のプラットフォーム管理者を登録してください / Create the first platform administrator:',
      `  ${url}`,
      `  (一度だけ使えます。${SETUP_TTL_HOURS}時間有効、再起動すると新しいリンクになります / one use, valid ${SETUP_TTL_HOURS} h, a restart issues a new link)`,
      '',
    ].join('\n'),
  );
  return url;
}
