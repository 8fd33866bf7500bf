/**
 * The selected field's settings (react-hook-form): label, help, required,
 * sensitive (masked in lists and exports), options, display, validation
 * rules, "show when…" and its step. 「反映」
 * (or Enter) turns the changes into edits, applied as one undoable action.
 */
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { FIELD_KIND_LABELS, OPTION_KINDS, isLocked, rulesFor, type FieldInfo, type FieldKind, type FormStep, type LockedField, type ValidationRules, type FormDocument } from '@madoguchi/shared';
import type { NewOp } from './useBuilder';
import { lines } from './AddFieldForm';
import { RULE_FIELDS, type EditorValues } from './editorParts';
import { CardPrefillEditor } from './CardPrefillEditor';
import { CalcExpressionEditor } from './CalcExpressionEditor';

interface Props {
  field: FieldInfo;
  steps: FormStep[] | undefined;
  locks: LockedField[];
  /** Edits layered over a preset (an adopted one, or a preset template): only then is a required field "the preset's". */
  overPreset: boolean;
  /** The document being edited (a calculated field's expression checks against it). */
  doc: FormDocument;
  apply: (...ops: NewOp[]) => string | null;
  onMessage: (message: string) => void;
}

const toText = (v: number | null | undefined) => (typeof v === 'number' ? String(v) : '');

function valuesOf(field: FieldInfo, steps: FormStep[] | undefined): EditorValues {
  return {
    label: field.label,
    help: field.help ?? '',
    description: field.description ?? '',
    placeholder: field.placeholder ?? '',
    required: field.required,
    sensitive: field.sensitive,
    options: (field.options ?? []).join('\n'),
    widget: field.widget ?? 'default',
    minLength: toText(field.rules.minLength),
    maxLength: toText(field.rules.maxLength),
    minimum: toText(field.rules.minimum),
    maximum: toText(field.rules.maximum),
    minItems: toText(field.rules.minItems),
    maxItems: toText(field.rules.maxItems),
    charset: field.rules.charset ?? 'any',
    dateRule: field.rules.dateRule ?? 'any',
    step: field.parentPath === '' && steps ? String(steps.findIndex((s) => s.fields.includes(field.key))) : '',
  };
}

/** The edits that turn `field` into what the form now says. */
function opsFor(field: FieldInfo, before: EditorValues, v: EditorValues): NewOp[] {
  const path = field.path;
  const ops: NewOp[] = [];
  if (v.label !== before.label) ops.push({ type: 'setLabel', path, label: v.label.trim() });
  if (v.help !== before.help) ops.push({ type: 'setHelp', path, help: v.help });
  if (v.description !== before.description) ops.push({ type: 'setDescription', path, text: v.description });
  if (v.placeholder !== before.placeholder) ops.push({ type: 'setPlaceholder', path, text: v.placeholder });
  if (v.required !== before.required) ops.push({ type: 'setRequired', path, required: v.required });
  if (v.sensitive !== before.sensitive && !field.sensitiveLocked) ops.push({ type: 'setSensitive', path, sensitive: v.sensitive });
  if (OPTION_KINDS.includes(field.kind as FieldKind) && v.options !== before.options) ops.push({ type: 'setOptions', path, options: lines(v.options) });
  if (v.widget !== before.widget) ops.push({ type: 'setWidget', path, widget: v.widget as 'default' });
  const rules: ValidationRules = {};
  for (const key of rulesFor(field.kind)) {
    if (v[key] === before[key]) continue;
    if (key === 'charset') rules.charset = v.charset as ValidationRules['charset'];
    else if (key === 'dateRule') rules.dateRule = v.dateRule as ValidationRules['dateRule'];
    else rules[key] = v[key] === '' ? null : Number(v[key]);
  }
  if (Object.keys(rules).length > 0) ops.push({ type: 'setRules', path, rules });
  if (v.step !== before.step && v.step !== '') ops.push({ type: 'moveToStep', field: field.key, step: Number(v.step) });
  return ops;
}

