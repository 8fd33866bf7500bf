/**
 * 調査班: the disaster's survey teams — form or change one (react-hook-form),
 * take out a team's survey list (PDF, CSV) and bring it back filled in. A
 * refused file lists every bad line with its reason; nothing of it is recorded.
 */
import { useState } from 'react';
import type { FieldError } from '@madoguchi/shared';
import { useApiForm } from '../../ui/useApiForm';
import { ApiError } from '../../api';
import { triageApi, type SurveyTeam } from './triageApi';
import type { TriageT } from './triageMessages';

interface Props {
  code: string;
  disasterId: string;
  teams: SurveyTeam[];
  staff: { id: string; displayName: string }[];
  t: TriageT;
  onChanged: (message: string) => void;
}

type TeamForm = { name: string; date: string; memberIds: string[]; areas: string };
const splitAreas = (text: string) =>
  text
    .split(/[,、，\n]/u)
    .map((a) => a.trim())
    .filter(Boolean);

function TeamEditor({ code, disasterId, team, staff, t, onSaved }: { code: string; disasterId: string; team?: SurveyTeam; staff: Props['staff']; t: TriageT; onSaved: (m: string) => void }) {
  const { form, formError, submit } = useApiForm<TeamForm>();
  const { register, formState } = form;
  const id = `team-${team?.id ?? 'new'}`;
  const err = (name: keyof TeamForm) => formState.errors[name]?.message;
  return (
    <form
      className="triage__teamForm"
      noValidate
      aria-label={team ? `${t('editTeam')}（${team.name}）` : t('newTeam')}
      onSubmit={submit(async (v) => {
        const saved = await triageApi.saveTeam(code, disasterId, { name: v.name, date: v.date, memberIds: v.memberIds || [], areas: splitAreas(v.areas) }, team?.id);
        if (!team) form.reset({ name: '', date: '', memberIds: [], areas: '' });
        onSaved(t('teamSaved', { name: saved.name }));
      })}
    >
      {formError && (
        <p className="form-error" role="alert">
          {formError}
        </p>
      )}
      <div className={`field${err('name') ? ' field--error' : ''}`}>
        <label htmlFor={`${id}-name`}>{t('teamName')}</label>
        {err('name') && (
          <p className="field__error" id={`${id}-name-error`}>
            {err('name')}
          </p>
        )}
        <input id={`${id}-name`} defaultValue={team?.name ?? ''} {...register('name')} aria-invalid={err('name') ? true : undefined} aria-describedby={err('name') ? `${id}-name-error` : undefined} />
      </div>
      <div className={`field${err('date') ? ' field--error' : ''}`}>
        <label htmlFor={`${id}-date`}>{t('teamDate')}</label>
        {err('date') && (
          <p className="field__error" id={`${id}-date-error`}>
            {err('date')}
          </p>
        )}
        <input
          id={`${id}-date`}
          type="date"
          defaultValue={team?.date ?? ''}
          {...register('date')}
          aria-invalid={err('date') ? true : undefined}
          aria-describedby={err('date') ? `${id}-date-error` : undefined}
        />
      </div>
      <fieldset className={`field${err('memberIds') ? ' field--error' : ''}`}>
        <legend>{t('members')}</legend>
        {err('memberIds') && <p className="field__error">{err('memberIds')}</p>}
        <div className="triage__members">
          {staff.map((s) => (
            <span key={s.id} className="checkbox">
              <input id={`${id}-m-${s.id}`} type="checkbox" value={s.id} defaultChecked={team?.memberIds.includes(s.id) ?? false} {...register('memberIds')} />
              <label htmlFor={`${id}-m-${s.id}`}>{s.displayName}</label>
            </span>
          ))}
        </div>
      </fieldset>
      <div className={`field${err('areas') ? ' field--error' : ''}`}>
        <label htmlFor={`${id}-areas`}>{t('areas')}</label>
        <p className="field__hint" id={`${id}-areas-hint`}>
          {t('areasHint')}
        </p>
        {err('areas') && <p className="field__error">{err('areas')}</p>}
        <input id={`${id}-areas`} defaultValue={team?.areas.join('、') ?? ''} {...register('areas')} aria-describedby={`${id}-areas-hint`} aria-invalid={err('areas') ? true : undefined} />
      </div>
      <button type="submit" className="button button--primary button--small" disabled={formState.isSubmitting}>
        {t('saveTeam')}
      </button>
    </form>
  );
}

