/**
 * A long form's overview (GOV.UK's task-list pattern): its sections with
 * their state, each reachable directly, then the attachments and the check
 * page, which opens once everything is complete. `ReviewGate` stands in front
 * of the check page and says which sections are not complete yet. Loaded only
 * by long forms.
 */
import { useMemo, type ReactNode } from 'react';
import type { RJSFSchema, SchemaUtilsType } from '@rjsf/utils';
import type { AttachmentSpec, FieldError } from '@madoguchi/shared';
import { useLanguage } from '../../common/i18n/LanguageContext';
import { attachmentErrors } from '../attachments/attachmentChecks';
import { TaskList, type TaskItem } from '../tasks/TaskList';
import { useTaskText } from '../tasks/taskMessages';
import type { AttachedFile } from './localDraft';
import { attachmentsState, reviewOpen, stepStates } from './sectionStates';
import type { StepView } from './steps';

export type OverviewTarget = number | 'files' | 'review';

export interface FormOverviewProps {
  steps: StepView[];
  utils: SchemaUtilsType;
  schema: RJSFSchema;
  data: Record<string, unknown>;
  validateAll: (data: unknown) => FieldError[];
  attachments: AttachmentSpec[];
  files: Record<string, AttachedFile[]>;
  /** The address of a part (`?step=3`), so a link also opens in a new tab. */
  hrefOf: (target: OverviewTarget) => string;
  goTo: (target: OverviewTarget) => void;
}

/** Every part of the form as a task: the sections, the attachments (if any), and the check page last. */
function useFormTasks(props: FormOverviewProps) {
  const { steps, utils, schema, data, validateAll, attachments, files, hrefOf, goTo } = props;
  const { t, language } = useLanguage();
  const text = useTaskText();
  const start = useMemo(() => utils.getDefaultFormState(schema, {}) as Record<string, unknown>, [utils, schema]);
  return useMemo(() => {
    const errors = [...validateAll(data), ...attachmentErrors(attachments, data, files, language)];
    const states = stepStates(steps, data, start, errors);
    const task = (id: string, title: string, state: TaskItem['state'], target: OverviewTarget, hint?: string): TaskItem & { target: OverviewTarget } => ({
      id,
      title,
      state,
      target,
      href: hrefOf(target),
      onSelect: () => goTo(target),
      ...(hint ? { hint } : {}),
    });
    const parts = steps.map((step, i) => task(`step-${i + 1}`, step.title, states[i]!, i));
    if (attachments.length) {
      const fileCount = Object.values(files).reduce((n, list) => n + list.length, 0);
      const state = attachmentsState(states, fileCount, errors);
      parts.push(task('files', t('apply.attachmentsStep'), state, 'files', state === 'cannotStart' ? text('overview.filesHint') : undefined));
    }
    const open = reviewOpen(parts.map((p) => p.state));
    const review = {
      ...task('review', t('apply.reviewStep'), open ? 'notStarted' : 'cannotStart', 'review', open ? undefined : text('overview.reviewHint')),
      ...(open ? { statusLabel: text('overview.reviewReady') } : {}),
    };
    return { parts, review, open };
  }, [steps, data, start, validateAll, attachments, files, language, hrefOf, goTo, t, text]);
}

export function FormOverview(props: FormOverviewProps) {
  const text = useTaskText();
  const { t } = useLanguage();
  const { parts, review, open } = useFormTasks(props);
  const done = parts.filter((p) => p.state === 'complete').length;
  const next = parts.find((p) => p.state === 'notStarted' || p.state === 'inProgress');
  const begun = parts.some((p) => p.state !== 'notStarted' && p.state !== 'cannotStart');
  return (
    <>
      <p className="lead">{text('overview.lead')}</p>
      <p className="task-progress">{text('overview.progress', { done, total: parts.length })}</p>
      <TaskList items={[...parts, review]} label={text('overview.listLabel')} />
      <div className="step-nav">
        {open ? (
          <button type="button" className="button button--primary button--wide" onClick={() => props.goTo('review')}>
            {t('apply.toReview')}
          </button>
        ) : (
          next && (
            <button type="button" className="button button--primary button--wide" onClick={() => props.goTo(next.target)}>
              {begun ? text('overview.continue') : text('overview.start')}
            </button>
          )
        )}
      </div>
    </>
  );
}

/** The check page when everything is complete; otherwise the sections still to do, each a link. */
export function ReviewGate({ children, ...props }: FormOverviewProps & { children: ReactNode }) {
  const text = useTaskText();
  const { parts, open } = useFormTasks(props);
  if (open) return <>{children}</>;
  return (
    <>
      <div className="notice">
        <p>{text('gate.lead')}</p>
      </div>
      <TaskList items={parts.filter((p) => p.state !== 'complete')} label={text('overview.listLabel')} />
    </>
  );
}
