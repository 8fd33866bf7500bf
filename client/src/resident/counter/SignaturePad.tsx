/**
 * A box to sign in with a finger, a pen or a mouse (pointer events, so all
 * three alike), with 「書き直す」 to start again. Controlled: the strokes are
 * the parent's state; `signaturePng(strokes)` (signatureImage.ts) makes the
 * image to send. The canvas is sharp on high-density screens and redrawn
 * from the strokes when its size changes (a tablet turned round).
 */
import { useEffect, useId, useLayoutEffect, useRef, type PointerEvent } from 'react';
import { drawDot, drawSegment, drawStrokes, hasInk, toPoint, type Point, type Stroke } from './signatureImage';
import { useCounterText } from './counterMessages';

export interface SignaturePadProps {
  strokes: readonly Stroke[];
  onChange: (strokes: Stroke[]) => void;
  /** The box's accessible name (default 「署名欄」). */
  label?: string;
  disabled?: boolean;
}

/** Device pixels per CSS pixel, capped: sharp lines without a huge canvas. */
const pixelRatio = () => Math.min(Math.max(window.devicePixelRatio || 1, 1), 3);

export function SignaturePad({ strokes, onChange, label, disabled }: SignaturePadProps) {
  const text = useCounterText();
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const drawing = useRef<{ pointerId: number; stroke: Point[] } | null>(null);
  const size = useRef({ width: 0, height: 0 });
  const latest = useRef(strokes);
  latest.current = strokes;
  const hintId = useId();
  const statusId = useId();

  const context = () => canvasRef.current?.getContext('2d') ?? null;
  const redraw = () => {
    const canvas = canvasRef.current;
    const ctx = context();
    if (!canvas || !ctx) return;
    const ratio = pixelRatio();
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    ctx.clearRect(0, 0, size.current.width, size.current.height);
    drawStrokes(ctx, latest.current, size.current.width, size.current.height);
    if (drawing.current) drawStrokes(ctx, [drawing.current.stroke], size.current.width, size.current.height);
  };

  // Size the drawing surface to the box on screen × the pixel ratio, now and whenever the box changes.
  useLayoutEffect(() => {
    const canvas = canvasRef.current!;
    const fit = () => {
      const box = canvas.getBoundingClientRect();
      if (box.width === 0) return;
      const ratio = pixelRatio();
      size.current = { width: box.width, height: box.height };
      canvas.width = Math.round(box.width * ratio);
      canvas.height = Math.round(box.height * ratio);
      redraw();
    };
    fit();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(fit);
    observer.observe(canvas);
    return () => observer.disconnect();
  }, []); // eslint-disable-line react-hooks/exhaustive-deps
  useEffect(redraw, [strokes]);

  const pointAt = (e: { clientX: number; clientY: number }) => toPoint(e.clientX, e.clientY, canvasRef.current!.getBoundingClientRect());

  const onPointerDown = (e: PointerEvent<HTMLCanvasElement>) => {
    if (disabled || drawing.current || (e.pointerType === 'mouse' && e.button !== 0)) return;
    e.preventDefault();
    try {
      e.currentTarget.setPointerCapture(e.pointerId); // keep the stroke when the pen leaves the box for a moment
    } catch {
      // a pointer the browser no longer tracks: draw without capture
    }
    const start = pointAt(e);
    drawing.current = { pointerId: e.pointerId, stroke: [start] };
    const ctx = context();
    if (ctx) drawDot(ctx, start, size.current.width, size.current.height);
  };
  const onPointerMove = (e: PointerEvent<HTMLCanvasElement>) => {
    const current = drawing.current;
    if (!current || current.pointerId !== e.pointerId) return;
    e.preventDefault();
    const ctx = context();
    // A fast pen reports several positions per frame: draw them all for a smooth line.
    const events = e.nativeEvent.getCoalescedEvents?.() ?? [];
    for (const moved of events.length ? events : [e.nativeEvent]) {
      const next = pointAt(moved);
      const last = current.stroke[current.stroke.length - 1]!;
      if (next.x === last.x && next.y === last.y) continue;
      current.stroke.push(next);
      if (ctx) drawSegment(ctx, last, next, size.current.width, size.current.height);
    }
  };
  const finish = (e: PointerEvent<HTMLCanvasElement>) => {
    const current = drawing.current;
    if (!current || current.pointerId !== e.pointerId) return;
    drawing.current = null;
    onChange([...latest.current, current.stroke]);
  };

  const signed = hasInk(strokes);
  return (
    <div className="signature-pad">
      <p id={hintId} className="signature-pad__hint">
        {text('signPadHint')}
      </p>
      <canvas
        ref={canvasRef}
        className="signature-pad__canvas"
        role="img"
        aria-label={label ?? text('signPad')}
        aria-describedby={`${hintId} ${statusId}`}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={finish}
        onPointerCancel={finish}
        onLostPointerCapture={finish}
      />
      <div className="signature-pad__footer">
        <p id={statusId} className={signed ? 'signature-pad__status signature-pad__status--signed' : 'signature-pad__status'} aria-live="polite">
          {signed ? text('signDone') : text('signEmpty')}
        </p>
        <button type="button" className="button button--secondary signature-pad__clear" onClick={() => onChange([])} disabled={disabled || !signed}>
          {text('signClear')}
        </button>
      </div>
    </div>
  );
}
