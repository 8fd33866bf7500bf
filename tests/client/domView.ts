/**
 * The little of the DOM that component tests read, so they do not depend on
 * the tests' TypeScript project having the DOM lib (it has none of its own).
 */
export interface ElementView {
  id: string;
  type: string;
  value: string;
  textContent: string | null;
  getAttribute(name: string): string | null;
  querySelector(selector: string): ElementView | null;
  querySelectorAll(selector: string): ArrayLike<ElementView> & Iterable<ElementView>;
  closest(selector: string): ElementView | null;
}

/** Views an element from Testing Library (or a container) for reading. */
export const view = (node: unknown): ElementView => node as ElementView;