function ResultsUpload({ code, disasterId, team, t, onDone }: { code: string; disasterId: string; team: SurveyTeam; t: TriageT; onDone: (m: string) => void }) {
  const [file, setFile] = useState<File | null>(null);
  const [error, setError] = useState('');
  const [lines, setLines] = useState<FieldError[]>([]);
  const id = `upload-${team.id}`;
  const run = async () => {
    if (!file) return;
    setError('');
    setLines([]);
    try {
      const { applied } = await triageApi.uploadResults(code, disasterId, team.id, file);
      onDone(t('applied', { n: applied }));
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      setError(e.message);
      setLines(e.fields);
    }
  };
  return (
    <div className="triage__upload">
      <label htmlFor={id}>{t('uploadFile', { name: team.name })}</label>
      <input id={id} type="file" accept=".csv,text/csv" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
      <button type="button" className="button button--small" disabled={!file} onClick={() => void run()}>
        {t('uploadRun')}
      </button>
      {error && (
        <div className="form-error" role="alert">
          <p>{error}</p>
          {lines.length > 0 && (
            <ul aria-label={t('refused')}>
              {lines.map((l, i) => (
                <li key={i}>
                  <strong>{l.label}</strong>：{l.message}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </div>
  );
}

export function TeamsSection({ code, disasterId, teams, staff, t, onChanged }: Props) {
  const [editing, setEditing] = useState<string | null>(null);
  const [error, setError] = useState('');
  const names = new Map(staff.map((s) => [s.id, s.displayName]));
  const download = async (teamId: string, format: 'pdf' | 'utf-8' | 'cp932') => {
    setError('');
    try {
      await triageApi.downloadList(code, disasterId, teamId, format);
    } catch (e) {
      setError((e as Error).message);
    }
  };
  return (
    <section aria-labelledby="triage-teams" className="triage__teams">
      <h2 id="triage-teams">{t('teams')}</h2>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {!teams.length && <p>{t('noTeams')}</p>}
      <ul className="triage__teamList">
        {teams.map((team) => (
          <li key={team.id} className="triage__team">
            <h3>
              {team.name}（{team.date}）
            </h3>
            <p>
              {t('members')}：{team.memberIds.map((m) => names.get(m) ?? m).join('、')}
              <br />
              {t('areas')}：{team.areas.join('、')}
            </p>
            <div className="triage__buttons" role="group" aria-label={`${t('list')}（${team.name}）`}>
              <span>{t('list')}</span>
              <button type="button" className="button button--small" onClick={() => void download(team.id, 'pdf')}>
                {t('pdf')}
              </button>
              <button type="button" className="button button--small" onClick={() => void download(team.id, 'utf-8')}>
                {t('csvUtf8')}
              </button>
              <button type="button" className="button button--small" onClick={() => void download(team.id, 'cp932')}>
                {t('csvSjis')}
              </button>
              <button type="button" className="button button--small" aria-expanded={editing === team.id} onClick={() => setEditing(editing === team.id ? null : team.id)}>
                {t('editTeam')}
              </button>
              <button
                type="button"
                className="button button--small"
                onClick={() =>
                  void triageApi
                    .deleteTeam(code, disasterId, team.id)
                    .then(() => onChanged(t('teamDeleted', { name: team.name })))
                    .catch((e: Error) => setError(e.message))
                }
              >
                {t('deleteTeam')}
              </button>
            </div>
            {editing === team.id && <TeamEditor code={code} disasterId={disasterId} team={team} staff={staff} t={t} onSaved={(m) => (setEditing(null), onChanged(m))} />}
            <ResultsUpload code={code} disasterId={disasterId} team={team} t={t} onDone={onChanged} />
          </li>
        ))}
      </ul>
      <details className="triage__newTeam">
        <summary>{t('newTeam')}</summary>
        <TeamEditor code={code} disasterId={disasterId} staff={staff} t={t} onSaved={onChanged} />
      </details>
    </section>
  );
}
