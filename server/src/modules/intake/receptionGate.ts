/**
 * 受付期間 at intake: outside the procedure's reception period an application is refused before
 * anything is checked or stored (409 `reception_closed`, worded as the procedure page words it).
 * Counter (書かない窓口) entries are typed by staff while the desk is open, so weekly hours and
 * holidays do not bind them; the dated period does (a closed call for applications is closed for all).
 */
import { receptionClosedText, receptionState, type Language, type Procedure } from '@madoguchi/shared';
import { ConflictError } from '../../errors';

export function checkReception(procedure: Procedure, now: Date, language: Language, counter: boolean): void {
  const state = receptionState(procedure.reception, now, { datesOnly: counter });
  // Named: a bundle's refusal must say which of its procedures is closed.
  const text = receptionClosedText(state, language, language === 'en' ? (procedure.titleEn ?? procedure.title) : procedure.title);
  if (text) throw new ConflictError(text, 'reception_closed');
}
