/** The applicant's side of the message thread on the status page (issue #21), behind the receipt number and key. */
import { useCallback } from 'react';
import type { Language } from '@madoguchi/shared';
import { apiFetch, apiJson } from '../../common/api/http';
import { ThreadPanel } from '../../common/thread/ThreadPanel';
import type { ThreadData } from '../../common/thread/threadTypes';

const enc = encodeURIComponent;

export function ResidentThread({ receiptNumber, secret, language }: { receiptNumber: string; secret: string; language: Language }) {
  const headers = { 'X-Receipt-Secret': secret };
  const path = `/submissions/${enc(receiptNumber)}/messages`;
  const load = useCallback(() => apiJson<ThreadData>(path, { language, headers }), [path, secret, language]); // eslint-disable-line react-hooks/exhaustive-deps
  const send = (form: FormData) => apiJson(path, { method: 'POST', body: form, language, headers });
  const download = async (fileId: string, fileName: string) => {
    const blob = await (await apiFetch(`${path}/files/${enc(fileId)}`, { language, headers })).blob();
    const url = URL.createObjectURL(blob);
    const a = Object.assign(document.createElement('a'), { href: url, download: fileName });
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  };
  return (
    <section className="status-thread" aria-labelledby="thread-heading">
      <h2 id="thread-heading">{language === 'en' ? 'Messages with the desk' : '窓口とのメッセージ'}</h2>
      <ThreadPanel language={language} side="applicant" load={load} send={send} download={download} />
    </section>
  );
}
