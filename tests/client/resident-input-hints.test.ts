/** @jest-environment jsdom */
/**
 * Small resident-form courtesies: the browser may fill the name from what the
 * resident saved (autocomplete tokens on the shared name block), and an
 * upload error names the file once, not twice.
 */
import { render } from '@testing-library/react';
import { loadClient, residentForm } from './clientModules';

const { autocompleteFor } = loadClient<{ autocompleteFor: (id: string, ui: unknown) => string | undefined }>('resident/form/templates/BaseInputTemplate');
const { withFileName } = loadClient<{ withFileName: (name: string, message: string) => string }>('resident/attachments/AttachmentField');

describe('resident input hints', () => {
  it('gives the name block autofill tokens, and leaves readings and other text alone', () => {
    expect(autocompleteFor('root_applicant_name_familyName', undefined)).toBe('family-name');
    expect(autocompleteFor('root_householder_givenName', undefined)).toBe('given-name');
    expect(autocompleteFor('root_applicant_name_familyNameKana', undefined)).toBeUndefined();
    expect(autocompleteFor('root_disaster_name', undefined)).toBeUndefined();
    expect(autocompleteFor('root_x', 'organization')).toBe('organization');
  });

  it('renders the tokens on the inputs of the name block', () => {
    const schema = { type: 'object', properties: { name: { type: 'object', title: '氏名', properties: { familyName: { type: 'string', title: '氏' }, givenName: { type: 'string', title: '名' } } } } };
    const { container } = render(residentForm({ schema, uiSchema: {} }));
    expect(container.querySelector('#root_name_familyName')?.getAttribute('autocomplete')).toBe('family-name');
    expect(container.querySelector('#root_name_givenName')?.getAttribute('autocomplete')).toBe('given-name');
  });

  it('names the file in an upload error once', () => {
    expect(withFileName('写真.png', '「写真.png」は10MBを超えています。')).toBe('「写真.png」は10MBを超えています。');
    expect(withFileName('写真.png', 'サーバーに接続できませんでした。')).toBe('写真.png: サーバーに接続できませんでした。');
  });
});
