/**
 * A counter application's origin (書かない窓口, issue #19) as the inbox, the
 * pull API and the PDFs show it: the clerk by name, the answers' sources, the
 * confirmation, and the signature the visitor drew on the tablet. The drawn
 * signature is personal data: the staff view only links to it (the link is
 * behind the submission's own access check), the pull API's single
 * application carries it for the record.
 */
import { valueAtPointer, type AnswerSources, type CounterOrigin, type CounterView, type Submission } from '@madoguchi/shared';
import type { InboxLookups } from './lookups';

const PNG_DATA_URL = 'data:image/png;base64,';
const PNG_MAGIC = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** The drawn signature as PNG bytes; null when there is none or it is not a PNG. */
export function drawnSignaturePng(counter: CounterOrigin | undefined): Buffer | null {
  const url = counter?.confirmation.signatureImage;
  if (!url?.startsWith(PNG_DATA_URL)) return null;
  const bytes = Buffer.from(url.slice(PNG_DATA_URL.length), 'base64');
  return bytes.length > PNG_MAGIC.length && bytes.subarray(0, PNG_MAGIC.length).equals(PNG_MAGIC) ? bytes : null;
}

/** Where the console fetches the drawn signature (GET, same guard as the submission). */
export const signatureHref = (s: Pick<Submission, 'id' | 'municipalityCode'>) => `/api/v1/staff/municipalities/${s.municipalityCode}/submissions/${s.id}/counter/signature`;

/**
 * The sources of the answers as they are now: an answer the applicant changed
 * later in a correction (補正) no longer came from the card, the clerk or
 * 事前入力. `original` is the answers as made at the counter (revision 1),
 * absent while nothing was corrected.
 */
export function currentSources(sources: AnswerSources, current: Record<string, unknown>, original: Record<string, unknown> | undefined): AnswerSources {
  if (!original) return sources;
  const same = (pointer: string) => JSON.stringify(valueAtPointer(original, pointer)) === JSON.stringify(valueAtPointer(current, pointer));
  return Object.fromEntries(Object.entries(sources).filter(([pointer]) => same(pointer)));
}

/** The 「窓口で受付」 panel of the staff view; `original`: the answers of revision 1 when corrected since. */
export async function counterView(s: Submission, lookups: InboxLookups, original?: Record<string, unknown>): Promise<CounterView | undefined> {
  const c = s.counter;
  if (!c) return undefined;
  return {
    ticketNumber: c.ticketNumber,
    desk: c.desk,
    servedBy: { id: c.servedBy, name: (await lookups.userName(c.servedBy)) ?? c.servedBy },
    identitySource: c.identitySource,
    prefilled: c.prefilled,
    sources: currentSources(c.sources, s.data, original),
    confirmation: { method: c.confirmation.method, at: c.confirmation.at, ...(drawnSignaturePng(c) ? { signatureHref: signatureHref(s) } : {}) },
  };
}

/** The counter origin in a back-office system's record of one application, the drawn signature included. */
export async function pullCounter(s: Submission & { counter: CounterOrigin }, lookups: InboxLookups, original?: Record<string, unknown>) {
  const c = s.counter;
  return {
    sessionId: c.sessionId,
    ticketNumber: c.ticketNumber,
    desk: c.desk,
    servedBy: c.servedBy,
    servedByName: (await lookups.userName(c.servedBy)) ?? c.servedBy,
    identitySource: c.identitySource,
    prefilled: c.prefilled,
    sources: currentSources(c.sources, s.data, original),
    confirmation: { method: c.confirmation.method, at: c.confirmation.at, ...(drawnSignaturePng(c) ? { signatureImage: c.confirmation.signatureImage! } : {}) },
  };
}