export function FieldEditor({ field, steps, locks, overPreset, doc, apply, onMessage }: Props) {
  const before = valuesOf(field, steps);
  const form = useForm<EditorValues>({ defaultValues: before });
  const { register, handleSubmit, formState } = form;
  const [refusal, setRefusal] = useState<string | null>(null);
  const lock = isLocked(locks, field.path);
  const lockedHere = lock?.path === field.path && lock.reason === 'required';
  const kindLabel = field.kind === 'custom' ? 'その他（詳細な設定）' : FIELD_KIND_LABELS[field.kind];
  const rules = rulesFor(field.kind);

  const onSubmit = handleSubmit((v) => {
    const ops = opsFor(field, before, v);
    if (ops.length === 0) return onMessage('変更はありません。');
    const refused = apply(...ops);
    setRefusal(refused);
    onMessage(refused ?? `「${v.label || field.key}」の変更を反映しました。`);
  });

  return (
    <>
      <form className="builder-form" onSubmit={onSubmit} aria-labelledby="edit-field-title" noValidate>
        <h2 id="edit-field-title" className="builder-panel__title">
          「{field.label || field.key}」の設定
        </h2>
        <p className="field__hint">
          種類：{kindLabel}　キー：<code>{field.key}</code>
          {lock && (
            <>
              <br />
              <strong>
                {lockedHere ? '法令で定められた必須の項目です' : '法令で定められた項目を含みます'}（根拠：{lock.provision}）。
              </strong>
              文言や説明は変えられますが、削除・任意化・条件付けはできません。
            </>
          )}
          {!lock && overPreset && field.required && (
            <>
              <br />
              プリセットで必須としている項目ですが、法令上の必須項目ではないため、任意にすることもできます。
            </>
          )}
        </p>
        {refusal && (
          <p className="field__error" role="alert">
            {refusal}
          </p>
        )}
        <div className="field">
          <label htmlFor="edit-label">項目名</label>
          <input id="edit-label" {...register('label')} />
        </div>
        <div className="field">
          <label htmlFor="edit-help">説明（項目の下に表示）</label>
          <textarea id="edit-help" rows={2} {...register('help')} />
        </div>
        {field.kind !== 'section' && field.kind !== 'group' && field.kind !== 'calc' && (
          <div className="field">
            <label htmlFor="edit-placeholder">入力例（欄の中に薄く表示）</label>
            <input id="edit-placeholder" {...register('placeholder')} />
          </div>
        )}
        {(field.kind === 'section' || field.kind === 'group') && (
          <div className="field">
            <label htmlFor="edit-description">補足説明（見出しの下に表示）</label>
            <textarea id="edit-description" rows={2} {...register('description')} />
          </div>
        )}
        {/* A calculated value is never typed, so it is neither required nor optional. */}
        {field.kind !== 'calc' && (
          <div className="checkbox">
            <input id="edit-required" type="checkbox" disabled={lockedHere && before.required} {...register('required')} />
            <label htmlFor="edit-required">必須</label>
          </div>
        )}
        <div className="checkbox">
          <input id="edit-sensitive" type="checkbox" disabled={field.sensitiveLocked} aria-describedby="edit-sensitive-hint" {...register('sensitive')} />
          <label htmlFor="edit-sensitive">機微情報（一覧・出力で伏せる）</label>
        </div>
        <p id="edit-sensitive-hint" className="field__hint">
          {field.sensitiveLocked
            ? '個人番号は常に伏せられます（解除できません）。'
            : '病名・障害・所得・口座番号など、特に配慮が必要な情報に付けます。受付一覧・CSV・PDFで伏せられ、表示した職員は記録されます。'}
        </p>
        {OPTION_KINDS.includes(field.kind as FieldKind) && (
          <div className="field">
            <label htmlFor="edit-options">選択肢（1行に1つ）</label>
            {lockedHere && <p className="field__hint">法令で定められた選択肢は削除できません（追加はできます）。</p>}
            <textarea id="edit-options" rows={Math.min(8, Math.max(3, (field.options ?? []).length + 1))} {...register('options')} />
          </div>
        )}
        {(field.kind === 'choice' || field.kind === 'yesNo') && (
          <div className="field">
            <label htmlFor="edit-widget">表示方法</label>
            <select id="edit-widget" {...register('widget')}>
              <option value="default">標準</option>
              <option value="radio">ボタンで選ぶ（ラジオボタン）</option>
              <option value="select">一覧から選ぶ（プルダウン）</option>
            </select>
          </div>
        )}
        {rules.length > 0 && (
          <fieldset className="builder-fieldset">
            <legend>入力の決まり</legend>
            {RULE_FIELDS.filter((r) => rules.includes(r.key)).map((r) => r.render(register))}
          </fieldset>
        )}
        {field.parentPath === '' && steps && steps.length > 0 && (
          <div className="field">
            <label htmlFor="edit-step">ステップ</label>
            <select id="edit-step" {...register('step')}>
              {steps.map((s, i) => (
                <option key={i} value={String(i)}>
                  ステップ{i + 1}：{s.title}
                </option>
              ))}
            </select>
          </div>
        )}
        <button type="submit" className="button button--primary" disabled={formState.isSubmitting}>
          変更を反映
        </button>
      </form>
      {field.kind === 'calc' && <CalcExpressionEditor key={field.path} doc={doc} field={field} apply={apply} onMessage={onMessage} />}
      {field.kind === 'section' && <CardPrefillEditor key={field.path} field={field} apply={apply} onMessage={onMessage} />}
    </>
  );
}
