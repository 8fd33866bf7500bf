/** @jest-environment jsdom */
/**
 * 個人番号: hidden while typed (unless the resident asks to see it), masked
 * except the last 4 digits, and the check digit verified as soon as 12 are in.
 */
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { myNumberCheckDigit } from '@madoguchi/shared';
import { loadClient, residentForm } from './clientModules';
import { view } from './domView';

const { maskMyNumber, myNumberStatus } = loadClient<{ maskMyNumber: (s: string) => string; myNumberStatus: (s: string) => { kind: string } }>('common/myNumber');

const VALID = `12345678901${myNumberCheckDigit('12345678901')}`; // 123456789018
const WRONG = `12345678901${(myNumberCheckDigit('12345678901') + 1) % 10}`;

describe('masking and the check digit', () => {
  it('masks all but the last four digits', () => {
    expect(maskMyNumber(VALID)).toBe('•••• •••• 9018');
    expect(maskMyNumber('１２３４ ５６７８ ９０１８')).toBe('•••• •••• 9018');
    expect(maskMyNumber('')).toBe('');
  });
  it('says how far along the resident is', () => {
    expect(myNumberStatus('1234')).toEqual({ kind: 'incomplete', remaining: 8 });
    expect(myNumberStatus(VALID)).toEqual({ kind: 'valid' });
    expect(myNumberStatus(WRONG)).toEqual({ kind: 'invalid-check-digit' });
  });
});

describe('MyNumberWidget (chosen by format)', () => {
  const schema = { type: 'object', properties: { myNumber: { $ref: '#/definitions/myNumber' } } };

  it('is hidden, numeric, and checks the digits as they are typed', async () => {
    const changes: unknown[] = [];
    render(residentForm({ schema, onChange: (d) => changes.push(d) }));
    const input = screen.getByLabelText(/個人番号/);
    expect(view(input).type).toBe('password');
    expect(view(input).getAttribute('inputmode')).toBe('numeric');
    expect(view(input).getAttribute('autocomplete')).toBe('off');
    await userEvent.type(input, '12345678901');
    expect(screen.getByText(/あと1桁/)).toBeTruthy();
    await userEvent.type(input, String(myNumberCheckDigit('12345678901')));
    expect(screen.getAllByText(/検査用数字が一致/).length).toBeGreaterThan(0);
    expect(screen.getByText(/•••• •••• 9018/)).toBeTruthy();
    expect(changes.at(-1)).toEqual({ myNumber: VALID });
  });

  it('reports a wrong check digit at once, and marks the input invalid', async () => {
    render(residentForm({ schema }));
    const input = screen.getByLabelText(/個人番号/);
    await userEvent.type(input, WRONG);
    expect(screen.getAllByText(/検査用数字（最後の1桁）が一致しません/).length).toBeGreaterThan(0);
    expect(view(input).getAttribute('aria-invalid')).toBe('true');
  });

  it('folds full-width digits and shows the number only on request', async () => {
    const changes: unknown[] = [];
    render(residentForm({ schema, onChange: (d) => changes.push(d) }));
    const input = screen.getByLabelText(/個人番号/);
    await userEvent.type(input, '１２３４−５６７８−９０１８');
    expect(changes.at(-1)).toEqual({ myNumber: VALID });
    const toggle = screen.getByRole('button', { name: '番号を表示' });
    await userEvent.click(toggle);
    expect(view(input).type).toBe('text');
    expect(view(toggle).getAttribute('aria-pressed')).toBe('true');
  });
});
