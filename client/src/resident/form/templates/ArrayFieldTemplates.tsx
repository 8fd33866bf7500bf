/**
 * Repeating groups (お子さん, 世帯員 …): each entry numbered, with a 「削除する」
 * button that says which entry it removes, and an add button in Japanese
 * (`ui:options.addButtonText` when the preset gives one).
 */
import { createContext, useContext } from 'react';
import type { ArrayFieldItemTemplateProps, ArrayFieldTemplateProps } from '@rjsf/utils';
import { getUiOptions } from '@rjsf/utils';
import { useLanguage } from '../../../common/i18n/LanguageContext';
import { RequirementBadge } from './RequirementBadge';
import { ErrorList, HelpText } from './FieldHelpAndErrors';

/** The group's title, so each entry's buttons can say which entry they act on (「お子さん 2」). */
const ArrayTitleContext = createContext('');

export function ArrayFieldTemplate(props: ArrayFieldTemplateProps) {
  const { canAdd, fieldPathId, uiSchema, items, onAddClick, title, required, rawErrors, disabled, readonly, schema } = props;
  const { t } = useLanguage();
  const options = getUiOptions(uiSchema);
  const label = String(options.title ?? title ?? '');
  const help = typeof uiSchema?.['ui:help'] === 'string' ? uiSchema['ui:help'] : undefined;
  const description = options.description ?? schema.description;
  const errors = rawErrors ?? [];
  const addText = typeof options.addButtonText === 'string' ? options.addButtonText : t('form.addItem', { label });
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
      <ArrayTitleContext.Provider value={label}>
        <div className="array__items">{items}</div>
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
  const { hasRemove, hasMoveUp, hasMoveDown, onRemoveItem, onMoveUpItem, onMoveDownItem, disabled, readonly } = buttonsProps;
  const itemName = t('form.itemName', { label: label || t('form.item'), n: index + 1 });
  const off = disabled || readonly;
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
