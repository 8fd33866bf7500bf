/**
 * The one way mail leaves the server: nodemailer over SMTP_URL in production,
 * anything with `sendMail` in tests. Built once by the composition root and
 * shared by invitations and applicant notices.
 */
import nodemailer from 'nodemailer';

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
}

export interface MailTransport {
  sendMail(message: MailMessage & { from: string }): Promise<unknown>;
}

export const createSmtpTransport = (smtpUrl: string): MailTransport => nodemailer.createTransport(smtpUrl);
