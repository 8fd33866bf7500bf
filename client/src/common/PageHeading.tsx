/**
 * The page's h1. It also sets the document title and takes focus when the
 * page changes, so screen reader users hear where a link took them.
 */
import { useEffect, useRef, type ReactNode } from 'react';

export function PageHeading({ children, title }: { children: ReactNode; title: string }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${title} | 窓口 Madoguchi`;
  }, [title]);
  useEffect(() => {
    // Not on the very first page load: the browser starts at the top anyway.
    if (window.history.length > 1 || document.activeElement !== document.body) ref.current?.focus({ preventScroll: false });
  }, []);
  return (
    <h1 ref={ref} tabIndex={-1} className="page-title">
      {children}
    </h1>
  );
}
