/**
 * A handwritten signature as data: strokes of points in the pad's own
 * coordinates (0–1 across, 0–1 down), so the pad can be redrawn at any size
 * (a tablet turned round) and exported at one fixed size whatever the screen.
 * The export is a PNG on white, black ink: what the server keeps with the
 * application and what a clerk prints, small enough for its 300 KB limit.
 */
export interface Point {
  x: number;
  y: number;
}
export type Stroke = Point[];

/** Width ÷ height of the pad and of the exported image. */
export const SIGNATURE_ASPECT = 5 / 2;
/** The exported image's width in pixels (its height follows the aspect). */
export const EXPORT_WIDTH = 800;
/** The server's limit for the decoded image (MAX_SIGNATURE_BYTES). */
export const SIGNATURE_MAX_BYTES = 300_000;
const INK = '#1a1a1c';

/** The pen's width for a pad `width` wide: the same look on a phone, a tablet and in the image. */
export const penWidth = (width: number) => Math.max(2.5, width * 0.0055);

const clamp = (v: number) => (v < 0 ? 0 : v > 1 ? 1 : v);
/** A point of the pad from a pointer position, given the pad's box on screen. */
export const toPoint = (clientX: number, clientY: number, box: { left: number; top: number; width: number; height: number }): Point => ({
  x: clamp((clientX - box.left) / box.width),
  y: clamp((clientY - box.top) / box.height),
});

export const hasInk = (strokes: readonly Stroke[]) => strokes.some((s) => s.length > 0);

function prepare(ctx: CanvasRenderingContext2D, width: number) {
  ctx.strokeStyle = INK;
  ctx.fillStyle = INK;
  ctx.lineWidth = penWidth(width);
  ctx.lineCap = 'round';
  ctx.lineJoin = 'round';
}

/** Draws one segment of a stroke (while the pen moves). */
export function drawSegment(ctx: CanvasRenderingContext2D, from: Point, to: Point, width: number, height: number): void {
  prepare(ctx, width);
  ctx.beginPath();
  ctx.moveTo(from.x * width, from.y * height);
  ctx.lineTo(to.x * width, to.y * height);
  ctx.stroke();
}

/** Draws a tap (a stroke of one point) as a dot. */
export function drawDot(ctx: CanvasRenderingContext2D, at: Point, width: number, height: number): void {
  prepare(ctx, width);
  ctx.beginPath();
  ctx.arc(at.x * width, at.y * height, penWidth(width) / 2, 0, Math.PI * 2);
  ctx.fill();
}

/** Draws every stroke on a context `width` × `height` (in its own units). */
export function drawStrokes(ctx: CanvasRenderingContext2D, strokes: readonly Stroke[], width: number, height: number): void {
  for (const stroke of strokes) {
    if (stroke.length === 1) drawDot(ctx, stroke[0]!, width, height);
    for (let i = 1; i < stroke.length; i++) drawSegment(ctx, stroke[i - 1]!, stroke[i]!, width, height);
  }
}

/** The decoded size of a base64 data URL, in bytes. */
export function dataUrlBytes(dataUrl: string): number {
  const base64 = dataUrl.slice(dataUrl.indexOf(',') + 1);
  const padding = base64.endsWith('==') ? 2 : base64.endsWith('=') ? 1 : 0;
  return Math.floor((base64.length * 3) / 4) - padding;
}

/**
 * The signature as `data:image/png;base64,…` on white, `width` pixels wide; undefined without ink.
 * Should an image ever come out over the server's limit, it is made again at half the size.
 */
export function signaturePng(strokes: readonly Stroke[], width = EXPORT_WIDTH, makeCanvas: () => HTMLCanvasElement = () => document.createElement('canvas')): string | undefined {
  if (!hasInk(strokes)) return undefined;
  const canvas = makeCanvas();
  canvas.width = width;
  canvas.height = Math.round(width / SIGNATURE_ASPECT);
  const ctx = canvas.getContext('2d');
  if (!ctx) return undefined;
  ctx.fillStyle = '#fff';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  drawStrokes(ctx, strokes, canvas.width, canvas.height);
  const png = canvas.toDataURL('image/png');
  return dataUrlBytes(png) > SIGNATURE_MAX_BYTES && width > 200 ? signaturePng(strokes, Math.round(width / 2), makeCanvas) : png;
}
