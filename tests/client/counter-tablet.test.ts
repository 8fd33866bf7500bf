/** @jest-environment jsdom */
/**
 * The counter tablet's logic (書かない窓口): the pairing code as typed on the
 * keypad or a keyboard, the polling that backs off when calls fail and rests
 * while the page is hidden, and the signature image kept under the server's
 * limit.
 */
import { act, renderHook } from '@testing-library/react';
import { loadClient } from './clientModules';

const code = loadClient<{
  pressDigit: (code: string, key: string) => string;
  removeLast: (code: string) => string;
  normaliseTyped: (text: string) => string;
  isComplete: (code: string) => boolean;
}>('resident/counter/pairingCode');
const { nextPollDelay } = loadClient<{ nextPollDelay: (failures: number) => number }>('resident/counter/pollDelay');
const { usePolling } = loadClient<{ usePolling: (enabled: boolean, poll: (signal: AbortSignal) => Promise<boolean>) => void }>('resident/counter/usePolling');
const signature = loadClient<{
  signaturePng: (strokes: Array<Array<{ x: number; y: number }>>, width?: number, makeCanvas?: () => unknown) => string | undefined;
  dataUrlBytes: (dataUrl: string) => number;
  toPoint: (x: number, y: number, box: { left: number; top: number; width: number; height: number }) => { x: number; y: number };
  SIGNATURE_MAX_BYTES: number;
}>('resident/counter/signatureImage');

describe('the pairing code', () => {
  it('takes digits up to six, ignores anything else, and gives one back', () => {
    let typed = '';
    for (const key of ['1', 'a', '2', '3', ' ', '4', '5', '6', '7']) typed = code.pressDigit(typed, key);
    expect(typed).toBe('123456');
    expect(code.isComplete(typed)).toBe(true);
    expect(code.removeLast(typed)).toBe('12345');
    expect(code.removeLast('')).toBe('');
  });

  it('reads what a keyboard or a paste gives: full-width digits, spaces and hyphens', () => {
    expect(code.normaliseTyped('１２３ ４５６')).toBe('123456');
    expect(code.normaliseTyped('123-456-789')).toBe('123456');
    expect(code.normaliseTyped('abc')).toBe('');
  });
});

describe('polling the visit', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());
  const setHidden = (hidden: boolean) => {
    Object.defineProperty(document, 'hidden', { configurable: true, get: () => hidden });
    document.dispatchEvent(new Event('visibilitychange'));
  };
  /** Lets the timers run for `ms`, settling the promises each call returns. */
  const pass = async (ms: number) => {
    for (let t = 0; t < ms; t += 500) await act(async () => void jest.advanceTimersByTime(500));
  };

  it('asks every 2 s while calls work, and backs off (up to 30 s) while they fail', async () => {
    expect([0, 1, 2, 3, 4, 5, 9].map((n) => nextPollDelay(n))).toEqual([2000, 4000, 8000, 16000, 30000, 30000, 30000]);
    let ok = true;
    const poll = jest.fn(async () => ok);
    renderHook(() => usePolling(true, poll));
    await pass(10_000);
    expect(poll).toHaveBeenCalledTimes(5);
    ok = false; // the server is in trouble
    poll.mockClear();
    await pass(60_000);
    // 2 + 4 + 8 + 16 + 30 s: five calls in a minute, not thirty.
    expect(poll).toHaveBeenCalledTimes(5);
    ok = true;
    await pass(30_000);
    poll.mockClear();
    await pass(10_000);
    expect(poll).toHaveBeenCalledTimes(5);
  });

  it('rests while the page is hidden, asks at once when it is shown, and stops when unmounted', async () => {
    const poll = jest.fn(async () => true);
    const { unmount, rerender } = renderHook(({ on }) => usePolling(on, poll), { initialProps: { on: true } });
    await pass(2_000);
    expect(poll).toHaveBeenCalledTimes(1);
    setHidden(true);
    await pass(20_000);
    expect(poll).toHaveBeenCalledTimes(1);
    setHidden(false);
    await pass(500);
    expect(poll).toHaveBeenCalledTimes(2);
    rerender({ on: false });
    await pass(10_000);
    expect(poll).toHaveBeenCalledTimes(2);
    rerender({ on: true });
    await pass(2_000);
    expect(poll).toHaveBeenCalledTimes(3);
    unmount();
    await pass(10_000);
    expect(poll).toHaveBeenCalledTimes(3);
  });
});

describe('the signature image', () => {
  /** A canvas stand-in: records the size it was given and answers `toDataURL` with an image of `bytesAt(width)` bytes. */
  const fakeCanvas = (bytesAt: (width: number) => number, widths: number[]) => () => {
    const canvas = {
      width: 0,
      height: 0,
      getContext: () => ({
        fillRect: () => undefined,
        beginPath: () => undefined,
        moveTo: () => undefined,
        lineTo: () => undefined,
        stroke: () => undefined,
        arc: () => undefined,
        fill: () => undefined,
      }),
      toDataURL: () => {
        widths.push(canvas.width);
        return `data:image/png;base64,${Buffer.alloc(bytesAt(canvas.width)).toString('base64')}`;
      },
    };
    return canvas;
  };
  const strokes = [
    [
      { x: 0.1, y: 0.5 },
      { x: 0.9, y: 0.5 },
    ],
  ];

  it('is 800 × 320 on white, and nothing without ink', () => {
    const widths: number[] = [];
    const png = signature.signaturePng(
      strokes,
      undefined,
      fakeCanvas(() => 20_000, widths),
    )!;
    expect(widths).toEqual([800]);
    expect(signature.dataUrlBytes(png)).toBe(20_000);
    expect(
      signature.signaturePng(
        [],
        undefined,
        fakeCanvas(() => 1, []),
      ),
    ).toBeUndefined();
    expect(
      signature.signaturePng(
        [[]],
        undefined,
        fakeCanvas(() => 1, []),
      ),
    ).toBeUndefined();
  });

  it('is made again smaller should it come out over the server’s 300 KB', () => {
    const widths: number[] = [];
    const png = signature.signaturePng(
      strokes,
      undefined,
      fakeCanvas((w) => w * 500, widths),
    )!;
    expect(widths).toEqual([800, 400]);
    expect(signature.dataUrlBytes(png)).toBeLessThanOrEqual(signature.SIGNATURE_MAX_BYTES);
  });

  it('keeps points inside the box, in its own 0–1 coordinates', () => {
    const box = { left: 100, top: 50, width: 500, height: 200 };
    expect(signature.toPoint(350, 150, box)).toEqual({ x: 0.5, y: 0.5 });
    expect(signature.toPoint(0, 400, box)).toEqual({ x: 0, y: 1 });
  });
});
