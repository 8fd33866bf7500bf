/**
 * A frame at a phone's width (or a PC's) holding its own React root and the
 * resident app's stylesheet, so what it shows looks exactly as residents see
 * it and the console's styles never mix with the resident ones. The form
 * builder's preview and the guide editor's preview both render into it.
 */
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import residentCss from '../../../common/styles/resident.css?inline';

const frameHtml = (extraCss: string) => `<!doctype html><html lang="ja"><head><meta charset="utf-8"><style>${residentCss}${extraCss}</style></head><body><div id="root"></div></body></html>`;

/** `wide` switches from a phone's width to the full column; `extraCss`: styles of the resident pages shown (e.g. the guides'). */
export function ResidentFrame({ children, wide, title, extraCss = '' }: { children: ReactNode; wide: boolean; title: string; extraCss?: string }) {
  const frame = useRef<HTMLIFrameElement>(null);
  const root = useRef<Root | null>(null);
  const [ready, setReady] = useState(false);
  const [html] = useState(() => frameHtml(extraCss));

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
    if (ready) root.current?.render(children);
  }, [ready, children]);

  return <iframe ref={frame} title={title} className={`builder-preview__frame${wide ? ' builder-preview__frame--wide' : ''}`} srcDoc={html} onLoad={onLoad} />;
}
