/**
 * The chosen stack alone (bench/stackPage.ts): React renders @rjsf/core's Form with its own theme and its ajv
 * validator, as the packages ship, for the schema and answers the page carries. Nothing of the product's own.
 */
import { createElement } from 'react';
import { createRoot } from 'react-dom/client';
import Form from '@rjsf/core';
import validator from '@rjsf/validator-ajv8';

const { schema, formData } = JSON.parse(document.getElementById('stack-form')!.textContent!);
createRoot(document.getElementById('root')!).render(createElement(Form, { schema, formData, validator }));
