/**
 * RJSF's widget registry as the browser gets it (client/vite.config.ts `rjsfSlimRegistry`): every widget
 * @rjsf/core offers, under the same names, but only the ones the resident form renders from RJSF itself are in
 * the form page's chunks. The others — replaced by the resident's own (client/src/resident/form/registry.ts)
 * or used only when a `ui:widget` asks for them (rating, colour, file, alt-date, …) — are fetched the first
 * time one renders. tests/client/rjsf-slim-registry.test.ts checks the names against @rjsf/core's.
 */
import type { RegistryWidgetsType } from '@rjsf/utils';
import HiddenWidget from '@rjsf/core/lib/components/widgets/HiddenWidget.js';
import TextWidget from '@rjsf/core/lib/components/widgets/TextWidget.js';
import { lazyRarePart } from './lazyComponent';

const slimWidgets: RegistryWidgetsType = {
  HiddenWidget,
  TextWidget,
  AltDateWidget: lazyRarePart('AltDateWidget'),
  AltDateTimeWidget: lazyRarePart('AltDateTimeWidget'),
  CheckboxWidget: lazyRarePart('CheckboxWidget'),
  CheckboxesWidget: lazyRarePart('CheckboxesWidget'),
  ColorWidget: lazyRarePart('ColorWidget'),
  DateWidget: lazyRarePart('DateWidget'),
  DateTimeWidget: lazyRarePart('DateTimeWidget'),
  EmailWidget: lazyRarePart('EmailWidget'),
  FileWidget: lazyRarePart('FileWidget'),
  PasswordWidget: lazyRarePart('PasswordWidget'),
  RadioWidget: lazyRarePart('RadioWidget'),
  RangeWidget: lazyRarePart('RangeWidget'),
  RatingWidget: lazyRarePart('RatingWidget'),
  SelectWidget: lazyRarePart('SelectWidget'),
  TextareaWidget: lazyRarePart('TextareaWidget'),
  TimeWidget: lazyRarePart('TimeWidget'),
  UpDownWidget: lazyRarePart('UpDownWidget'),
  URLWidget: lazyRarePart('URLWidget'),
};

/** A fresh object on each call, as @rjsf/core's own; the components are the same ones every time. */
export default function widgets(): RegistryWidgetsType {
  return { ...slimWidgets };
}
