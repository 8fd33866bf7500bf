/**
 * The live preview: a frame at a phone's width (or a PC's) holding its own
 * React root and the resident app's stylesheet, so the form looks exactly as
 * residents see it and the console's styles never mix with the resident ones.
 */
import { useEffect, useRef, useState } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import type { FormDocument } from '@madoguchi/shared';
import residentCss from '../../../common/styles/resident.css?inline';
import { ResidentPreview } from './ResidentPreview';

const FRAME_HTML = `<!doctype html><html lang="ja"><head><meta charset="utf-8"><style>${residentCss}</style></head><body><div id="root"></div></body></html>`;

/** The preview frame; `wide` switches from a phone's width to the full column. */
export function PreviewFrame({ doc, step, focusPath, wide }: { doc: FormDocument; step?: number; focusPath?: string; wide: boolean }) {
  const frame = useRef<HTMLIFrameElement>(null);
  const root = useRef<Root | null>(null);
  const [ready, setReady] = useState(false);

  useEffect(() => {
    const mount = root;
    return () => {
      // Unmount after React finishes this render pass.
      const r = mount.current;
      mount.current = null;
      if (r) window.setTimeout(() => r.unmount(), 0);
    };
  }, []);

  const onLoad = () => {
    const container = frame.current?.contentDocument?.getElementById('root');
    if (!container || root.current) return;
    root.current = createRoot(container);
    setReady(true);
  };

  useEffect(() => {
    if (ready) root.current?.render(<ResidentPreview doc={doc} {...(step !== undefined ? { step } : {})} {...(focusPath ? { focusPath } : {})} />);
  }, [ready, doc, step, focusPath]);

  return <iframe ref={frame} title="プレビュー（住民が見る画面）" className={`builder-preview__frame${wide ? ' builder-preview__frame--wide' : ''}`} srcDoc={FRAME_HTML} onLoad={onLoad} />;
}
