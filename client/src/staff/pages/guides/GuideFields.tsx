/**
 * The guide editor's parts: the questions and the items with their
 * conditions, each a react-hook-form field array of plain labelled
 * controls. Server messages are shown on the control their pointer names
 * (`/guide/items/2/reason` → the reason of item 3).
 */
import { forwardRef, type ReactNode, type SelectHTMLAttributes, type TextareaHTMLAttributes } from 'react';
import { useFieldArray, useFormContext, useWatch } from 'react-hook-form';
import { useStaffText } from '../../i18n';
import { Field } from '../../ui/Field';
import { emptyItem, emptyQuestion, type GuideValues } from './guideForm';

/** Server messages by form path (`questions.0.text`). */
export type FieldMessages = Record<string, string>;
export const idOf = (path: string) => `guide-${path.replace(/\./g, '-')}`;

function Described({ id, label, error, children }: { id: string; label: string; error?: string | undefined; children: ReactNode }) {
  return (
    <div className={`field${error ? ' field--error' : ''}`}>
      <label htmlFor={id}>{label}</label>
      {error && (
        <p id={`${id}-error`} className="field__error">
          {error}
        </p>
      )}
      {children}
    </div>
  );
}

export const TextArea = forwardRef<HTMLTextAreaElement, TextareaHTMLAttributes<HTMLTextAreaElement> & { id: string; label: string; error?: string | undefined }>(function TextArea(
  { id, label, error, ...rest },
  ref,
) {
  return (
    <Described id={id} label={label} error={error}>
      <textarea id={id} ref={ref} rows={3} aria-invalid={error ? true : undefined} aria-describedby={error ? `${id}-error` : undefined} {...rest} />
    </Described>
  );
});

export const Select = forwardRef<HTMLSelectElement, SelectHTMLAttributes<HTMLSelectElement> & { id: string; label: string; error?: string | undefined; choices: Array<[string, string]> }>(
  function Select({ id, label, error, choices, ...rest }, ref) {
    return (
      <Described id={id} label={label} error={error}>
        <select id={id} ref={ref} aria-invalid={error ? true : undefined} aria-describedby={error ? `${id}-error` : undefined} {...rest}>
          {choices.map(([value, text]) => (
            <option key={value} value={value}>
              {text}
            </option>
          ))}
        </select>
      </Described>
    );
  },
);

/** 「上へ」 (not on the first row) and 「削除」 under a question or an item. */
function RowActions({ index, onMoveUp, onRemove, removeLabel }: { index: number; onMoveUp: () => void; onRemove: () => void; removeLabel: string }) {
  const t = useStaffText();
  return (
    <p className="builder-row">
      {index > 0 && (
        <button type="button" className="button button--small" onClick={onMoveUp}>
          {t('guides.moveUp')}
        </button>
      )}
      <button type="button" className="button button--small" onClick={onRemove}>
        {removeLabel}
      </button>
    </p>
  );
}

/** A text input for `path`, with its server message. */
function useText(messages: FieldMessages) {
  const { register } = useFormContext<GuideValues>();
  return (path: string, label: string, multiline = false) => {
    const props = { id: idOf(path), label, error: messages[path], ...register(path as never) };
    return multiline ? <TextArea {...props} /> : <Field {...props} />;
  };
}

export function QuestionsFields({ messages }: { messages: FieldMessages }) {
  const t = useStaffText();
  const { control } = useFormContext<GuideValues>();
  const { fields, append, remove, move } = useFieldArray({ control, name: 'questions' });
  const text = useText(messages);
  return (
    <section aria-labelledby="guide-questions-title">
      <h2 id="guide-questions-title">{t('guides.questions')}</h2>
      {messages.questions && <p className="field__error">{messages.questions}</p>}
      {fields.map((f, i) => (
        <fieldset key={f.id} className="builder-fieldset">
          <legend>{t('guides.question', { n: i + 1 })}</legend>
          {text(`questions.${i}.text`, t('guides.questionText'))}
          {text(`questions.${i}.textEn`, t('guides.questionTextEn'))}
          {text(`questions.${i}.help`, t('guides.questionHelp'))}
          {text(`questions.${i}.helpEn`, t('guides.questionHelpEn'))}
          {text(`questions.${i}.options`, t('guides.options'), true)}
          {text(`questions.${i}.optionsEn`, t('guides.optionsEn'), true)}
          {text(`questions.${i}.id`, t('guides.questionId'))}
          <RowActions index={i} onMoveUp={() => move(i, i - 1)} onRemove={() => remove(i)} removeLabel={t('guides.removeQuestion')} />
        </fieldset>
      ))}
      <button type="button" className="button" onClick={() => append(emptyQuestion(fields.length + 1))}>
        {t('guides.addQuestion')}
      </button>
    </section>
  );
}

