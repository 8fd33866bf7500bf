/** The triage and damage-survey calls of the staff API (disasterTriageOperations in the contract). */
import type { Disaster } from '@madoguchi/shared';
import type { SurveyTeamView, TriageGroup } from '@madoguchi/shared/contract';
import { apiFetch } from '../../../common/api/http';
import { currentLanguage } from '../../../common/i18n/languageStore';
import { staffApi } from '../../api';
import { saveDownload } from '../../saveDownload';

export type { TriageGroup, TriageRow } from '@madoguchi/shared/contract';
export type SurveyTeam = Pick<SurveyTeamView, 'id' | 'name' | 'date' | 'memberIds' | 'areas'>;

export interface TriageFilter {
  area: string;
  surveyed: '' | 'yes' | 'no';
  selfAssessment: '' | 'yes' | 'no';
}

export interface TeamInput {
  name: string;
  date: string;
  memberIds: string[];
  areas: string[];
}

export interface SurveyInput {
  level: string;
  surveyedOn: string;
  surveyor: string;
  method: string;
}

const at = (code: string, disasterId: string) => `/municipalities/${code}/disasters/${encodeURIComponent(disasterId)}`;

export const triageApi = {
  disasters: (code: string) => staffApi<{ items: Disaster[] }>('GET', `/municipalities/${code}/disasters`),
  disaster: (code: string, disasterId: string) => staffApi<Disaster>('GET', at(code, disasterId)),
  queue(code: string, disasterId: string, f: TriageFilter) {
    const q = new URLSearchParams(Object.entries(f).filter(([, v]) => v !== '')).toString();
    return staffApi<{ total: number; groups: TriageGroup[] }>('GET', `${at(code, disasterId)}/triage${q ? `?${q}` : ''}`);
  },
  teams: (code: string, disasterId: string) => staffApi<{ items: SurveyTeam[]; staff: { id: string; displayName: string }[] }>('GET', `${at(code, disasterId)}/teams`),
  saveTeam: (code: string, disasterId: string, team: TeamInput, id?: string) =>
    id ? staffApi<SurveyTeam>('PUT', `${at(code, disasterId)}/teams/${id}`, team) : staffApi<SurveyTeam>('POST', `${at(code, disasterId)}/teams`, team),
  deleteTeam: (code: string, disasterId: string, id: string) => staffApi<void>('DELETE', `${at(code, disasterId)}/teams/${id}`),
  record: (code: string, disasterId: string, submissionId: string, input: SurveyInput) => staffApi<unknown>('PUT', `${at(code, disasterId)}/cases/${submissionId}/survey`, input),
  approve: (code: string, disasterId: string, submissionId: string) => staffApi<unknown>('POST', `${at(code, disasterId)}/cases/${submissionId}/survey/approve`),
  async downloadList(code: string, disasterId: string, teamId: string, format: 'pdf' | 'utf-8' | 'cp932') {
    const path = `/staff${at(code, disasterId)}/teams/${teamId}/survey-list/${format === 'pdf' ? 'pdf' : `csv?encoding=${format}`}`;
    const res = await apiFetch(path, { language: currentLanguage() });
    saveDownload(await res.blob(), res.headers.get('Content-Disposition'), format === 'pdf' ? 'survey-list.pdf' : 'survey-list.csv');
  },
  /** Issues the 罹災証明書 of an approved result (issuing again returns the standing one). */
  issueCertificate: (code: string, disasterId: string, submissionId: string) =>
    staffApi<{ number: string; byPost: boolean; withdrawnAt: string | null }>('POST', `${at(code, disasterId)}/cases/${submissionId}/certificate`),
  async downloadCertificate(code: string, disasterId: string, submissionId: string) {
    const res = await apiFetch(`/staff${at(code, disasterId)}/cases/${submissionId}/certificate/pdf`, { language: currentLanguage() });
    saveDownload(await res.blob(), res.headers.get('Content-Disposition'), 'risai-shomeisho.pdf');
  },
  uploadResults(code: string, disasterId: string, teamId: string, file: File) {
    const form = new FormData();
    form.append('file', file);
    return staffApi<{ applied: number }>('POST', `${at(code, disasterId)}/teams/${teamId}/survey-list/results`, form);
  },
};
