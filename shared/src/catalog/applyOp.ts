/**
 * Applies edits to a form document. Pure: the input is never changed; the
 * result is a new document. An edit that does not fit throws EditRefusedError.
 */
import type { EditOp, FormDocument } from './types';
import { cloneJson } from './fieldPaths';
import { EditRefusedError } from './editRefused';
import { addField, moveField, removeField, setCardPrefill, setLabel, setOptions, setRequired, setRules, setSensitive, setShowWhen, setFieldLogic, setUiText, setWidget } from './fieldOps';
import { setCalc, setLookupTable } from './calcOps';
import { setCapacity } from './capacityOps';
import { addStep, moveStep, moveToStep, removeAttachment, removeStep, renameStep, setAttachment, setProcedureText, setReception, setSignaturePolicy } from './documentOps';

function applyInPlace(doc: FormDocument, op: EditOp): void {
  switch (op.type) {
    case 'setLabel':
      return setLabel(doc, op.path, op.label);
    case 'setHelp':
      return setUiText(doc, op.path, 'ui:help', op.help);
    case 'setDescription':
      return setUiText(doc, op.path, 'ui:description', op.text);
    case 'setPlaceholder':
      return setUiText(doc, op.path, 'ui:placeholder', op.text);
    case 'setRequired':
      return setRequired(doc, op.path, op.required);
    case 'setOptions':
      return setOptions(doc, op.path, op.options);
    case 'setRules':
      return setRules(doc, op.path, op.rules);
    case 'setWidget':
      return setWidget(doc, op.path, op.widget);
    case 'setSensitive':
      return setSensitive(doc, op.path, op.sensitive);
    case 'setCardPrefill':
      return setCardPrefill(doc, op.path, op.prefill);
    case 'setShowWhen':
      return setShowWhen(doc, op.path, op.showWhen);
    case 'setLogic':
      return setFieldLogic(doc, op.path, op.logic);
    case 'setCalc':
      return setCalc(doc, op.path, op.expression);
    case 'setLookupTable':
      return setLookupTable(doc, op.name, op.table);
    case 'setCapacity':
      return setCapacity(doc, op.path, op.capacity);
    case 'addField':
      return addField(doc, op.parent, op.field, op.after, op.step);
    case 'removeField':
      return removeField(doc, op.path);
    case 'moveField':
      return moveField(doc, op.path, op.after, op.step);
    case 'addStep':
      return addStep(doc, op.title, op.at, op.first);
    case 'renameStep':
      return renameStep(doc, op.index, op.title);
    case 'removeStep':
      return removeStep(doc, op.index);
    case 'moveStep':
      return moveStep(doc, op.index, op.to);
    case 'moveToStep':
      return moveToStep(doc, op.field, op.step);
    case 'setAttachment':
      return setAttachment(doc, op.attachment);
    case 'removeAttachment':
      return removeAttachment(doc, op.attachmentId);
    case 'setContactDesk':
      doc.procedure = { ...doc.procedure, contactDesk: op.contactDesk };
      return;
    case 'setSignaturePolicy':
      return setSignaturePolicy(doc, op.policy);
    case 'setProcedureText':
      return setProcedureText(doc, op.key, op.value);
    case 'setReception':
      return setReception(doc, op.reception);
  }
}

/** The document with one edit applied. */
export function applyOp(doc: FormDocument, op: EditOp): FormDocument {
  const copy = cloneJson(doc);
  copy.uiSchema ??= {};
  try {
    applyInPlace(copy, op);
  } catch (error) {
    if (error instanceof EditRefusedError && !error.opId) throw new EditRefusedError(error.message, error.code, op.id);
    throw error;
  }
  return copy;
}

/** A fresh id for an edit (not a secret: it only names the edit in a layer). */
export function newOpId(): string {
  return `op_${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
}
