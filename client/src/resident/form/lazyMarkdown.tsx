/**
 * `markdown-to-jsx/react` as @rjsf/core sees it in the built client (see the
 * `rjsf-lazy-markdown` plugin in vite.config.ts): the same `Markdown`
 * component, fetched only when RJSF actually renders markdown. RJSF's default
 * templates, FileWidget and configuration-error messages import it eagerly,
 * but the resident form replaces those templates and no procedure enables
 * `ui:enableMarkdownIn*`, so the ~40 KB (gzip) parser stays off the form page.
 * While it loads, the plain text is shown.
 */
import { Suspense, lazy, type ComponentProps } from 'react';

const RealMarkdown = lazy(() => import('markdown-to-jsx/react').then((m) => ({ default: m.Markdown })));

export function Markdown(props: ComponentProps<typeof RealMarkdown>) {
  return (
    <Suspense fallback={props.children ?? null}>
      <RealMarkdown {...props} />
    </Suspense>
  );
}

export default Markdown;
