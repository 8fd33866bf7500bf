/**
 * The `disaster` answer while disasters are open: the same {id,name,date} as
 * the shared disasterAnswer() the server sets, written out here so the form's
 * chunks do not take in the shared disaster module.
 */
import type { PublicDisaster } from '@madoguchi/shared';

export const answerOf = (d: PublicDisaster) => ({ id: d.id, name: d.name, date: d.occurredOn });

/** The open disaster the answers name, else the latest declared (the server's choice too, disasterIntake.ts). */
export function chosenDisaster(answer: unknown, open: PublicDisaster[]): PublicDisaster | undefined {
  const named = (answer as { id?: unknown } | undefined)?.id;
  return open.find((d) => d.id === named) ?? open[0];
}

/** Whether the answer is already exactly the chosen disaster's (else the field sets it). */
export const answersDisaster = (answer: unknown, d: PublicDisaster): boolean => {
  const a = answer as { id?: unknown; name?: unknown; date?: unknown } | undefined;
  return a?.id === d.id && a.name === d.name && a.date === d.occurredOn;
};
