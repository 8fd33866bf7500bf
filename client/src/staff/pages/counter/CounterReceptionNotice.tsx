/**
 * 受付期間 at the counter (書かない窓口): staff enter the application while the desk is open, so
 * weekly hours and holidays do not stop them (the server checks the dated period only, see
 * server intake receptionGate.ts); they are told when residents could not apply online now, and
 * before or after the period that the counter cannot take it either.
 */
import { receptionClosedText, receptionState, type ProcedureDetail } from '@madoguchi/shared';

export function CounterReceptionNotice({ detail, now = new Date() }: { detail: ProcedureDetail; now?: Date }) {
  const reception = detail.procedure.reception;
  if (!reception) return null;
  const atCounter = receptionState(reception, now, { datesOnly: true });
  if (atCounter.status !== 'open') {
    return (
      <p className="notice notice--error" role="alert">
        {receptionClosedText(atCounter, 'ja')} 窓口でも受け付けられません。
      </p>
    );
  }
  if (receptionState(reception, now).status === 'open') return null;
  return (
    <p className="notice" role="status">
      住民向けの受付時間外ですが、窓口での入力は受け付けます。
    </p>
  );
}
