/**
 * 被害認定調査 (issue #20): a declared disaster's 罹災証明書 applications by
 * 町字 (counts, inside or outside the declared area), filters, each row's
 * survey result recorded and approved in place, and the survey teams with
 * their lists. The order and the flags come from the server (triageQueue.ts).
 */
import { useCallback, useEffect, useState } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { DAMAGE_LEVEL_EN, STATUS_LABELS, type Disaster, type SubmissionStatus } from '@madoguchi/shared';
import { useLanguage } from '../../../common/i18n/LanguageContext';
import { useSession } from '../../session';
import { SurveyEntry } from './SurveyEntry';
import { TeamsSection } from './TeamsSection';
import { triageApi, type SurveyTeam, type TriageFilter, type TriageGroup, type TriageRow } from './triageApi';
import { useTriageText, type TriageT } from './triageMessages';
import './triage.css';

function ResultCell({ row, t }: { row: TriageRow; t: TriageT }) {
  const { language } = useLanguage();
  const s = row.survey;
  if (!s) return <span className="triage__muted">{t('notYet')}</span>;
  return (
    <>
      <strong>{language === 'en' ? DAMAGE_LEVEL_EN[s.level] : s.level}</strong>
      <br />
      {s.surveyedOn} {s.surveyor}
      <br />
      <span className={`triage__tag ${s.approvedBy ? 'triage__tag--ok' : 'triage__tag--wait'}`}>{s.approvedBy ? t('approved') : t('awaitingApproval')}</span>
    </>
  );
}

