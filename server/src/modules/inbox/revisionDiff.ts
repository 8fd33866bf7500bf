/**
 * What changed between two revisions of a submission (n and n+1, after a 補正
 * resubmission or a counter edit): answers changed, added or removed, files
 * added or removed. Pure: the caller lists the answers of each revision with the
 * labels of that revision's own form version (answerList with sensitive values
 * revealed, so a changed 個人番号 is noticed) and the files of each; this module
 * compares them and never lets a sensitive value out — only that it changed.
 */
import type { AnswerLine } from '@madoguchi/shared';

export type ChangeKind = 'changed' | 'added' | 'removed';

export interface AnswerChange {
  pointer: string;
  /** The label in the newer revision's form version (the older one's when removed), after the groups it is in. */
  label: string;
  change: ChangeKind;
  /** Null when there was no answer, or when the answer is sensitive (never shown in a diff). */
  before: string | null;
  after: string | null;
  sensitive?: true;
}

export interface RevisionFile {
  id: string;
  fileName: string;
}

export interface RevisionFileGroup {
  specId: string;
  label: string;
  files: RevisionFile[];
}

export interface FileChange {
  specId: string;
  label: string;
  change: Exclude<ChangeKind, 'changed'>;
  fileId: string;
  fileName: string;
}

export interface RevisionSide {
  /** Answer lines with sensitive values in clear (compared here, never returned). */
  answers: AnswerLine[];
  files: RevisionFileGroup[];
}

export interface RevisionDiff {
  answers: AnswerChange[];
  files: FileChange[];
}

/** Leaves by pointer, each labelled with the groups it sits in (「世帯主 › 世帯主の氏名 › 名」: 「名」 alone says little). */
function leaves(lines: AnswerLine[]): Map<string, AnswerLine> {
  const groups = lines.filter((l) => l.isGroup);
  const path = (l: AnswerLine) => [...groups.filter((g) => l.pointer.startsWith(`${g.pointer}/`)).map((g) => g.label), l.label].join(' › ');
  return new Map(lines.filter((l) => !l.isGroup).map((l) => [l.pointer, { ...l, label: path(l) }]));
}

/** Answer changes in the newer revision's order, then answers it no longer has in the older one's order. */
function answerChanges(before: AnswerLine[], after: AnswerLine[]): AnswerChange[] {
  const old = leaves(before);
  const now = leaves(after);
  const shown = (line: AnswerLine | undefined, sensitive: boolean) => (line && !sensitive ? line.value : null);
  const changes: AnswerChange[] = [];
  for (const [pointer, line] of now) {
    const was = old.get(pointer);
    if (was && was.value === line.value) continue;
    const sensitive = !!(line.sensitive || was?.sensitive);
    changes.push({ pointer, label: line.label, change: was ? 'changed' : 'added', before: shown(was, sensitive), after: shown(line, sensitive), ...(sensitive ? { sensitive: true as const } : {}) });
  }
  for (const [pointer, was] of old) {
    if (now.has(pointer)) continue;
    changes.push({ pointer, label: was.label, change: 'removed', before: was.sensitive ? null : was.value, after: null, ...(was.sensitive ? { sensitive: true as const } : {}) });
  }
  return changes;
}

/** Files are told apart by id: a re-uploaded scan with the same name is still a new file. */
function fileChanges(before: RevisionFileGroup[], after: RevisionFileGroup[]): FileChange[] {
  const ids = (groups: RevisionFileGroup[]) => new Set(groups.flatMap((g) => g.files.map((f) => f.id)));
  const oldIds = ids(before);
  const newIds = ids(after);
  const pick = (groups: RevisionFileGroup[], other: Set<string>, change: FileChange['change']) =>
    groups.flatMap((g) => g.files.filter((f) => !other.has(f.id)).map((f) => ({ specId: g.specId, label: g.label, change, fileId: f.id, fileName: f.fileName })));
  return [...pick(after, oldIds, 'added'), ...pick(before, newIds, 'removed')];
}

export function revisionDiff(before: RevisionSide, after: RevisionSide): RevisionDiff {
  return { answers: answerChanges(before.answers, after.answers), files: fileChanges(before.files, after.files) };
}
