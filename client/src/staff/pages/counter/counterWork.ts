/**
 * The clerk's edits to a visit's answers, as pure functions: the shared part
 * poured into each form (as the one-stop bundle does), the card's 基本4情報
 * put where the forms take them, and every answer's source kept true.
 */
import { applyCardIdentity, applySharedAnswers, type AnswerSources, type CardIdentity, type ProcedureDetail, type SharedAnswers } from '@madoguchi/shared';
import type { VisitWork } from './useCounterVisit';
import { applicantFromCard, keepUnchanged, markAll, sourcesThroughShared } from './counterSources';

/** What each form was last filled from, so that a value the clerk changed in a form stays changed. */
export type Applied = Record<string, SharedAnswers | undefined>;

export function editShared(work: VisitWork, shared: Record<string, unknown>): VisitWork {
  if (JSON.stringify(work.shared) === JSON.stringify(shared)) return work;
  return { ...work, shared: shared as SharedAnswers, sources: { ...work.sources, shared: keepUnchanged(work.sources.shared ?? {}, work.shared, shared) } };
}

export function editForm(work: VisitWork, procedureId: string, data: Record<string, unknown>): VisitWork {
  const before = work.answers[procedureId] ?? {};
  if (JSON.stringify(before) === JSON.stringify(data)) return work; // the form re-announced what it holds
  return {
    ...work,
    answers: { ...work.answers, [procedureId]: data },
    sources: { ...work.sources, [procedureId]: keepUnchanged(work.sources[procedureId] ?? {}, before, data) },
  };
}

/** Pours the shared part into every form; answers that came from the card or the resident keep that source in the form. */
export function sharedIntoForms(work: VisitWork, details: ProcedureDetail[], applied: Applied): { work: VisitWork; applied: Applied } {
  let next = work;
  const nextApplied = { ...applied };
  for (const d of details) {
    const id = d.procedure.id;
    if (!d.sharedAnswers) continue;
    const data = applySharedAnswers(next.answers[id] ?? {}, d.sharedAnswers, next.shared, applied[id]);
    const own = keepUnchanged(next.sources[id] ?? {}, next.answers[id] ?? {}, data);
    const through = sourcesThroughShared(d.sharedAnswers, next.sources.shared ?? {}, next.shared, data);
    next = { ...next, answers: { ...next.answers, [id]: data }, sources: { ...next.sources, [id]: { ...own, ...through } } };
    nextApplied[id] = next.shared;
  }
  return { work: next, applied: nextApplied };
}

/** The card's 基本4情報 into the shared applicant and into every block a form marks for the card. */
export function identityIntoWork(work: VisitWork, identity: CardIdentity, details: ProcedureDetail[]): VisitWork {
  const applicant = { ...(work.shared.applicant ?? {}), ...applicantFromCard(identity) };
  const shared = { ...work.shared, applicant };
  // Only the card's own fields are the card's: a phone number typed before stays the clerk's.
  const fromCard = Object.keys(applicantFromCard(identity)).reduce((marked, field) => markAll(marked, shared, 'card', `/applicant/${field}`), work.sources.shared ?? {});
  let sources: Record<string, AnswerSources> = { ...work.sources, shared: fromCard };
  let answers = work.answers;
  for (const d of details) {
    const { data, prefilled } = applyCardIdentity(d.version.uiSchema, answers[d.procedure.id] ?? {}, identity);
    if (prefilled.length === 0) continue;
    answers = { ...answers, [d.procedure.id]: data };
    sources = { ...sources, [d.procedure.id]: { ...sources[d.procedure.id], ...Object.fromEntries(prefilled.map((p) => [p.pointer, 'card' as const])) } };
  }
  return { ...work, shared, answers, sources };
}

/** How many answers of a form came from the card and from the resident. */
export function sourceCounts(work: VisitWork, procedureId: string): { card: number; prefill: number } {
  const values = Object.values(work.sources[procedureId] ?? {});
  return { card: values.filter((s) => s === 'card').length, prefill: values.filter((s) => s === 'prefill').length };
}
