/**
 * Where each answer of a counter visit came from (issue #19): the card's
 * 基本4情報, the resident's own answers given online (事前入力), or the clerk.
 * Answers carry a source only while they hold the value that source gave;
 * the clerk's change makes them the clerk's (no entry: typed by staff).
 */
import { answeredPointers, valueAtPointer as valueAt, type AnswerSource, type AnswerSources, type CardIdentity, type SharedAnswerMapping, type SharedAnswers } from '@madoguchi/shared';

const escape = (segment: string) => segment.replace(/~/g, '~0').replace(/\//g, '~1');

/** Marks every answered leaf of `data` under `prefix` with `source`. */
export function markAll(sources: AnswerSources, data: unknown, source: AnswerSource, prefix = ''): AnswerSources {
  return { ...sources, ...Object.fromEntries(answeredPointers(prefix ? valueAt(data, prefix) : data, prefix).map((p) => [p, source])) };
}

/** The sources still true after an edit: an answer whose value changed is now the clerk's. */
export function keepUnchanged(sources: AnswerSources, before: unknown, after: unknown): AnswerSources {
  return Object.fromEntries(Object.entries(sources).filter(([pointer]) => JSON.stringify(valueAt(before, pointer)) === JSON.stringify(valueAt(after, pointer))));
}

/** The applicant's part of the shared answers as the card gives it. */
export function applicantFromCard(identity: CardIdentity): Record<string, unknown> {
  return {
    name: identity.familyName !== undefined ? { familyName: identity.familyName, givenName: identity.givenName ?? '' } : { familyName: identity.name },
    address: identity.addressParts ? { ...identity.addressParts } : { street: identity.address },
    ...(identity.birthdate ? { birthDate: identity.birthdate } : {}),
    ...(identity.sex ? { sex: identity.sex } : {}),
  };
}

/**
 * The sources of one procedure's answers that came through the shared part:
 * a shared answer's source follows it into the field it fills, as long as
 * the field still holds it.
 */
export function sourcesThroughShared(mapping: SharedAnswerMapping | undefined, sharedSources: AnswerSources, shared: SharedAnswers, data: Record<string, unknown>): AnswerSources {
  const out: AnswerSources = {};
  for (const [key, target] of Object.entries(mapping ?? {})) {
    const sharedPointer = `/${key.split('.').map(escape).join('/')}`;
    for (const [pointer, source] of Object.entries(sharedSources)) {
      if (pointer !== sharedPointer && !pointer.startsWith(`${sharedPointer}/`)) continue;
      const field = target + pointer.slice(sharedPointer.length);
      if (JSON.stringify(valueAt(data, field)) === JSON.stringify(valueAt(shared, pointer))) out[field] = source;
    }
  }
  return out;
}
