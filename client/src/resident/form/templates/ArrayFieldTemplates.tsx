/**
 * Repeating groups (お子さん, 世帯員 …): each entry numbered, with a 「削除する」
 * button that says which entry it removes, and an add button in Japanese
 * (`ui:options.addButtonText` when the preset gives one). A group that opens
 * with many entries shows the first ones and a button for each of the others
 * (closedRows.ts): every entry stays reachable by Tab and by screen reader.
 */
import { createContext, useContext, useEffect, useRef, useState, type ReactElement } from 'react';
import { flushSync } from 'react-dom';
import type { ArrayFieldItemTemplateProps, ArrayFieldTemplateProps } from '@rjsf/utils';
import { getUiOptions } from '@rjsf/utils';
import { useLanguage } from '../../../common/i18n/LanguageContext';
import { RequirementBadge } from './RequirementBadge';
import { ErrorList, HelpText } from './FieldHelpAndErrors';
import { LONG_GROUP, OPEN_ROWS, OPEN_ROW_EVENT, hasErrors, rowSummary } from './closedRows';

/** The group's title, so each entry's buttons can say which entry they act on (「お子さん 2」). */
const ArrayTitleContext = createContext('');
/** Entries from this index up to the count the group opened with start closed (Infinity: none). */
const ClosedFromContext = createContext<{ from: number; to: number }>({ from: Infinity, to: 0 });

export function ArrayFieldTemplate(props: ArrayFieldTemplateProps) {
  const { canAdd, fieldPathId, uiSchema, items, onAddClick, title, required, rawErrors, disabled, readonly, schema } = props;
  const { t } = useLanguage();
  const options = getUiOptions(uiSchema);
  const label = String(options.title ?? title ?? '');
  const help = typeof uiSchema?.['ui:help'] === 'string' ? uiSchema['ui:help'] : undefined;
  const description = options.description ?? schema.description;
  const errors = rawErrors ?? [];
  const addText = typeof options.addButtonText === 'string' ? options.addButtonText : t('form.addItem', { label });
  // Counted once, when the group first shows: entries added later open as usual.
  const [openedWith] = useState(items.length);
  const closed = openedWith > LONG_GROUP ? { from: OPEN_ROWS, to: openedWith } : { from: Infinity, to: 0 };
  return (
    <fieldset className={`array ${errors.length ? 'field--error' : ''}`} id={fieldPathId.$id}>
      <legend className="object__legend">
        {label}
        <RequirementBadge required={required || (schema.minItems ?? 0) > 0} />
      </legend>
      {description && <div className="field__description">{String(description)}</div>}
      <HelpText fieldPathId={fieldPathId} help={help} />
      <ErrorList fieldPathId={fieldPathId} errors={errors} />
      {items.length === 0 && <p className="array__empty">{t('form.noItems')}</p>}
      {closed.to > 0 && <p className="array__closed-note">{t('form.closedRowsNote', { label, n: openedWith, open: OPEN_ROWS })}</p>}
      <ArrayTitleContext.Provider value={label}>
        <ClosedFromContext.Provider value={closed}>
          <div className="array__items">{items}</div>
        </ClosedFromContext.Provider>
      </ArrayTitleContext.Provider>
      {canAdd && (
        <button type="button" className="button button--secondary array__add" onClick={onAddClick} disabled={disabled || readonly}>
          <span aria-hidden="true">＋ </span>
          {addText}
        </button>
      )}
    </fieldset>
  );
}

export function ArrayFieldItemTemplate(props: ArrayFieldItemTemplateProps) {
  const { children, buttonsProps, hasToolbar, index } = props;
  const { t } = useLanguage();
  const label = useContext(ArrayTitleContext);
  const closedRange = useContext(ClosedFromContext);
  const [open, setOpen] = useState(() => index < closedRange.from || index >= closedRange.to);
  const { hasRemove, hasMoveUp, hasMoveDown, onRemoveItem, onMoveUpItem, onMoveDownItem, disabled, readonly } = buttonsProps;
  const itemName = t('form.itemName', { label: label || t('form.item'), n: index + 1 });
  const off = disabled || readonly;
  if (!open)
    return <ClosedRow rowId={buttonsProps.fieldPathId.$id} itemName={itemName} content={children as ReactElement<{ formData?: unknown; errorSchema?: unknown }>} onOpen={() => setOpen(true)} />;
  return (
    <div className="array__item">
      {children}
      {hasToolbar && (
        <div className="array__toolbar">
          {(hasMoveUp || hasMoveDown) && (
            <>
              <button type="button" className="button button--tertiary" onClick={onMoveUpItem} disabled={off || !hasMoveUp} aria-label={t('form.moveUpItem', { item: itemName })}>
                {t('form.moveUp')}
              </button>
              <button type="button" className="button button--tertiary" onClick={onMoveDownItem} disabled={off || !hasMoveDown} aria-label={t('form.moveDownItem', { item: itemName })}>
                {t('form.moveDown')}
              </button>
            </>
          )}
          {hasRemove && (
            <button type="button" className="button button--danger" onClick={onRemoveItem} disabled={off}>
              {t('form.removeItem')}
              <span className="visually-hidden">（{itemName}）</span>
            </button>
          )}
        </div>
      )}
    </div>
  );
}

/**
 * An entry of a long group, not rendered yet: one button naming it (「お子さん 37：山田 花子」). Pressing it
 * shows the entry's fields and moves focus into them; focusField opens it first (OPEN_ROW_EVENT) when the
 * error summary or a 「変更する」 link points inside it.
 */
function ClosedRow({ rowId, itemName, content, onOpen }: { rowId: string; itemName: string; content: ReactElement<{ formData?: unknown; errorSchema?: unknown }>; onOpen: () => void }) {
  const { t } = useLanguage();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const element = ref.current;
    // Synchronous, so the caller finds the field in the DOM right after dispatching.
    const open = () => flushSync(onOpen);
    element?.addEventListener(OPEN_ROW_EVENT, open);
    return () => element?.removeEventListener(OPEN_ROW_EVENT, open);
  }, [onOpen]);
  const summary = rowSummary(content.props.formData);
  const invalid = hasErrors(content.props.errorSchema);
  return (
    <div className={`array__item array__item--closed ${invalid ? 'field--error' : ''}`} data-closed-row={rowId} ref={ref}>
      <button
        type="button"
        className="array__open"
        onClick={() => {
          flushSync(onOpen);
          document.getElementById(rowId)?.querySelector<HTMLElement>('input:not([type=hidden]), select, textarea, button')?.focus();
        }}
      >
        <span className="array__open-name">{itemName}</span>
        {summary && <span className="array__open-summary">{summary}</span>}
        {invalid && <span className="array__open-error">{t('form.closedRowHasErrors')}</span>}
        <span className="array__open-action">{t('form.openRow')}</span>
      </button>
    </div>
  );
}
