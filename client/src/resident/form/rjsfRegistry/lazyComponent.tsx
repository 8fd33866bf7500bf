import { Suspense, lazy, type ComponentType, type FunctionComponent } from 'react';
import type * as RareParts from './rareParts';

/** A part of rareParts.ts as a component that fetches that chunk the first time it renders (nothing is shown meanwhile). */
export function lazyRarePart<P extends object>(name: keyof typeof RareParts): FunctionComponent<P> {
  const Lazy = lazy(() => import('./rareParts').then((parts) => ({ default: parts[name] as ComponentType<P> })));
  return function LazyRjsfPart(props: P) {
    return (
      <Suspense fallback={null}>
        <Lazy {...props} />
      </Suspense>
    );
  };
}
