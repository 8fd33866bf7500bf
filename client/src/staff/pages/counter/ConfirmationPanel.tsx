/**
 * The visitor confirms: the desk's tablet is connected by a six-digit code,
 * the answers go to it (checked as intake checks them first), and the clerk
 * sees when the visitor has confirmed. A visitor who prefers paper signs the
 * printed 申請書 instead. Then the applications are submitted, and the visit ends.
 */
import { useState } from 'react';
import { japanClock, type ProcedureDetail } from '@madoguchi/shared';
import type { CounterSessionView } from './counterApi';
import { useCounterText } from './counterMessages';

export interface ConfirmationActions {
  pair: () => Promise<{ code: string; expiresAt: string } | undefined>;
  ask: () => Promise<unknown>;
  paperSigned: () => Promise<unknown>;
  submit: () => Promise<unknown>;
  end: () => Promise<unknown>;
  paperUrl: (procedureId: string) => string;
}

export function ConfirmationPanel({ visit, details, actions }: { visit: CounterSessionView; details: ProcedureDetail[]; actions: ConfirmationActions }) {
  const t = useCounterText();
  const [pairing, setPairing] = useState<{ code: string; expiresAt: string } | null>(null);
  const status = visit.status;
  const canAsk = (status === 'serving' || status === 'confirming') && visit.procedureIds.length > 0;
  const title = (id: string) => details.find((d) => d.procedure.id === id)?.procedure.title ?? id;
  return (
    <div className="counter-confirm">
      <div className="counter-confirm__tablet">
        {visit.tabletPaired ? (
          <p className="counter-badge counter-badge--done">{t('tabletPaired')}</p>
        ) : pairing && visit.pairingExpiresAt ? (
          <p className="counter-pairing" role="status">
            <span>{t('pairCode')}</span>
            <strong className="counter-pairing__code" data-testid="pairing-code">
              {pairing.code}
            </strong>
            <span className="field__hint">{t('pairExpires', { time: japanClock(pairing.expiresAt).time })}</span>
          </p>
        ) : null}
        {status !== 'submitted' && status !== 'ended' && (
          <button type="button" className="button" onClick={() => void actions.pair().then((p) => p && setPairing(p))}>
            {t('pairTablet')}
          </button>
        )}
      </div>
      {canAsk && (
        <button type="button" className="button button--primary" onClick={() => void actions.ask()}>
          {t('askConfirm')}
        </button>
      )}
      {status === 'confirming' && (
        <>
          <p className="notice" role="status">
            {t('waitingConfirm')}
          </p>
          <details className="counter-confirm__paper">
            <summary>{t('paper')}</summary>
            <ul>
              {visit.procedureIds.map((id) => (
                <li key={id}>
                  <a href={actions.paperUrl(id)} target="_blank" rel="noreferrer">
                    {t('paperPrint', { title: title(id) })}
                  </a>
                </li>
              ))}
            </ul>
            <button type="button" className="button" onClick={() => void actions.paperSigned()}>
              {t('paperSigned')}
            </button>
          </details>
        </>
      )}
      {visit.confirmation && (
        <p className="notice notice--success" role="status">
          {visit.confirmation.method === 'tablet' ? t('confirmedTablet', { signed: visit.confirmation.signed ? t('signedYes') : t('signedNo') }) : t('confirmedPaper')}
        </p>
      )}
      {status === 'confirmed' && (
        <button type="button" className="button button--primary" onClick={() => void actions.submit()}>
          {t('submit')}
        </button>
      )}
      {visit.receipts.length > 0 && (
        <div role="status">
          <p className="notice notice--success">{t('submitted')}</p>
          <table className="table">
            <tbody>
              {visit.receipts.map((r) => (
                <tr key={r.receiptNumber}>
                  <th scope="row">{title(r.procedureId)}</th>
                  <td>
                    {t('receipt')}：<strong className="counter-receipt">{r.receiptNumber}</strong>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {status !== 'ended' && (
        <div className="counter-confirm__end">
          <p className="field__hint">{t('endHint')}</p>
          <button type="button" className="button" onClick={() => void actions.end()}>
            {t('end')}
          </button>
        </div>
      )}
    </div>
  );
}
