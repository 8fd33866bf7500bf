/**
 * `React.lazy` with a `preload()` that, once its module is in, makes the component render at once instead of
 * suspending. A plain lazy component suspends on its first render even when its chunk has already arrived, and
 * React holds a Suspense boundary's content back for at least 300 ms after its fallback was shown (its reveal
 * throttle): on the form page, two such boundaries one inside the other cost 0.6 s on a fast machine.
 */
import { lazy, type ComponentProps, type ComponentType } from 'react';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyComponent = ComponentType<any>;

export type PreloadableComponent<M extends { default: AnyComponent }> = ComponentType<ComponentProps<M['default']>> & {
  /** Loads the module (once); from then on the component renders without suspending. */
  preload: () => Promise<M>;
};

export function lazyWithPreload<M extends { default: AnyComponent }>(load: () => Promise<M>): PreloadableComponent<M> {
  let loaded: AnyComponent | undefined;
  let loading: Promise<M> | undefined;
  const preload = () =>
    (loading ??= load().then(
      (module) => {
        loaded = module.default;
        return module;
      },
      (error: unknown) => {
        loading = undefined; // a chunk that failed may be asked for again (a retry once the network is back)
        throw error;
      },
    ));
  const Lazy = lazy(preload);
  // Once loaded, the module's own component (Lazy could only have suspended until then, never committed: nothing remounts).
  const Component = (props: ComponentProps<M['default']>) => {
    const Target = loaded ?? Lazy;
    return <Target {...props} />;
  };
  return Object.assign(Component, { preload });
}
