/**
 * The builder's state: a base document and the edits made on it, in batches
 * (one batch per action staff take, so one undo takes back one action). The
 * document shown is the base with the edits applied — the same shared code
 * the server runs, locks included for adopted presets — so a refused edit is
 * refused here first, with the server's Japanese message.
 */
import { useCallback, useMemo, useReducer } from 'react';
import { EditRefusedError, applyOp, composeLayer, findLockViolation, newOpId, type EditOp, type FormDocument } from '@madoguchi/shared';

/** An edit as the panels describe it; the builder gives it an id. */
export type NewOp = EditOp extends infer T ? (T extends EditOp ? Omit<T, 'id'> : never) : never;

interface State {
  base: FormDocument;
  enforceLocks: boolean;
  done: EditOp[][];
  undone: EditOp[][];
  document: FormDocument;
  /** Changes on every edit, undo and redo (drives autosave). */
  change: number;
}

type Action = { type: 'push'; batch: EditOp[]; document: FormDocument } | { type: 'undo' } | { type: 'redo' } | { type: 'reset'; base: FormDocument; ops: EditOp[]; enforceLocks: boolean };

const compose = (s: Pick<State, 'base' | 'enforceLocks'>, batches: EditOp[][]) => composeLayer(s.base, batches.flat(), { enforceLocks: s.enforceLocks });

function reducer(state: State, action: Action): State {
  switch (action.type) {
    case 'push':
      return { ...state, done: [...state.done, action.batch], undone: [], document: action.document, change: state.change + 1 };
    case 'undo': {
      if (state.done.length === 0) return state;
      const done = state.done.slice(0, -1);
      return { ...state, done, undone: [state.done[state.done.length - 1]!, ...state.undone], document: compose(state, done), change: state.change + 1 };
    }
    case 'redo': {
      if (state.undone.length === 0) return state;
      const done = [...state.done, state.undone[0]!];
      return { ...state, done, undone: state.undone.slice(1), document: compose(state, done), change: state.change + 1 };
    }
    case 'reset': {
      const next = { base: action.base, enforceLocks: action.enforceLocks };
      // Each stored edit is its own step back.
      const done = action.ops.map((op) => [op]);
      return { ...next, done, undone: [], document: compose(next, done), change: 0 };
    }
  }
}

export interface Builder {
  base: FormDocument;
  document: FormDocument;
  ops: EditOp[];
  canUndo: boolean;
  canRedo: boolean;
  change: number;
  /** Applies edits as one undoable action; returns the refusal message, or null when applied. */
  apply: (...ops: NewOp[]) => string | null;
  undo: () => void;
  redo: () => void;
  reset: (base: FormDocument, ops: EditOp[]) => void;
}

export function useBuilder(base: FormDocument, initialOps: EditOp[], enforceLocks: boolean): Builder {
  const [state, dispatch] = useReducer(reducer, undefined, () => reducer({} as State, { type: 'reset', base, ops: initialOps, enforceLocks }));

  const apply = useCallback(
    (...newOps: NewOp[]): string | null => {
      const batch = newOps.map((op) => ({ ...op, id: newOpId() }) as EditOp);
      let doc = state.document;
      try {
        for (const op of batch) {
          doc = applyOp(doc, op);
          const violation = state.enforceLocks ? findLockViolation(state.base, doc) : undefined;
          if (violation) return violation;
        }
      } catch (error) {
        if (error instanceof EditRefusedError) return error.message;
        throw error;
      }
      dispatch({ type: 'push', batch, document: doc });
      return null;
    },
    [state.document, state.base, state.enforceLocks],
  );

  const ops = useMemo(() => state.done.flat(), [state.done]);
  return {
    base: state.base,
    document: state.document,
    ops,
    canUndo: state.done.length > 0,
    canRedo: state.undone.length > 0,
    change: state.change,
    apply,
    undo: useCallback(() => dispatch({ type: 'undo' }), []),
    redo: useCallback(() => dispatch({ type: 'redo' }), []),
    reset: useCallback((b: FormDocument, o: EditOp[]) => dispatch({ type: 'reset', base: b, ops: o, enforceLocks }), [enforceLocks]),
  };
}
