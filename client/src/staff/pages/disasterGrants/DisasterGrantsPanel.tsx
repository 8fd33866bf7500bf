/**
 * 応援職員 (issue #20): the municipal admin lends one disaster's queue to staff
 * of other municipalities — by e-mail, for a period — and revokes it. The
 * server refuses own, platform and disabled accounts and closed disasters;
 * its messages land on the form (useApiForm).
 */
import { useCallback, useEffect, useState } from 'react';
import { japanDayStart, todayInJapan } from '@madoguchi/shared';
import { useStaffText, type StaffMessageKey } from '../../i18n';
import { Field } from '../../ui/Field';
import { FormError } from '../../ui/FormError';
import { useApiForm } from '../../ui/useApiForm';
import { useConfirm } from '../../ui/ConfirmDialog';
import { grantsApi, type DisasterGrantView, type GrantInput } from './grantsApi';
import './disasterGrants.css';

const DEFAULT_DAYS = 14;
const addDays = (day: string, days: number) => japanDayStart(day, days + 1).slice(0, 10);

function stateOf(g: DisasterGrantView, today: string): StaffMessageKey {
  if (g.revokedAt) return 'grants.state.revoked';
  if (g.live) return 'grants.state.live';
  return g.fromDate > today ? 'grants.state.pending' : 'grants.state.ended';
}

export function DisasterGrantsPanel({ code, disasterId, open }: { code: string; disasterId: string; open: boolean }) {
  const t = useStaffText();
  const today = todayInJapan();
  const [grants, setGrants] = useState<DisasterGrantView[] | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [confirmDialog, confirm] = useConfirm();
  const { form, formError, setFormError, submit } = useApiForm<GrantInput>();
  const { register, reset, formState } = form;

  const load = useCallback(() => grantsApi.list(code, disasterId).then((r) => setGrants(r.items)), [code, disasterId]);
  useEffect(() => {
    void load();
  }, [load]);
  useEffect(() => {
    reset({ email: '', fromDate: today, untilDate: addDays(today, DEFAULT_DAYS) });
  }, [reset, today]);

  const onGrant = submit(async (values) => {
    setStatus(null);
    const g = await grantsApi.grant(code, disasterId, values);
    reset({ ...values, email: '' });
    setStatus(t('grants.granted', { name: g.user?.displayName ?? values.email, home: g.homeMunicipalityName }));
    await load();
  });

  const onRevoke = async (g: DisasterGrantView) => {
    const name = g.user?.displayName ?? t('grants.unknownUser');
    if (!(await confirm({ title: t('grants.revokeTitle', { name }), body: t('grants.revokeBody'), action: t('grants.revoke') }))) return;
    setFormError(null);
    await grantsApi.revoke(code, disasterId, g.id);
    setStatus(t('grants.revoked'));
    await load();
  };

  const required = { required: t('grants.required') };
  return (
    <section aria-labelledby="grants-title" className="grants">
      <h2 id="grants-title">{t('grants.title')}</h2>
      <p className="field__hint">{t('grants.lead')}</p>

      {open ? (
        <form onSubmit={onGrant} noValidate aria-labelledby="grants-add-title">
          <h3 id="grants-add-title">{t('grants.add')}</h3>
          <FormError message={formError} />
          <Field id="grant-email" type="email" autoComplete="off" label={t('grants.email')} hint={t('grants.emailHint')} error={formState.errors.email?.message} {...register('email', required)} />
          <div className="grants__period">
            <Field id="grant-from" type="date" label={t('grants.fromDate')} error={formState.errors.fromDate?.message} {...register('fromDate', required)} />
            <Field
              id="grant-until"
              type="date"
              label={t('grants.untilDate')}
              hint={t('grants.periodHint')}
              max={addDays(today, 90)}
              error={formState.errors.untilDate?.message}
              {...register('untilDate', required)}
            />
          </div>
          <button type="submit" className="button button--primary" disabled={formState.isSubmitting}>
            {t('grants.submit')}
          </button>
        </form>
      ) : (
        <p className="notice">{t('grants.closedNotice')}</p>
      )}
      {status && (
        <p role="status" className="notice">
          {status}
        </p>
      )}

      <h3>{t('grants.list')}</h3>
      {grants === null ? (
        <p className="loading">{t('common.loading')}</p>
      ) : grants.length === 0 ? (
        <p>{t('grants.none')}</p>
      ) : (
        <ul className="plain-list grants__list">
          {grants.map((g) => (
            <li key={g.id} className="grants__item">
              <p>
                <strong>{g.user?.displayName ?? t('grants.unknownUser')}</strong>（{g.homeMunicipalityName}）
                <br />
                {g.user?.email}
              </p>
              <dl className="facts">
                <dt>{t('grants.col.period')}</dt>
                <dd>{t('grants.period', { from: g.fromDate, until: g.untilDate })}</dd>
                <dt>{t('grants.col.state')}</dt>
                <dd>{t(stateOf(g, today))}</dd>
              </dl>
              {!g.revokedAt && (g.live || g.fromDate > today) && (
                <button type="button" className="button button--small button--danger" onClick={() => void onRevoke(g)}>
                  {t('grants.revoke')}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {confirmDialog}
    </section>
  );
}
