/**
 * Declares a disaster, or changes an open one: 名称, 発生日 (with its 和暦),
 * 種類, the affected 町字 and postal codes one a line, 災害救助法. The
 * server checks everything; its field errors appear beside the fields and in
 * a summary at the top that takes focus and links to them.
 */
import { useEffect, useRef, useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { DISASTER_KINDS, DISASTER_KIND_EN, type Disaster } from '@madoguchi/shared';
import { warekiOf } from './disasterForm';
import { ApiError } from '../../api';
import { useLanguage } from '../../../common/i18n/LanguageContext';
import { useStaffText } from '../../i18n';
import { Field } from '../../ui/Field';
import { TextArea, Select } from '../guides/GuideFields';
import { EMPTY_DISASTER, messagesByField, placeErrors, toDeclaration, toValues, type DisasterField, type DisasterValues } from './disasterForm';
import { disastersApi } from './disastersApi';

const idOf = (field: DisasterField) => `disaster-${field}`;

interface Props {
  code: string;
  /** The open disaster being changed; null: a new declaration. */
  editing: Disaster | null;
  onSaved: (saved: Disaster) => void;
  onCancel?: () => void;
}

export function DisasterForm({ code, editing, onSaved, onCancel }: Props) {
  const t = useStaffText();
  const { language } = useLanguage();
  const { register, handleSubmit, control, reset } = useForm<DisasterValues>({ defaultValues: editing ? toValues(editing) : EMPTY_DISASTER });
  const [problem, setProblem] = useState<{ message: string; fields: Array<{ field: DisasterField; text: string }> } | null>(null);
  const [messages, setMessages] = useState<Partial<Record<DisasterField, string>>>({});
  const summary = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (problem) summary.current?.focus();
  }, [problem]);
  const [occurredOn, reliefApplied] = useWatch({ control, name: ['occurredOn', 'reliefApplied'] });
  const lineText = (line: number) => t('disasters.line', { line });

  const submit = handleSubmit(async (values) => {
    setProblem(null);
    setMessages({});
    try {
      const body = toDeclaration(values);
      const saved = editing ? await disastersApi.amend(code, editing.id, body) : await disastersApi.declare(code, body);
      if (!editing) reset(EMPTY_DISASTER);
      onSaved(saved);
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      const placed = placeErrors(e.fields);
      setMessages(messagesByField(placed, lineText));
      setProblem({ message: e.message, fields: placed.map((p) => ({ field: p.field, text: `${t(LABELS[p.field])}：${p.line ? lineText(p.line) : ''}${p.message}` })) });
    }
  });

  const titleId = editing ? 'disaster-amend-title' : 'disaster-declare-title';
  return (
    <form onSubmit={submit} noValidate aria-labelledby={titleId} className="disaster-form">
      <h2 id={titleId}>{editing ? t('disasters.amendTitle', { name: editing.name }) : t('disasters.declareTitle')}</h2>
      {problem && (
        <div ref={summary} className="form-error" role="alert" tabIndex={-1} aria-labelledby={`${titleId}-summary`}>
          <p id={`${titleId}-summary`}>
            <strong>{problem.fields.length ? t('disasters.summaryTitle', { n: problem.fields.length }) : problem.message}</strong>
          </p>
          {problem.fields.length > 0 && (
            <ul>
              {problem.fields.map((f, i) => (
                <li key={i}>
                  <a
                    href={`#${idOf(f.field)}`}
                    onClick={(event) => {
                      event.preventDefault();
                      document.getElementById(idOf(f.field))?.focus();
                    }}
                  >
                    {f.text}
                  </a>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
      <Field id={idOf('name')} label={t('disasters.name')} hint={t('disasters.nameHint')} error={messages.name} autoComplete="off" {...register('name')} />
      <Field
        id={idOf('occurredOn')}
        type="date"
        label={t('disasters.occurredOn')}
        // The date in 和暦 too: the words residents will read in the notice.
        hint={occurredOn ? `＝ ${warekiOf(occurredOn)}` : ''}
        error={messages.occurredOn}
        {...register('occurredOn')}
      />
      <Select id={idOf('kind')} label={t('disasters.kind')} error={messages.kind} choices={DISASTER_KINDS.map((k) => [k, language === 'en' ? DISASTER_KIND_EN[k] : k])} {...register('kind')} />
      {/* The example in the label itself: the guide editor's TextArea has no hint of its own. */}
      <TextArea id={idOf('towns')} label={`${t('disasters.towns')} ${t('disasters.townsHint')}`} error={messages.towns} rows={4} {...register('towns')} />
      <TextArea id={idOf('postalCodes')} label={`${t('disasters.postalCodes')} ${t('disasters.postalCodesHint')}`} error={messages.postalCodes} rows={4} {...register('postalCodes')} />
      <fieldset className={`field${messages.reliefApplied ? ' field--error' : ''}`}>
        <legend>{t('disasters.reliefAct')}</legend>
        {messages.reliefApplied && <p className="field__error">{messages.reliefApplied}</p>}
        <label>
          <input type="radio" id={idOf('reliefApplied')} value="yes" {...register('reliefApplied')} /> {t('disasters.reliefYes')}
        </label>{' '}
        <label>
          <input type="radio" value="no" {...register('reliefApplied')} /> {t('disasters.reliefNo')}
        </label>
      </fieldset>
      {reliefApplied === 'yes' && <Field id={idOf('reliefAppliedOn')} type="date" label={t('disasters.reliefAppliedOn')} error={messages.reliefAppliedOn} {...register('reliefAppliedOn')} />}
      <p className="builder-row">
        <button type="submit" className="button button--primary">
          {editing ? t('disasters.saveAmend') : t('disasters.declare')}
        </button>
        {onCancel && (
          <button type="button" className="button" onClick={onCancel}>
            {t('disasters.cancelAmend')}
          </button>
        )}
      </p>
    </form>
  );
}

const LABELS = {
  name: 'disasters.name',
  occurredOn: 'disasters.occurredOn',
  kind: 'disasters.kind',
  towns: 'disasters.towns',
  postalCodes: 'disasters.postalCodes',
  reliefApplied: 'disasters.reliefAct',
  reliefAppliedOn: 'disasters.reliefAppliedOn',
} as const;
