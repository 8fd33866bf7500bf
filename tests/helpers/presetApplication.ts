/** A complete application of a preset as a resident sends it: its fresh example answers and a small PDF for each attachment they need. */
import request from 'supertest';
import { randomBytes } from 'node:crypto';
import type { Express } from 'express';
import { attachmentNeeded, attachmentsFor } from '@madoguchi/shared';
import { freshExample } from '@madoguchi/presets';
import { allPresets } from './testApp';

export interface PresetApplication {
  procedureId: string;
  data: Record<string, unknown>;
  attachments: Record<string, string[]>;
  uploadToken: string;
}

/** `edit` changes the example's answers before the attachments they need are chosen. */
export async function presetApplication(app: Express, code: string, procedureId: string, edit?: (data: Record<string, unknown>) => void): Promise<PresetApplication> {
  const preset = allPresets().find((p) => p.procedure.id === procedureId)!;
  const data = freshExample(structuredClone(preset.example!)) as Record<string, unknown>;
  edit?.(data);
  const uploadToken = randomBytes(18).toString('base64url');
  const attachments: Record<string, string[]> = {};
  for (const spec of attachmentsFor(preset.procedure).filter((s) => attachmentNeeded(s, data, preset.procedure.signaturePolicy))) {
    const res = await request(app)
      .post(`/api/v1/municipalities/${code}/uploads`)
      .set('X-Upload-Token', uploadToken)
      .field('procedureId', procedureId)
      .field('attachmentId', spec.id)
      .attach('file', Buffer.from(`%PDF-1.4\n% ${spec.id} ${randomBytes(6).toString('hex')}\n%%EOF\n`), `${spec.id}.pdf`);
    if (res.status !== 201) throw new Error(`upload failed: ${res.status} ${JSON.stringify(res.body)}`);
    attachments[spec.id] = [res.body.fileId as string];
  }
  return { procedureId, data, attachments, uploadToken };
}
