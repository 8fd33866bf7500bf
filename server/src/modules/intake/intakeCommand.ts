/** What a resident's POST asks the intake service to do (read by the service and its attachment rules). */
import type { IntakeRequest, Language } from '@madoguchi/shared';

export interface IntakeCommand {
  municipalityCode: string;
  procedureId: string;
  body: IntakeRequest;
  idempotencyKey?: string;
  language: Language;
}
