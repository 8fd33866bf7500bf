/** The desk's side of the message thread on the submission page (issue #21); opening it marks the applicant's messages read. */
import { useCallback } from 'react';
import { apiFetch } from '../../../common/api/http';
import { currentLanguage } from '../../../common/i18n/languageStore';
import { ThreadPanel } from '../../../common/thread/ThreadPanel';
import type { ThreadData } from '../../../common/thread/threadTypes';
import { staffApi } from '../../api';
import { saveDownload } from '../../saveDownload';

export function StaffThread({ code, submissionId, mayWrite, fieldLabel }: { code: string; submissionId: string; mayWrite: boolean; fieldLabel: (pointer: string) => string }) {
  const path = `/municipalities/${code}/submissions/${submissionId}/messages`;
  const load = useCallback(async () => {
    const t = await staffApi<ThreadData>('GET', path);
    return mayWrite ? t : { ...t, canWrite: false };
  }, [path, mayWrite]);
  const send = (form: FormData) => staffApi('POST', path, form);
  const download = async (fileId: string, fileName: string) => {
    const res = await apiFetch(`/staff/municipalities/${code}/submissions/${submissionId}/files/${fileId}`, { language: currentLanguage() });
    saveDownload(await res.blob(), res.headers.get('Content-Disposition'), fileName);
  };
  return <ThreadPanel language={currentLanguage()} side="desk" load={load} send={send} download={download} fieldLabel={fieldLabel} />;
}
