/**
 * A test PKI for the stand-in: a root, a 署名用 intermediate (as JPKI has a
 * signing CA under its root) and residents' 署名用電子証明書. Made on the fly
 * with @peculiar/x509; nothing here is, or looks like, a real JPKI key.
 */
import 'reflect-metadata';
import { webcrypto, createPrivateKey, type KeyObject } from 'node:crypto';

type CryptoKeyPair = webcrypto.CryptoKeyPair;
import * as x509 from '@peculiar/x509';

x509.cryptoProvider.set(webcrypto as unknown as Parameters<typeof x509.cryptoProvider.set>[0]);

const RSA = { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256', publicExponent: new Uint8Array([1, 0, 1]), modulusLength: 2048 } as const;

export interface IssuedCertificate {
  certificate: Buffer;
  privateKey: KeyObject;
  /** Keys in WebCrypto form, to issue further certificates. */
  keys: CryptoKeyPair;
  pem: string;
}

async function exportKey(keys: CryptoKeyPair): Promise<KeyObject> {
  return createPrivateKey({ key: Buffer.from(await webcrypto.subtle.exportKey('pkcs8', keys.privateKey)), format: 'der', type: 'pkcs8' });
}

let serial = 1;
const nextSerial = () => (0x1000 + serial++).toString(16);

type Validity = { from: Date; to: Date };
const FIVE_YEARS: () => Validity = () => ({ from: new Date(Date.now() - 86_400_000), to: new Date(Date.now() + 5 * 365 * 86_400_000) });

/** Issues a certificate for a new key pair, signed by `issuer` (self-signed when absent). */
async function issue(subject: string | x509.JsonName, issuer: IssuedCertificate | undefined, validity: Validity, extensions: x509.Extension[]): Promise<IssuedCertificate> {
  const keys = (await webcrypto.subtle.generateKey(RSA, true, ['sign', 'verify'])) as CryptoKeyPair;
  const cert = await x509.X509CertificateGenerator.create({
    serialNumber: nextSerial(),
    subject,
    issuer: issuer ? new x509.X509Certificate(issuer.certificate).subject : subject,
    notBefore: validity.from,
    notAfter: validity.to,
    publicKey: keys.publicKey,
    signingKey: (issuer?.keys ?? keys).privateKey,
    signingAlgorithm: RSA,
    extensions,
  });
  return { certificate: Buffer.from(cert.rawData), privateKey: await exportKey(keys), keys, pem: cert.toString('pem') };
}

/** A CA certificate: self-signed when `issuer` is absent. */
export function makeCa(name: string, issuer?: IssuedCertificate, validity = FIVE_YEARS()): Promise<IssuedCertificate> {
  return issue(name, issuer, validity, [
    new x509.BasicConstraintsExtension(true, issuer ? 0 : 1, true),
    new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
  ]);
}

/** A resident's 署名用電子証明書 (subject CN = the name as the card holds it; 外字 included). */
export function makeSigningCertificate(commonName: string, issuer: IssuedCertificate, validity = FIVE_YEARS()): Promise<IssuedCertificate> {
  const subject = [{ CN: [{ utf8String: commonName }] }, { C: [{ printableString: 'JP' }] }] as unknown as x509.JsonName;
  return issue(subject, issuer, validity, [
    new x509.BasicConstraintsExtension(false, undefined, true),
    new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.nonRepudiation, true),
  ]);
}

/** A test root and 署名用 intermediate; the PEM bundle is what MYNA_TRUST_ANCHORS points at. */
export async function makeTestPki(): Promise<{ root: IssuedCertificate; signingCa: IssuedCertificate; anchorsPem: string }> {
  const root = await makeCa('CN=Madoguchi Test Root (NOT JPKI), O=Madoguchi stand-in, C=JP');
  const signingCa = await makeCa('CN=Madoguchi Test Signing CA (NOT JPKI), O=Madoguchi stand-in, C=JP', root);
  return { root, signingCa, anchorsPem: root.pem + '\n' + signingCa.pem + '\n' };
}
