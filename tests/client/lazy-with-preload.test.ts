/** @jest-environment jsdom */
/**
 * A component from lazyWithPreload renders at once when its module was preloaded: no Suspense fallback, which
 * React would hold on screen for at least 300 ms (the form page's first render, client/src/main.tsx). A plain
 * React.lazy component whose module is already loaded still suspends once (what the form page did before).
 */
import { Suspense, createElement, lazy, useEffect, type ComponentType } from 'react';
import { act, cleanup, render } from '@testing-library/react';
import { loadClient } from './clientModules';

const { lazyWithPreload } = loadClient<{
  lazyWithPreload: <M extends { default: ComponentType<{ word: string }> }>(load: () => Promise<M>) => ComponentType<{ word: string }> & { preload: () => Promise<M> };
}>('common/lazyWithPreload');

const Greeting = ({ word }: { word: string }) => createElement('p', null, `hello ${word}`);

/** Renders `Component` in a Suspense boundary; the fallbacks that were mounted, and the text once settled. */
async function firstCommit(Component: ComponentType<{ word: string }>) {
  const fallbacks: string[] = [];
  const Fallback = () => {
    useEffect(() => void fallbacks.push('shown'), []);
    return createElement('p', null, 'loading');
  };
  await act(async () => {
    render(createElement(Suspense, { fallback: createElement(Fallback) }, createElement(Component, { word: 'world' })));
  });
  return { fallbacks, text: document.body.textContent };
}

afterEach(cleanup);

test('preloaded, the component renders in its first commit without a fallback', async () => {
  let loads = 0;
  const Page = lazyWithPreload(async () => (loads++, { default: Greeting, extra: 1 }));
  const module = await Page.preload();
  expect(module.extra).toBe(1);
  expect(await firstCommit(Page)).toEqual({ fallbacks: [], text: 'hello world' });
  await Page.preload();
  expect(loads).toBe(1);
});

test('not preloaded, it suspends like React.lazy and then shows the component', async () => {
  const Page = lazyWithPreload(async () => ({ default: Greeting }));
  expect(await firstCommit(Page)).toEqual({ fallbacks: ['shown'], text: 'hello world' });
});

test('React.lazy suspends once even when its module has already arrived (why the form page preloads)', async () => {
  const module = { default: Greeting };
  const Plain = lazy(async () => module);
  expect((await firstCommit(Plain)).fallbacks).toEqual(['shown']);
});

test('a module that failed to load is asked for again by the next preload', async () => {
  let attempt = 0;
  const Page = lazyWithPreload(async () => {
    if (++attempt === 1) throw new Error('offline');
    return { default: Greeting };
  });
  await expect(Page.preload()).rejects.toThrow('offline');
  await expect(Page.preload()).resolves.toEqual({ default: Greeting });
  expect((await firstCommit(Page)).fallbacks).toEqual([]);
});
