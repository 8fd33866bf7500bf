/** A submission's status as a coloured label (the colour is never the only signal: the text says it). */
import type { Status } from './inboxApi';

export function StatusBadge({ status, label }: { status: Status; label: string }) {
  return <span className={`status-badge status-badge--${status}`}>{label}</span>;
}