function Group({ group, code, disasterId, userId, t, onDone }: { group: TriageGroup; code: string; disasterId: string; userId: string; t: TriageT; onDone: (m: string) => void }) {
  const { language } = useLanguage();
  const id = `area-${group.area || 'none'}`;
  return (
    <section aria-labelledby={id} className="triage__group">
      <h3 id={id}>
        {group.area || t('unknownArea')} <span className="triage__count">{t('groupCount', { n: group.count })}</span>{' '}
        <span className={`triage__tag ${group.inDeclaredArea ? 'triage__tag--in' : 'triage__tag--out'}`}>{group.inDeclaredArea ? t('inArea') : t('outOfArea')}</span>
      </h3>
      {/* Focusable so the keyboard can scroll a wide table on a phone. */}
      <div className="triage__scroll" role="region" aria-labelledby={id} tabIndex={0}>
        <table className="table triage__table">
          <thead>
            <tr>
              <th scope="col">{t('receiptNumber')}</th>
              <th scope="col">{t('status')}</th>
              <th scope="col">{t('reported')}</th>
              <th scope="col">{t('photos')}</th>
              <th scope="col">{t('selfAssessment')}</th>
              <th scope="col">{t('result')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('record')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {group.rows.map((r) => (
              <tr key={r.submissionId}>
                <th scope="row">
                  <Link to={`/staff/inbox/${r.submissionId}`}>{r.receiptNumber}</Link>
                </th>
                <td>{r.status ? (STATUS_LABELS[r.status as SubmissionStatus]?.[language === 'en' ? 'en' : 'ja'] ?? r.status) : '—'}</td>
                <td>
                  {r.reportedDamage || <span className="triage__muted">{t('nothingReported')}</span>}
                  {r.residential === false && <span className="triage__tag triage__tag--out">{t('notResidential')}</span>}
                </td>
                <td>{r.photoCount ? t('photoCount', { n: r.photoCount }) : t('none')}</td>
                <td>{r.noSiteSurvey ? <span className="triage__tag triage__tag--in">{t('noSiteSurvey')}</span> : r.selfAssessment ? t('selfWanted') : ''}</td>
                <td>
                  <ResultCell row={r} t={t} />
                </td>
                <td>
                  <SurveyEntry code={code} disasterId={disasterId} row={r} userId={userId} t={t} onDone={onDone} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

export default function DisasterTriagePage() {
  const t = useTriageText();
  const { session, can } = useSession();
  const userId = session!.user!.id;
  const [params, setParams] = useSearchParams();
  // Opened from a disaster (/disasters/:disasterId/triage); lent staff (応援職員) add the host's ?municipality=.
  const { disasterId: disasterInPath } = useParams();
  const code = params.get('municipality') ?? session!.user!.municipalityCode!;
  const lent = code !== session!.user!.municipalityCode;
  const navigate = useNavigate();
  const chooseDisaster = (id: string) =>
    disasterInPath ? navigate(`/staff/disasters/${encodeURIComponent(id)}/triage${lent ? `?municipality=${code}` : ''}`) : setParams(new URLSearchParams({ disaster: id }), { replace: true });
  const [disasters, setDisasters] = useState<Disaster[] | null>(null);
  const [queue, setQueue] = useState<{ total: number; groups: TriageGroup[] } | null>(null);
  const [teams, setTeams] = useState<{ items: SurveyTeam[]; staff: { id: string; displayName: string }[] }>({ items: [], staff: [] });
  const [message, setMessage] = useState('');
  const [error, setError] = useState('');
  const disasterId = disasterInPath ?? params.get('disaster') ?? disasters?.[0]?.id ?? '';
  const filter: TriageFilter = {
    area: params.get('area') ?? '',
    surveyed: (params.get('surveyed') ?? '') as TriageFilter['surveyed'],
    selfAssessment: (params.get('selfAssessment') ?? '') as TriageFilter['selfAssessment'],
  };
  const filterKey = `${filter.area}|${filter.surveyed}|${filter.selfAssessment}`;

  useEffect(() => {
    // A lent account may read only the disaster it was lent, not the host's list.
    const load = lent && disasterInPath ? triageApi.disaster(code, disasterInPath).then((d) => [d]) : triageApi.disasters(code).then((r) => r.items);
    load.then(setDisasters, (e: Error) => setError(e.message));
  }, [code, lent, disasterInPath]);

  const load = useCallback(async () => {
    if (!disasterId) return;
    try {
      const [q, tm] = await Promise.all([triageApi.queue(code, disasterId, filter), triageApi.teams(code, disasterId)]);
      setQueue(q);
      setTeams(tm);
    } catch (e) {
      setError((e as Error).message);
    }
    // filterKey stands for the filter's values
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [code, disasterId, filterKey]);
  useEffect(() => {
    void load();
  }, [load]);

  const set = (name: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    setParams(next, { replace: true });
  };
  const done = (m: string) => {
    setMessage(m);
    void load();
  };
  const areas = [...new Set(queue?.groups.map((g) => g.area) ?? [])];

  return (
    <div className="triage">
      <h1>{t('title')}</h1>
      <p className="triage__lead">{t('lead')}</p>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <p role="status" aria-live="polite" className="triage__message">
        {message}
      </p>
      {disasters === null ? (
        <p>{t('loading')}</p>
      ) : !disasters.length ? (
        <p>{t('noDisasters')}</p>
      ) : (
        <>
          <form className="triage__filters" aria-label={t('filters')} onSubmit={(e) => e.preventDefault()}>
            <div className="field">
              <label htmlFor="triage-disaster">{t('disaster')}</label>
              <select id="triage-disaster" value={disasterId} onChange={(e) => void chooseDisaster(e.target.value)}>
                {disasters.map((d) => (
                  <option key={d.id} value={d.id}>
                    {d.name}
                    {d.status === 'closed' ? t('closed') : ''}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor="triage-area">{t('area')}</label>
              <select id="triage-area" value={filter.area} onChange={(e) => set('area', e.target.value)}>
                <option value="">{t('all')}</option>
                {[...new Set([...areas, filter.area].filter(Boolean))].map((a) => (
                  <option key={a} value={a}>
                    {a}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor="triage-surveyed">{t('surveyed')}</label>
              <select id="triage-surveyed" value={filter.surveyed} onChange={(e) => set('surveyed', e.target.value)}>
                <option value="">{t('all')}</option>
                <option value="no">{t('surveyedNo')}</option>
                <option value="yes">{t('surveyedYes')}</option>
              </select>
            </div>
            <div className="field">
              <label htmlFor="triage-self">{t('selfAssessment')}</label>
              <select id="triage-self" value={filter.selfAssessment} onChange={(e) => set('selfAssessment', e.target.value)}>
                <option value="">{t('all')}</option>
                <option value="yes">{t('selfYes')}</option>
                <option value="no">{t('selfNo')}</option>
              </select>
            </div>
          </form>
          {queue && (
            <>
              <p className="triage__total">{t('total', { n: queue.total })}</p>
              {!queue.groups.length && <p>{t('noRows')}</p>}
              {queue.groups.map((g) => (
                <Group key={g.area} group={g} code={code} disasterId={disasterId} userId={userId} t={t} onDone={done} />
              ))}
            </>
          )}
          {can('inbox.update') && <TeamsSection code={code} disasterId={disasterId} teams={teams.items} staff={teams.staff} t={t} onChanged={done} />}
        </>
      )}
    </div>
  );
}
