/**
 * E-mail to the applicant when their submission arrives or its status
 * changes, where they gave an address. The mail says what happened and links
 * to the status page; it carries no answers and no status secret, and staff
 * messages stay on the status page (behind the secret), not in the mail.
 */
import { STATUS_LABELS, type SubmissionStatus } from '@madoguchi/shared';
import type { OutboxEvent, Storage } from '../../storage/types';
import type { InboxLookups } from './lookups';
import { emailAddresses } from './emailFields';
import type { MailTransport } from '../mail/mailTransport';
import { messageNoticeToApplicant, messageNoticeToDesk } from './threadMessages';

export function noticeText(
  e: Pick<OutboxEvent, 'type' | 'receiptNumber'>,
  status: SubmissionStatus,
  procedureTitle: string,
  municipalityName: string,
  statusUrl: string,
): { subject: string; text: string } {
  const label = STATUS_LABELS[status].ja;
  const what =
    e.type === 'submission.received'
      ? '申請を受け付けました。'
      : e.type === 'submission.resubmitted'
        ? '補正（修正）の内容を受け付けました。'
        : status === 'correction-requested'
          ? '申請内容について、補正（修正）のお願いがあります。状況確認ページで内容をご確認のうえ、ご回答ください。'
          : `申請の状況が「${label}」になりました。`;
  return {
    subject: `【${municipalityName}】${e.type === 'submission.received' ? '申請受付のお知らせ' : '申請状況のお知らせ'}（到達番号 ${e.receiptNumber}）`,
    text: [
      `${municipalityName}へのオンライン申請について、お知らせします。`,
      '',
      what,
      '',
      `手続：${procedureTitle}`,
      `到達番号：${e.receiptNumber}`,
      `現在の状況：${label}`,
      '',
      '詳しくは、次の状況確認ページで到達番号と確認キーを入力してご覧ください。',
      statusUrl,
      '',
      'このメールは送信専用です。返信いただいてもお答えできません。',
      '心当たりがない場合は、このメールを破棄してください。',
      '',
      '---',
      `About your online application to ${municipalityName} (receipt ${e.receiptNumber}): status "${STATUS_LABELS[status].en}". Details on the status page above.`,
    ].join('\n'),
  };
}

export class ApplicantNotifier {
  constructor(
    private readonly storage: Storage,
    private readonly lookups: InboxLookups,
    private readonly transport: MailTransport,
    private readonly options: { from: string; publicUrl: string; municipalityName: (code: string) => string },
  ) {}

  /** The address to write to, read from the sealed answers now; undefined when the applicant gave none. */
  async recipient(submissionId: string): Promise<string | undefined> {
    const s = await this.storage.submissions.findById(submissionId);
    if (!s) return undefined;
    const version = await this.lookups.version(s.procedureOwner, s.procedureId, s.formVersion);
    return version ? emailAddresses(version.schema, s.data)[0] : undefined;
  }

  async send(event: OutboxEvent): Promise<{ sent: boolean }> {
    const s = await this.storage.submissions.findById(event.submissionId);
    const to = await this.recipient(event.submissionId);
    if (!s || !to) return { sent: false };
    const version = await this.lookups.version(s.procedureOwner, s.procedureId, s.formVersion);
    if (event.type === 'submission.message') {
      // A message from the desk: the mail says only that there is one (issue #21).
      const notice = messageNoticeToApplicant(this.options.municipalityName(s.municipalityCode), s.receiptNumber, `${this.options.publicUrl}/status/${s.receiptNumber}`);
      await this.transport.sendMail({ from: this.options.from, to, ...notice });
      return { sent: true };
    }
    const status = (event.data.status as SubmissionStatus | undefined) ?? s.status;
    const { subject, text } = noticeText(
      event,
      status,
      version?.procedure.title ?? s.procedureId,
      this.options.municipalityName(s.municipalityCode),
      `${this.options.publicUrl}/status/${s.receiptNumber}`,
    );
    await this.transport.sendMail({ from: this.options.from, to, subject, text });
    return { sent: true };
  }

  /**
   * A message from the applicant, told to the assignee, or to every active staff member of the municipality
   * who may work on the procedure when nobody is assigned. No message text (issue #21).
   */
  async sendToDesk(event: OutboxEvent): Promise<{ sent: boolean }> {
    const s = await this.storage.inbox.getMeta(event.submissionId);
    if (!s) return { sent: false };
    const assignee = s.assigneeId ? await this.storage.users.findById(s.assigneeId) : null;
    const staff =
      assignee && !assignee.disabled
        ? [assignee]
        : (await this.storage.users.list({ municipalityCode: s.municipalityCode })).filter((u) => !u.disabled && (!u.procedureIds?.length || u.procedureIds.includes(s.procedureId)));
    if (!staff.length) return { sent: false };
    const version = await this.lookups.version(s.procedureOwner, s.procedureId, s.formVersion);
    const notice = messageNoticeToDesk(s.receiptNumber, version?.procedure.title ?? s.procedureId, `${this.options.publicUrl}/staff/inbox/${s.id}`);
    await this.transport.sendMail({ from: this.options.from, to: staff.map((u) => u.email).join(', '), ...notice });
    return { sent: true };
  }
}
