/**
 * How intake meets a declared disaster: an application for a disaster
 * procedure (category 「disaster」) takes the disaster from the declaration —
 * the resident's `disaster` answer is replaced by the declared one — and is
 * stored with its triage row. With no disaster open, the form is taken as
 * the resident filled it in (a town that has not declared one yet).
 */
import { disasterAnswer, type Disaster, type FormVersion, type Language } from '@madoguchi/shared';
import { ValidationError } from '../../errors';
import type { DisasterCaseRecord } from '../../storage/disasterTypes';
import type { DisasterService } from './disasterService';
import type { CertificateService } from './certificateService';
import { triageFacts } from './triageFacts';

export const isDisasterProcedure = (version: FormVersion): boolean => version.procedure.category === 'disaster' && typeof version.schema.properties?.disaster === 'object';

export class DisasterIntake {
  constructor(
    private readonly disasters: DisasterService,
    /** Checks a 罹災証明書 the answers name against the issued one (follow-up procedures). */
    private readonly certificates?: Pick<CertificateService, 'checkReference'>,
  ) {}

  /**
   * The answers with the declared disaster set, and that disaster; the answers
   * unchanged and null when the procedure is not a disaster one or none is open.
   * Several open: the one the answers name, else the latest declared.
   */
  async settle(municipalityCode: string, version: FormVersion, data: Record<string, unknown>, language: Language): Promise<{ data: Record<string, unknown>; disaster: Disaster | null }> {
    if (!isDisasterProcedure(version)) return { data, disaster: null };
    await this.checkCertificate(municipalityCode, data, language);
    const open = await this.disasters.open(municipalityCode);
    if (open.length === 0) return { data, disaster: null };
    const named = (data.disaster as { id?: unknown } | undefined)?.id;
    const disaster = open.find((d) => d.id === named) ?? (typeof named === 'string' && named ? null : open[0]);
    if (!disaster) {
      const message = language === 'en' ? 'The disaster you chose is no longer taking applications.' : '選んだ災害の受付は終了しています。';
      throw new ValidationError(message, [{ pointer: '/disaster', property: '.disaster', label: language === 'en' ? 'Disaster' : '対象となる災害', keyword: 'disaster', message }]);
    }
    return { data: { ...data, disaster: disasterAnswer(disaster) }, disaster };
  }

  /** A certificate number of ours must come with the level it states (others' are taken as typed). */
  private async checkCertificate(municipalityCode: string, data: Record<string, unknown>, language: Language): Promise<void> {
    const reference = data.risaiCertificate;
    if (!this.certificates || typeof reference !== 'object' || reference === null) return;
    const message = await this.certificates.checkReference(municipalityCode, reference as Record<string, unknown>, language);
    if (!message) return;
    const label = language === 'en' ? 'Damage level on the certificate' : '罹災証明書の被害の程度';
    throw new ValidationError(message, [{ pointer: '/risaiCertificate/damageLevel', property: '.risaiCertificate.damageLevel', label, keyword: 'certificate', message }]);
  }

  /** The triage row stored with the application. */
  caseFor(
    disaster: Disaster,
    s: { id: string; receiptNumber: string; procedureId: string; data: Record<string, unknown>; attachments: Record<string, string[]>; createdAt: string },
  ): DisasterCaseRecord {
    return {
      submissionId: s.id,
      disasterId: disaster.id,
      municipalityCode: disaster.municipalityCode,
      procedureId: s.procedureId,
      receiptNumber: s.receiptNumber,
      ...triageFacts(s.data, s.attachments),
      survey: null,
      createdAt: s.createdAt,
    };
  }
}
