/**
 * Sends invitation e-mails through the mail transport when SMTP_URL is set.
 * Without it there is no mailer and the admin is shown the link to pass on.
 */
import type { MailTransport } from '../mail/mailTransport';

export interface InviteMail {
  to: string;
  link: string;
  /** e.g. 水戸市, or null for a platform account. */
  municipalityName: string | null;
  inviterName: string;
  expiresAt: Date;
}

export interface Mailer {
  sendInvite(mail: InviteMail): Promise<void>;
}

const fmt = (d: Date) => d.toLocaleString('ja-JP', { timeZone: 'Asia/Tokyo', dateStyle: 'long', timeStyle: 'short' });

/** The invitation text: Japanese, then English. */
export function inviteText(mail: InviteMail): { subject: string; text: string } {
  const where = mail.municipalityName ? `${mail.municipalityName}の` : '';
  return {
    subject: `【窓口 Madoguchi】${where}職員アカウントへの招待`,
    text: [
      `${mail.inviterName}さんから、窓口 Madoguchi の${where}アカウントに招待されました。`,
      '次のリンクを開いて、氏名とパスワードを登録してください。',
      '',
      mail.link,
      '',
      `このリンクは一度だけ使えます。有効期限：${fmt(mail.expiresAt)}`,
      '心当たりがない場合は、このメールを破棄してください。',
      '',
      '---',
      `${mail.inviterName} invited you to a Madoguchi staff account. Open the link above to set your name and password.`,
      'The link works once and expires at the time shown above.',
    ].join('\n'),
  };
}

export function createMailer(transport: MailTransport, from: string): Mailer {
  return {
    async sendInvite(mail) {
      const { subject, text } = inviteText(mail);
      await transport.sendMail({ from, to: mail.to, subject, text });
    },
  };
}
