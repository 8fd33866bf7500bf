/**
 * The daily 期限 digest e-mail (issue #21): receipt numbers, procedure titles and due dates — never an
 * applicant's name or answers, since mail leaves the municipality's systems.
 */
import type { OutboxEvent, Storage } from '../../storage/types';
import type { MailTransport } from '../mail/mailTransport';

export type DigestBucket = 'overdue' | 'today' | 'tomorrow';

export interface DigestLine {
  receiptNumber: string;
  procedureTitle: string;
  dueDate: string;
  bucket: DigestBucket;
}

/** What a digest event carries (its `data`). */
export interface DigestData {
  userId: string;
  date: string;
  scope: 'assigned' | 'municipality';
  lines: DigestLine[];
  /** Lines left out to keep the mail short. */
  more: number;
}

export const digestTarget = (event: Pick<OutboxEvent, 'data'>) => `staff:${String(event.data.userId)}`;

const HEADINGS: Record<DigestBucket, string> = { overdue: '■ 期限超過 / Overdue', today: '■ 本日が期限 / Due today', tomorrow: '■ 明日が期限 / Due tomorrow' };

export function digestText(d: DigestData, municipalityName: string, inboxUrl: string): { subject: string; text: string } {
  const count = (b: DigestBucket) => d.lines.filter((l) => l.bucket === b).length;
  const subject = `【${municipalityName}】処理期限のお知らせ ${d.date}（超過${count('overdue')}件・本日${count('today')}件・明日${count('tomorrow')}件）`;
  const body = [
    `${d.date} の処理期限のお知らせです（${d.scope === 'assigned' ? 'あなたの担当分' : '自治体全体'}）。`,
    `Deadline digest for ${d.date} (${d.scope === 'assigned' ? 'assigned to you' : 'whole municipality'}).`,
    '',
  ];
  for (const bucket of ['overdue', 'today', 'tomorrow'] as const) {
    const lines = d.lines.filter((l) => l.bucket === bucket);
    if (!lines.length) continue;
    body.push(HEADINGS[bucket], ...lines.map((l) => `  ${l.receiptNumber}  ${l.procedureTitle}  期限 ${l.dueDate}`), '');
  }
  if (d.more) body.push(`ほか${d.more}件 / ${d.more} more`, '');
  body.push(`受付簿 / Inbox: ${inboxUrl}`, '', '※ このメールには申請者の氏名や申請内容は含まれていません。');
  return { subject, text: body.join('\n') };
}

export class DigestMailer {
  constructor(
    private readonly storage: Storage,
    private readonly transport: MailTransport,
    private readonly options: { from: string; publicUrl: string; municipalityName: (code: string) => string },
  ) {}

  async send(event: OutboxEvent): Promise<{ sent: boolean }> {
    const data = event.data as unknown as DigestData;
    const user = await this.storage.users.findById(data.userId);
    if (!user || user.disabled) return { sent: false };
    const { subject, text } = digestText(data, this.options.municipalityName(event.municipalityCode), `${this.options.publicUrl}/staff/inbox?due=1`);
    await this.transport.sendMail({ from: this.options.from, to: user.email, subject, text });
    return { sent: true };
  }
}
