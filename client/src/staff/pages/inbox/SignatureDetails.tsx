/**
 * How the applicant proved who they are and their electronic signature, in
 * the words of the certificate, with 「署名を再検証」 for staff who may update.
 */
import { useState } from 'react';
import { useStaffText } from '../../i18n';
import type { StaffMessageKey } from '../../messages';
import { jst, reverifySignature, type SubmissionView } from './inboxApi';

const NONE: Record<string, StaffMessageKey> = {
  required: 'inbox.submission.noSignature.required',
  optional: 'inbox.submission.noSignature.optional',
  none: 'inbox.submission.noSignature.none',
  'municipality-choice': 'inbox.submission.noSignature.municipalityChoice',
};

interface Props {
  code: string;
  view: SubmissionView;
  mayUpdate: boolean;
  onDone: (message: string) => Promise<void>;
}

export function SignatureDetails({ code, view, mayUpdate, onDone }: Props) {
  const t = useStaffText();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');
  const s = view.signature;
  const status = (sig: SubmissionView['signature']) =>
    sig.failure === 'corrected_after_signing' ? t('inbox.submission.signature.corrected') : t(`inbox.submission.signature.${sig.status}` as StaffMessageKey, { failure: sig.failure ?? '' });
  return (
    <>
      {view.identity && (
        <>
          <dt>{t('inbox.submission.identity')}</dt>
          <dd>{t('inbox.submission.identity.card', { at: jst(view.identity.verifiedAt) })}</dd>
        </>
      )}
      <dt>{t('inbox.submission.signature')}</dt>
      <dd>
        {s.status === 'none' ? (
          t(NONE[s.policy] ?? NONE.none!)
        ) : (
          <>
            <strong className={s.status === 'invalid' ? 'form-error' : undefined}>{status(s)}</strong>
            <br />
            {t('inbox.submission.signature.signer', { name: s.signerName ?? '' })}
            <br />
            {t('inbox.submission.signature.certificate', { serial: s.certificateSerial ?? '', issuer: s.certificateIssuer ?? '' })}
            <br />
            {t('inbox.submission.signature.times', { signedAt: s.signedAt ? jst(s.signedAt) : '', verifiedAt: s.lastVerifiedAt ? jst(s.lastVerifiedAt) : '' })}
            {mayUpdate && (
              <div>
                <button
                  type="button"
                  className="button button--secondary"
                  disabled={busy}
                  onClick={() => {
                    setBusy(true);
                    setError('');
                    reverifySignature(code, view.id)
                      .then((again) => onDone(t('inbox.submission.signature.reverified', { status: status(again) })))
                      .catch((e: Error) => setError(e.message))
                      .finally(() => setBusy(false));
                  }}
                >
                  {t('inbox.submission.signature.reverify')}
                </button>
                {error && (
                  <p className="form-error" role="alert">
                    {error}
                  </p>
                )}
              </div>
            )}
          </>
        )}
      </dd>
    </>
  );
}
