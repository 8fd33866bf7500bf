/**
 * Once a day, from 08:00 Japan time, one digest per staff member through the outbox: to each assignee
 * what of theirs is overdue or due today or tomorrow, to each municipal admin the whole municipality's.
 * A claim per municipality and Japan date, kept in the store, makes a second run — a restart, another
 * worker — send nothing twice. The job may run hourly: before 08:00, or once claimed, it does nothing.
 */
import { CLOCK_RUNNING_STATUSES, DIGEST_EVENT_TYPE, japanClock, shiftDate } from '@madoguchi/shared';
import type { OutboxEvent, Storage, SubmissionMeta, User } from '../../storage/types';
import type { InboxLookups } from '../inbox/lookups';
import type { DigestBucket, DigestData, DigestLine } from './digestMailer';

export const DIGEST_HOUR = '08:00';
const MAX_LINES = 100;
const MAX_SCANNED = 2000;

export class DeadlineDigest {
  constructor(
    private readonly storage: Storage,
    private readonly lookups: InboxLookups,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Writes today's digests of every municipality not yet done today; returns how many were written. */
  async run(): Promise<number> {
    const now = this.now();
    const { date: today, time } = japanClock(now);
    if (time < DIGEST_HOUR) return 0;
    const byMunicipality = new Map<string, User[]>();
    for (const u of await this.storage.users.list({})) {
      if (!u.municipalityCode || u.disabled) continue;
      byMunicipality.set(u.municipalityCode, [...(byMunicipality.get(u.municipalityCode) ?? []), u]);
    }
    let written = 0;
    for (const [code, users] of byMunicipality) {
      if (!(await this.storage.deadlines.claimRun(`deadline-digest:${today}:${code}`, now.toISOString()))) continue;
      const due = await this.dueBy(code, shiftDate(today, 2));
      const lines = await Promise.all(due.map((m) => this.line(m, today)));
      for (const user of users) {
        const scope = user.role === 'municipal-admin' ? 'municipality' : 'assigned';
        const mine = lines.filter((_, i) => scope === 'municipality' || due[i]!.assigneeId === user.id);
        if (!mine.length) continue;
        const data: DigestData = { userId: user.id, date: today, scope, lines: mine.slice(0, MAX_LINES), more: Math.max(0, mine.length - MAX_LINES) };
        await this.storage.outbox.add(this.event(code, data, now));
        written++;
      }
    }
    return written;
  }

  /** Running submissions due before `before`, soonest first. */
  private async dueBy(municipalityCode: string, before: string): Promise<SubmissionMeta[]> {
    const found: SubmissionMeta[] = [];
    let after: string | undefined;
    do {
      const page = await this.storage.inbox.list({ municipalityCode, status: [...CLOCK_RUNNING_STATUSES], dueBefore: before, sort: 'due-asc', limit: 100, ...(after ? { after } : {}) });
      found.push(...page.items);
      after = page.next;
    } while (after && found.length < MAX_SCANNED);
    return found;
  }

  private async line(m: SubmissionMeta, today: string): Promise<DigestLine> {
    const title = (await this.lookups.version(m.procedureOwner, m.procedureId, m.formVersion))?.procedure.title ?? m.procedureId;
    const dueDate = m.dueDate!;
    const bucket: DigestBucket = dueDate < today ? 'overdue' : dueDate === today ? 'today' : 'tomorrow';
    return { receiptNumber: m.receiptNumber, procedureTitle: title, dueDate, bucket };
  }

  private event(municipalityCode: string, data: DigestData, now: Date): OutboxEvent {
    return {
      id: `deadline-digest-${data.date}-${data.userId}`,
      type: DIGEST_EVENT_TYPE,
      municipalityCode,
      procedureId: '',
      submissionId: '',
      receiptNumber: '',
      data: data as unknown as Record<string, unknown>,
      createdAt: now.toISOString(),
    };
  }
}
