/** Decision notices in the console (issue #21): a submission's notice, and the per-procedure template with its preview. */
import { staffApi, staffBlob } from '../../api';

export interface DecisionNotice {
  number: string;
  kind: 'completed' | 'rejected';
  title: string;
  decidedOn: string;
  issuedAt: string;
}

export interface NoticeTemplate {
  numberFormat: string;
  headTitle: string;
  headName: string;
  section: string;
  completedTitle: string;
  completedBody: string;
  rejectedTitle: string;
  rejectedBody: string;
  appeal: string;
}

export interface TemplateView {
  procedureId: string;
  template: NoticeTemplate;
  isDefault: boolean;
  updatedAt: string | null;
}

const enc = encodeURIComponent;

export const getNotice = (code: string, submissionId: string) => staffApi<{ notice: DecisionNotice | null }>('GET', `/municipalities/${code}/submissions/${enc(submissionId)}/notice`);
export const noticePdfUrl = (code: string, submissionId: string) => `/api/v1/staff/municipalities/${code}/submissions/${enc(submissionId)}/notice/pdf`;
export const getTemplate = (code: string, procedureId: string) => staffApi<TemplateView>('GET', `/municipalities/${code}/notice-templates/${enc(procedureId)}`);
export const saveTemplate = (code: string, procedureId: string, template: NoticeTemplate) => staffApi<TemplateView>('PUT', `/municipalities/${code}/notice-templates/${enc(procedureId)}`, template);
export const previewTemplate = (code: string, procedureId: string, template: NoticeTemplate, kind: 'completed' | 'rejected') =>
  staffBlob('POST', `/municipalities/${code}/notice-templates/${enc(procedureId)}/preview`, { template, kind });