function ConditionsFields({ item, messages }: { item: number; messages: FieldMessages }) {
  const t = useStaffText();
  const { control, register, setValue } = useFormContext<GuideValues>();
  const { fields, append, remove } = useFieldArray({ control, name: `items.${item}.when` });
  const questions = useWatch({ control, name: 'questions' });
  const conditions = useWatch({ control, name: `items.${item}.when` });
  const optionsOf = (id: string) =>
    (questions.find((q) => q.id === id)?.options ?? '')
      .split('\n')
      .map((o) => o.trim())
      .filter(Boolean);
  return (
    <fieldset className="builder-fieldset">
      <legend>{t('guides.when')}</legend>
      {fields.map((f, j) => {
        const path = `items.${item}.when.${j}`;
        const current = conditions?.[j];
        const answers = optionsOf(current?.field ?? '');
        if (current?.value && !answers.includes(current.value)) answers.push(current.value);
        return (
          <div key={f.id} className="builder-row" role="group" aria-label={t('guides.condition', { n: j + 1 })}>
            {messages[path] && <p className="field__error">{messages[path]}</p>}
            <Select
              id={idOf(`${path}.field`)}
              label={t('guides.conditionQuestion')}
              choices={questions.map((q) => [q.id, q.text || q.id])}
              {...register(`items.${item}.when.${j}.field`, {
                // Another question: its first answer, not a stale one of the question before.
                onChange: (e: { target: { value: string } }) => setValue(`items.${item}.when.${j}.value`, optionsOf(e.target.value)[0] ?? ''),
              })}
            />
            <Select
              id={idOf(`${path}.op`)}
              label={t('guides.conditionOp')}
              choices={[
                ['equals', t('guides.opEquals')],
                ['notEquals', t('guides.opNotEquals')],
              ]}
              {...register(`items.${item}.when.${j}.op`)}
            />
            <Select id={idOf(`${path}.value`)} label={t('guides.conditionValue')} choices={answers.map((a) => [a, a])} {...register(`items.${item}.when.${j}.value`)} />
            <button type="button" className="button button--small" onClick={() => remove(j)}>
              {t('guides.removeCondition')}
            </button>
          </div>
        );
      })}
      {questions.length > 0 && (
        <button type="button" className="button button--small" onClick={() => append({ field: questions[0]!.id, op: 'equals', value: optionsOf(questions[0]!.id)[0] ?? '' })}>
          {t('guides.addCondition')}
        </button>
      )}
    </fieldset>
  );
}

export function ItemsFields({ messages, procedures }: { messages: FieldMessages; procedures: Record<string, string> }) {
  const t = useStaffText();
  const { control, register } = useFormContext<GuideValues>();
  const { fields, append, remove, move } = useFieldArray({ control, name: 'items' });
  const text = useText(messages);
  const choices: Array<[string, string]> = [['', t('guides.itemNoProcedure')], ...Object.entries(procedures).map(([id, title]): [string, string] => [id, `${title}（${id}）`])];
  return (
    <section aria-labelledby="guide-items-title">
      <h2 id="guide-items-title">{t('guides.items')}</h2>
      {fields.map((f, i) => (
        <fieldset key={f.id} className="builder-fieldset">
          <legend>{t('guides.item', { n: i + 1 })}</legend>
          {messages[`items.${i}`] && <p className="field__error">{messages[`items.${i}`]}</p>}
          <Select id={idOf(`items.${i}.procedureId`)} label={t('guides.itemProcedure')} error={messages[`items.${i}.procedureId`]} choices={choices} {...register(`items.${i}.procedureId`)} />
          {text(`items.${i}.title`, t('guides.itemTitle'))}
          {text(`items.${i}.titleEn`, t('guides.itemTitleEn'))}
          {text(`items.${i}.reason`, t('guides.itemReason'), true)}
          {text(`items.${i}.reasonEn`, t('guides.itemReasonEn'), true)}
          {text(`items.${i}.deadline`, t('guides.itemDeadline'))}
          {text(`items.${i}.deadlineEn`, t('guides.itemDeadlineEn'))}
          {text(`items.${i}.where`, t('guides.itemWhere'))}
          {text(`items.${i}.whereEn`, t('guides.itemWhereEn'))}
          <ConditionsFields item={i} messages={messages} />
          <RowActions index={i} onMoveUp={() => move(i, i - 1)} onRemove={() => remove(i)} removeLabel={t('guides.removeItem')} />
        </fieldset>
      ))}
      <button type="button" className="button" onClick={() => append(emptyItem())}>
        {t('guides.addItem')}
      </button>
    </section>
  );
}
