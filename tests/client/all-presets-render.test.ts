/** @jest-environment jsdom */
/**
 * Every preset renders with the resident widgets and templates, filled with
 * its example answers: no RJSF error, every step's questions present, dates
 * in the 和暦 widget, 個人番号 hidden, and no field left without a label.
 */
import { cleanup, render } from '@testing-library/react';
import { loadPresets } from '@madoguchi/presets';
import { loadClient, residentForm } from './clientModules';
import { view } from './domView';

const { prepareUiSchema } = loadClient<{ prepareUiSchema: (ui: object) => object }>('resident/apply/prepareUiSchema');

afterEach(cleanup);

describe.each(loadPresets().map((p) => [p.procedure.id, p] as const))('%s', (_id, p) => {
  it('renders its example answers with labelled controls', () => {
    const errors: unknown[] = [];
    const spy = jest.spyOn(console, 'error').mockImplementation((...args) => void errors.push(args));
    const { container: root } = render(residentForm({ schema: p.schema, uiSchema: prepareUiSchema(p.uiSchema), formData: p.example }));
    spy.mockRestore();
    const container = view(root);
    expect(errors).toEqual([]);
    expect(container.textContent).not.toMatch(/Unsupported field|表示できません/);
    const steps = (p.uiSchema['ui:options']?.steps ?? []) as Array<{ fields: string[] }>;
    for (const field of steps.flatMap((s) => s.fields)) {
      if (p.example && field in p.example) expect(container.querySelector(`[id^="root_${field}"]`)).not.toBeNull();
    }
    for (const control of container.querySelectorAll('input:not([type=hidden]), select, textarea')) {
      const labelled = control.closest('label') || container.querySelector(`label[for="${control.id}"]`) || control.getAttribute('aria-label');
      if (!labelled) throw new Error(`no label for #${control.id}`);
    }
    for (const input of container.querySelectorAll('input[id$="myNumber"]')) expect(input.type).toBe('password');
    expect(container.querySelectorAll('input[type=date]').length).toBe(0);
  });
});
