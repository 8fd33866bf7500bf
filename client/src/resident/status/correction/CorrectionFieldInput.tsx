/** One answer the applicant was asked to correct, as a plain labelled input of its kind. */
import type { CorrectionField, Lang } from './correctionApi';
import { text } from './correctionText';

export const fieldId = (pointer: string) => `correction${pointer.replace(/[^A-Za-z0-9]/g, '-')}`;

export function CorrectionFieldInput({ field, value, error, language, onChange }: { field: CorrectionField; value: unknown; error?: string; language: Lang; onChange: (v: unknown) => void }) {
  const id = fieldId(field.pointer);
  const describedBy = error ? `${id}-error` : undefined;
  const common = { id, 'aria-invalid': error ? true : undefined, 'aria-describedby': describedBy } as const;
  const str = value === null || value === undefined ? '' : String(value);
  let control;
  switch (field.input) {
    case 'select':
      control = (
        <select {...common} className="select" value={str} onChange={(e) => onChange(e.target.value)}>
          <option value="">{text(language, 'none')}</option>
          {field.options!.map((o) => (
            <option key={o} value={o}>
              {o}
            </option>
          ))}
        </select>
      );
      break;
    case 'multiselect': {
      const chosen = Array.isArray(value) ? (value as string[]) : [];
      return (
        <fieldset className={`field${error ? ' field--error' : ''}`} aria-describedby={describedBy}>
          <legend className="field__label">
            {field.label}
            {field.group && <span className="correction__group">（{field.group}）</span>}
          </legend>
          {error && (
            <p className="field__error" id={`${id}-error`}>
              {error}
            </p>
          )}
          {field.options!.map((o, i) => (
            <label key={o} className="correction__check">
              <input type="checkbox" id={i === 0 ? id : undefined} checked={chosen.includes(o)} onChange={() => onChange(chosen.includes(o) ? chosen.filter((c) => c !== o) : [...chosen, o])} /> {o}
            </label>
          ))}
        </fieldset>
      );
    }
    case 'boolean':
      control = (
        <label className="correction__check">
          <input {...common} type="checkbox" checked={value === true} onChange={(e) => onChange(e.target.checked)} /> {text(language, 'yes')}
        </label>
      );
      break;
    case 'textarea':
      control = <textarea {...common} className="textarea" rows={4} maxLength={field.maxLength} value={str} onChange={(e) => onChange(e.target.value)} />;
      break;
    case 'number':
    case 'integer':
      control = (
        <input
          {...common}
          className="input input--short"
          type="number"
          step={field.input === 'integer' ? 1 : 'any'}
          value={str}
          onChange={(e) => onChange(e.target.value === '' ? null : Number(e.target.value))}
        />
      );
      break;
    default:
      control = (
        <input
          {...common}
          className="input"
          type={field.input === 'date' ? 'date' : field.input === 'email' ? 'email' : field.input === 'tel' ? 'tel' : 'text'}
          autoComplete="off"
          maxLength={field.maxLength}
          value={str}
          onChange={(e) => onChange(e.target.value)}
        />
      );
  }
  return (
    <div className={`field${error ? ' field--error' : ''}`}>
      <label className="field__label" htmlFor={id}>
        {field.label}
        {field.group && <span className="correction__group">（{field.group}）</span>}
      </label>
      {error && (
        <p className="field__error" id={`${id}-error`}>
          {error}
        </p>
      )}
      {control}
    </div>
  );
}
