/** The staff catalog API as the builder and the catalog pages call it (server: server/src/http/catalogRoutes.ts). */
import type {
  AdoptionView,
  CatalogEntry,
  Decision,
  EditLayer,
  EditOp,
  FormDocument,
  OwnProcedureView,
  PresetSummary,
  PresetTemplateView,
  ProcedureExport,
  ImportUnsupported,
  TemplateSummary,
  UpdatePreview,
} from '@madoguchi/shared';
import { staffApi } from '../../api';

/** What a publish call returns. */
export interface PublishResponse {
  version: number;
  status: string;
  publishedAt?: string;
  unchanged: boolean;
  /** Published, but worth fixing (e.g. the contact is still the preset's placeholder). */
  warnings?: string[];
}

const cat = (code: string) => `/municipalities/${code}/catalog`;
const enc = encodeURIComponent;

export const catalogApi = {
  list: (code: string) => staffApi<{ items: CatalogEntry[] }>('GET', cat(code)),
  adopt: (code: string, presetId: string) => staffApi<AdoptionView>('POST', `${cat(code)}/adoptions`, { presetId }),
  adoption: (code: string, presetId: string) => staffApi<AdoptionView>('GET', `${cat(code)}/adoptions/${enc(presetId)}`),
  saveAdoption: (code: string, presetId: string, ops: EditOp[], revision: number) => staffApi<AdoptionView>('PUT', `${cat(code)}/adoptions/${enc(presetId)}/edits`, { ops, revision }),
  publishAdoption: (code: string, presetId: string) => staffApi<PublishResponse>('POST', `${cat(code)}/adoptions/${enc(presetId)}/publish`),
  previewUpdate: (code: string, presetId: string, decisions: Record<string, Decision>) => staffApi<UpdatePreview>('POST', `${cat(code)}/adoptions/${enc(presetId)}/update-preview`, { decisions }),
  takeUpdate: (code: string, presetId: string, decisions: Record<string, Decision>, revision: number) =>
    staffApi<AdoptionView>('POST', `${cat(code)}/adoptions/${enc(presetId)}/update`, { decisions, revision }),
  setWithdrawn: (code: string, presetId: string, withdrawn: boolean) => staffApi<EditLayer>('PUT', `${cat(code)}/adoptions/${enc(presetId)}/withdrawn`, { withdrawn }),
  discardAdoption: (code: string, presetId: string) => staffApi<void>('DELETE', `${cat(code)}/adoptions/${enc(presetId)}`),
  own: (code: string, id: string) => staffApi<OwnProcedureView>('GET', `${cat(code)}/procedures/${enc(id)}`),
  templates: (code: string) => staffApi<{ items: TemplateSummary[] }>('GET', `${cat(code)}/templates`),
  createFromTemplate: (code: string, templateId: string, id: string, title: string) => staffApi<OwnProcedureView>('POST', `${cat(code)}/procedures/from-template`, { templateId, id, title }),
  createOwn: (code: string, id: string, title: string) => staffApi<OwnProcedureView>('POST', `${cat(code)}/procedures`, { id, title }),
  saveOwn: (code: string, id: string, document: FormDocument, baseHash: string) => staffApi<OwnProcedureView>('PUT', `${cat(code)}/procedures/${enc(id)}/draft`, { document, baseHash }),
  publishOwn: (code: string, id: string) => staffApi<PublishResponse>('POST', `${cat(code)}/procedures/${enc(id)}/publish`),
  retireOwn: (code: string, id: string) => staffApi<void>('POST', `${cat(code)}/procedures/${enc(id)}/retire`),
  duplicateOwn: (code: string, id: string, newId: string, title: string) => staffApi<OwnProcedureView>('POST', `${cat(code)}/procedures/${enc(id)}/duplicate`, { newId, title }),
  exportOwn: (code: string, id: string) => staffApi<ProcedureExport>('GET', `${cat(code)}/procedures/${enc(id)}/export`),
  exportAdoption: (code: string, presetId: string) => staffApi<ProcedureExport>('GET', `${cat(code)}/adoptions/${enc(presetId)}/export`),
  importOwn: (code: string, id: string, title: string, file: unknown) =>
    staffApi<{ view: OwnProcedureView; notes: string[]; unsupported: ImportUnsupported[]; autoLabelled: string[] }>('POST', `${cat(code)}/procedures/import`, { id, title, file }),
  presets: () => staffApi<{ items: PresetSummary[] }>('GET', '/presets'),
  preset: (id: string) => staffApi<PresetTemplateView>('GET', `/presets/${enc(id)}`),
  savePreset: (id: string, ops: EditOp[], revision: number) => staffApi<PresetTemplateView>('PUT', `/presets/${enc(id)}/edits`, { ops, revision }),
  discardPresetEdits: (id: string) => staffApi<void>('DELETE', `/presets/${enc(id)}/edits`),
  publishPreset: (id: string, note: string) => staffApi<PublishResponse>('POST', `/presets/${enc(id)}/publish`, { note }),
};

/** Offers JSON as a file download. */
export function downloadJson(fileName: string, content: unknown): void {
  const url = URL.createObjectURL(new Blob([JSON.stringify(content, null, 2)], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.click();
  window.setTimeout(() => URL.revokeObjectURL(url), 1000);
}
