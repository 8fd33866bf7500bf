/**
 * The body POSTed to a push target, built at each attempt from the stored
 * submission (so no copy of the answers waits in the delivery table):
 *
 *   { id, type, createdAt, municipalityCode,          the event (receivers de-duplicate on id)
 *     submission: { receiptNumber, status, … },      facts of the submission
 *     fields: { <target name>: value, … },            the admin's mapping applied to the answers
 *     attachments: [{ label, fileName, sha256, href … }],  metadata only: content via the pull API
 *     pdf: { fileName, mediaType, size, contentBase64 } | null }
 *
 * The application PDF travels inline, base64, inside the signed body (no
 * download link: a link would be a bearer URL to personal data outside the
 * signature). Sensitive answers are masked in the PDF: they leave the system
 * only as mapped fields the admin confirmed. A PDF over MAX_PUSH_PDF_BYTES is
 * left out (`pdf: null, pdfOmitted: "too_large"`); the system fetches it then.
 */
import type { FormVersion, JsonSchema, Submission } from '@madoguchi/shared';
import type { OutboxEvent, PushMappingRow, PushTarget, Storage, SubmissionMeta } from '../../storage/types';
import { renderApplicationSheet } from '../exports/applicationSheetPdf';
import { scanStateOf } from '../uploads/scanGuard';
import { pointerIsSensitive, valueAt } from './pushFields';

/** Application sheets are tens of kilobytes; this keeps a body well under common 16–32 MB receiver limits. */
export const MAX_PUSH_PDF_BYTES = 8 * 1024 * 1024;

export interface PushPayload {
  id: string;
  type: OutboxEvent['type'];
  createdAt: string;
  municipalityCode: string;
  submission: Record<string, unknown>;
  fields: Record<string, unknown>;
  attachments: Array<Record<string, unknown>>;
  pdf: { fileName: string; mediaType: 'application/pdf'; size: number; contentBase64: string } | null;
  pdfOmitted?: 'too_large';
}

export interface PushSource {
  submission: Submission;
  meta: SubmissionMeta;
  version: FormVersion;
  municipalityName: string;
}

const metaValue = (meta: SubmissionMeta, name: string): unknown =>
  ({
    receiptNumber: meta.receiptNumber,
    receivedAt: meta.createdAt,
    procedureId: meta.procedureId,
    formVersion: meta.formVersion,
    status: meta.status,
    revision: meta.revision,
    municipalityCode: meta.municipalityCode,
    channel: meta.channel,
  })[name];

/**
 * The target's mapping applied: unanswered fields are sent as null, so the receiver sees every mapped name.
 * A sensitive answer without the admin's confirmation is sent as null too (the form may have marked it since the mapping was saved).
 */
export function mappedFields(target: Pick<PushTarget, 'mapping' | 'sensitiveConfirmed'>, data: unknown, meta: SubmissionMeta, schema: JsonSchema): Record<string, unknown> {
  const value = (row: PushMappingRow) => {
    if (row.source === 'meta') return metaValue(meta, row.meta);
    if (!target.sensitiveConfirmed && pointerIsSensitive(schema, row.pointer)) return null;
    return valueAt(data, row.pointer);
  };
  return Object.fromEntries(target.mapping.map((row) => [row.field, value(row) ?? null]));
}

export async function buildPushPayload(storage: Storage, target: PushTarget, event: OutboxEvent, src: PushSource): Promise<PushPayload> {
  const { submission: s, meta, version } = src;
  const attachments: Array<Record<string, unknown>> = [];
  for (const [specId, ids] of Object.entries(s.attachments)) {
    for (const fileId of ids) {
      const f = await storage.files.getMeta(fileId);
      if (!f) continue;
      const label = version.procedure.attachments.find((a) => a.id === specId)?.label ?? specId;
      attachments.push({
        specId,
        label,
        id: f.id,
        fileName: f.fileName,
        mediaType: f.mediaType,
        size: f.size,
        sha256: f.sha256,
        scanState: scanStateOf(f),
        href: `/api/v1/backoffice/submissions/${s.receiptNumber}/files/${f.id}`,
      });
    }
  }
  let pdf: PushPayload['pdf'] = null;
  let pdfOmitted: PushPayload['pdfOmitted'];
  if (target.includePdf) {
    const content = await renderApplicationSheet(s, version, {
      municipalityName: src.municipalityName,
      revision: meta.revision,
      attachments: attachments.map((a) => ({ label: String(a.label), fileName: String(a.fileName), size: Number(a.size) })),
      revealSensitive: false,
    });
    if (content.length <= MAX_PUSH_PDF_BYTES) pdf = { fileName: `申請書_${s.receiptNumber}.pdf`, mediaType: 'application/pdf', size: content.length, contentBase64: content.toString('base64') };
    else pdfOmitted = 'too_large';
  }
  return {
    id: event.id,
    type: event.type,
    createdAt: event.createdAt,
    municipalityCode: meta.municipalityCode,
    submission: {
      id: meta.id,
      receiptNumber: meta.receiptNumber,
      procedureId: meta.procedureId,
      procedureTitle: version.procedure.title,
      formVersion: meta.formVersion,
      status: meta.status,
      ...(event.data.previousStatus !== undefined ? { previousStatus: event.data.previousStatus } : {}),
      revision: meta.revision,
      channel: meta.channel,
      receivedAt: meta.createdAt,
      updatedAt: meta.updatedAt,
    },
    fields: mappedFields(target, s.data, meta, version.schema),
    attachments,
    pdf,
    ...(pdfOmitted ? { pdfOmitted } : {}),
  };
}
