/** @jest-environment jsdom */
/**
 * The draft kept on this device: saved shortly after each change, and gone for good once the application is
 * sent. A save scheduled by the last keystroke must not bring it back (Back would then offer the form again).
 */
import { act, renderHook } from '@testing-library/react';
import { loadClient } from './clientModules';

interface Draft {
  data: Record<string, unknown>;
}
const { useApplicationDraft } = loadClient<{
  useApplicationDraft: (
    code: string,
    procedureId: string,
    formVersion: number,
    withDefaults: (d: Record<string, unknown>) => Record<string, unknown>,
  ) => { draft: Draft; setData: (d: Record<string, unknown>) => void; discard: () => void };
}>('resident/apply/useApplicationDraft');

const KEY = 'madoguchi:draft:082015:risai-shomeisho';
const stored = () => (globalThis as unknown as { localStorage: { getItem(k: string): string | null } }).localStorage.getItem(KEY);

beforeEach(() => {
  jest.useFakeTimers();
  (globalThis as unknown as { localStorage: { clear(): void } }).localStorage.clear();
});
afterEach(() => jest.useRealTimers());

const mount = () => renderHook(() => useApplicationDraft('082015', 'risai-shomeisho', 1, (d) => d));

test('a change is saved to this device shortly after', () => {
  const { result } = mount();
  act(() => result.current.setData({ disaster: { name: '令和8年台風第14号' } }));
  expect(stored()).toBeNull();
  act(() => void jest.advanceTimersByTime(1000));
  expect(JSON.parse(stored()!).data).toEqual({ disaster: { name: '令和8年台風第14号' } });
});

test('sent within the save delay of the last keystroke: the draft stays gone, also while the page is still up', () => {
  const { result, unmount } = mount();
  act(() => result.current.setData({ disaster: { name: '令和8年台風第14号' } }));
  act(() => result.current.discard());
  // The receipt page is still loading: the form is on screen and its timer fires.
  act(() => void jest.advanceTimersByTime(1000));
  expect(stored()).toBeNull();
  unmount();
  expect(stored()).toBeNull();
});
