/**
 * The resident form's widgets, templates and fields. Widgets are registered
 * under the shared format names, so RJSF picks them for every preset without
 * any `ui:widget` (a string with `format: "my-number"` gets MyNumberWidget).
 */
import type { RegistryFieldsType, RegistryWidgetsType, TemplatesType } from '@rjsf/utils';
import { ResidentObjectField } from './ResidentObjectField';
import { ResidentNumberField } from './CalcField';
import { ArrayFieldItemTemplate, ArrayFieldTemplate } from './templates/ArrayFieldTemplates';
import { BaseInputTemplate } from './templates/BaseInputTemplate';
import { DescriptionFieldTemplate, FieldErrorTemplate, FieldHelpTemplate } from './templates/FieldHelpAndErrors';
import { FieldTemplate } from './templates/FieldTemplate';
import { ObjectFieldTemplate } from './templates/ObjectFieldTemplate';
import { CheckboxWidget, CheckboxesWidget, RadioWidget, SelectWidget } from './widgets/ChoiceWidgets';
import { MyNumberWidget } from './widgets/MyNumberWidget';
import { CapacityWidget } from './widgets/CapacityWidget';
import { PostalCodeWidget } from './widgets/PostalCodeWidget';
import { TextareaWidget } from './widgets/TextareaWidget';
import { EmailWidget, HiraganaWidget, InsuredNumberWidget, KatakanaWidget, LgCodeWidget, PhoneWidget, ZenginKanaWidget } from './widgets/TextWidgets';
import { WarekiDateWidget } from './widgets/WarekiDateWidget';

/** Widgets by name: the shared format names plus the `ui:widget` names presets use. */
export const residentWidgets: RegistryWidgetsType = {
  // by format (see shared/src/validation/japaneseFormats.ts)
  'my-number': MyNumberWidget,
  'postal-code': PostalCodeWidget,
  'jp-phone': PhoneWidget,
  katakana: KatakanaWidget,
  hiragana: HiraganaWidget,
  'zengin-kana': ZenginKanaWidget,
  'insured-number': InsuredNumberWidget,
  'lg-code': LgCodeWidget,
  email: EmailWidget,
  date: WarekiDateWidget,
  'past-date': WarekiDateWidget,
  'future-date': WarekiDateWidget,
  // by ui:widget
  RadioWidget,
  CheckboxesWidget,
  CheckboxWidget,
  SelectWidget,
  TextareaWidget,
  CapacityWidget,
};

export const residentTemplates: Partial<Omit<TemplatesType, 'ButtonTemplates'>> = {
  FieldTemplate,
  ObjectFieldTemplate,
  ArrayFieldTemplate,
  ArrayFieldItemTemplate,
  BaseInputTemplate,
  FieldErrorTemplate,
  FieldHelpTemplate,
  DescriptionFieldTemplate,
};

export const residentFields: RegistryFieldsType = {
  ObjectField: ResidentObjectField,
  NumberField: ResidentNumberField,
};
