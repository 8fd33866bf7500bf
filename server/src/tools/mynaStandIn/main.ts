/**
 * `npm run dev:myna-idp`: the デジタル認証アプリ stand-in for trying card
 * sign-in and signatures on one machine. NOT the real service: it signs with
 * a test CA made at start and lets you pick a test resident on a web page.
 * Refused with NODE_ENV=production.
 */
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { JWK } from 'jose';
import { ensurePrivateDir } from '../../security/privateFiles';
import { makeSigningCertificate, makeTestPki } from './testCertificates';
import { startStandIn, type TestPerson } from './standInProvider';

const TEST_RESIDENTS = [
  { sub: 'test-mito', claims: { name: '水戸　太郎', address: '茨城県水戸市中央一丁目4番1号', birthdate: '1985-04-01', gender: 'male' } },
  { sub: 'test-gaiji', claims: { name: '𠮷田　髙子', address: '茨城県東茨城郡大洗町磯浜町6881番地の275', birthdate: '1990-11-23', gender: 'female' } },
];

async function main(): Promise<number> {
  if ((process.env.NODE_ENV ?? '') === 'production') {
    console.error('dev:myna-idp is a stand-in for development and tests; it does not run with NODE_ENV=production.');
    return 1;
  }
  const port = Number(process.env.MYNA_STAND_IN_PORT ?? 4400);
  const publicUrl = (process.env.PUBLIC_URL ?? 'http://localhost:3000').replace(/\/$/, '');
  const rp = new URL(publicUrl);
  if (!['localhost', '127.0.0.1', '[::1]'].includes(rp.hostname)) {
    console.error(`PUBLIC_URL must be on this machine for the stand-in (got ${publicUrl}).`);
    return 1;
  }
  const dataDir = resolve(process.env.DATA_DIR ?? 'data');
  const pki = await makeTestPki();
  const people: TestPerson[] = [];
  for (const r of TEST_RESIDENTS) {
    const cert = await makeSigningCertificate(r.claims.name, pki.signingCa);
    people.push({ ...r, certificate: cert.certificate, privateKey: cert.privateKey });
  }
  ensurePrivateDir(dataDir);
  const anchors = join(dataDir, 'myna-stand-in-anchors.pem');
  writeFileSync(anchors, pki.anchorsPem, { mode: 0o600 });
  const client = { clientId: 'madoguchi-local', clientSecret: 'stand-in-secret-not-for-production' };
  const idp = await startStandIn({
    host: '127.0.0.1',
    port,
    client: { ...client, redirectUris: [`${publicUrl}/api/v1/resident/card/callback`] },
    people,
    resultKey: async () => ((await (await fetch(`${publicUrl}/api/v1/resident/card/jwks`)).json()) as { keys: JWK[] }).keys[0]!,
  });
  const line = '!'.repeat(78);
  console.log(
    [
      line,
      '!! デジタル認証アプリ STAND-IN — NOT THE REAL SERVICE (test CA, test residents only)',
      line,
      `Issuer: ${idp.issuer}`,
      'Start Madoguchi against it in another terminal:',
      '',
      `  MYNA_ISSUER=${idp.issuer} MYNA_CLIENT_ID=${client.clientId} MYNA_CLIENT_SECRET=${client.clientSecret} \\`,
      `  MYNA_TRUST_ANCHORS=${anchors} PUBLIC_URL=${publicUrl} npm start`,
      '',
      `Test residents: ${TEST_RESIDENTS.map((r) => r.claims.name).join(', ')}`,
    ].join('\n'),
  );
  await new Promise<void>((done) => process.once('SIGINT', () => done()));
  await idp.close();
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
