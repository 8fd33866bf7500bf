/** An in-process SMTP server (smtp-server) on loopback that keeps what it receives, decoded. */
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface CapturedMail {
  to: string;
  subject: string;
  body: string;
}

/** RFC 2047 words and a base64 or quoted-printable body, as nodemailer writes them. */
export function decodeMail(raw: string): { subject: string; body: string } {
  const [head, ...rest] = raw.split(/\r?\n\r?\n/);
  const headers = head!.replace(/\r?\n[ \t]+/g, ' ');
  const qp = (text: string) =>
    Buffer.from(
      text.replace(/=([0-9A-F]{2})/gi, (_m, h: string) => String.fromCharCode(parseInt(h, 16))),
      'latin1',
    ).toString('utf8');
  const words = (v: string) =>
    v.replace(/=\?UTF-8\?([BQ])\?([^?]*)\?=\s*/gi, (_, enc: string, text: string) => (enc.toUpperCase() === 'B' ? Buffer.from(text, 'base64').toString('utf8') : qp(text.replace(/_/g, ' '))));
  const subject = words(/^Subject: (.*)$/im.exec(headers)![1]!);
  const bodyRaw = rest.join('\n\n');
  const body = /Content-Transfer-Encoding: base64/i.test(headers) ? Buffer.from(bodyRaw.replace(/\s+/g, ''), 'base64').toString('utf8') : qp(bodyRaw.replace(/=\r?\n/g, ''));
  return { subject, body };
}

export async function startSmtpCapture(): Promise<{ url: string; mails: CapturedMail[]; close: () => Promise<void> }> {
  const mails: CapturedMail[] = [];
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      let raw = '';
      stream.on('data', (chunk: Buffer) => (raw += chunk.toString()));
      stream.on('end', () => (mails.push({ to: session.envelope.rcptTo.map((r) => r.address).join(','), ...decodeMail(raw) }), callback()));
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  const { port } = smtp.server.address() as AddressInfo;
  return { url: `smtp://127.0.0.1:${port}`, mails, close: () => new Promise<void>((resolve) => smtp.close(() => resolve())) };
}
