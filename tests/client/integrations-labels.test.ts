/** @jest-environment jsdom */
/**
 * The delivery log names what happened: a status change says which status the
 * submission moved to (one row each for 審査中, 補正依頼中 … rather than three
 * rows of 「状況の変更」), and a failure says why in words, never a raw code.
 */
import { loadClient } from './clientModules';

import { OUTBOX_EVENT_TYPES } from '@madoguchi/shared';

interface Labels {
  eventLabel: (event: { type: string; receiptNumber: string; data: { status?: string } }, language: 'ja' | 'en') => string;
  failureLabel: (error: string, language: 'ja' | 'en') => string;
}
const { eventLabel, failureLabel, EVENT_LABELS } = loadClient<Labels & { EVENT_LABELS: Record<string, string> }>('staff/pages/inbox/integrationsApi');

describe('delivery log labels', () => {
  it('names the status a submission moved to', () => {
    const moved = (status: string, language: 'ja' | 'en' = 'ja') => eventLabel({ type: 'submission.status-changed', receiptNumber: 'X', data: { status } }, language);
    expect([moved('in-review'), moved('correction-requested'), moved('completed')]).toEqual(['状況の変更：審査中', '状況の変更：補正依頼中', '状況の変更：処理完了']);
    expect(moved('in-review', 'en')).toBe('Status changed: In review');
    expect(eventLabel({ type: 'submission.received', receiptNumber: 'X', data: { status: 'received' } }, 'ja')).toBe('申請の到達');
  });

  it('has a label for every event a webhook can subscribe to (the form offers them, the list names them)', () => {
    expect(Object.keys(EVENT_LABELS).sort()).toEqual([...OUTBOX_EVENT_TYPES].sort());
    expect(eventLabel({ type: 'submission.message', receiptNumber: 'X', data: {} }, 'ja')).toBe('窓口と申請者のメッセージ');
  });

  it('says why a delivery failed in words', () => {
    expect(failureLabel('address_refused', 'ja')).toBe('送信先のアドレスが許可されていません');
    expect(failureLabel('connection_failed', 'en')).toBe('Could not connect to the receiver');
    expect(failureLabel('HTTP 503', 'ja')).toBe('HTTP 503');
  });
});
