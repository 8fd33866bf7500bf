/**
 * What the staff inbox API returns, as TypeScript types taken from the API
 * contract's schemas (shared/src/api/contract/components.ts): the console and
 * the server use the very shapes the OpenAPI document prints.
 */
import type { Static } from '@sinclair/typebox';
import type {
  AttachmentGroupViewSchema,
  AttachmentViewSchema,
  CounterViewSchema,
  HistoryViewSchema,
  InboxItemSchema,
  InboxListSchema,
  MessageViewSchema,
  NoteViewSchema,
  SensitiveRevealSchema,
  SubmissionViewSchema,
} from './contract/components';

export type InboxItem = Static<typeof InboxItemSchema>;
export type InboxListResponse = Static<typeof InboxListSchema>;
export type AttachmentView = Static<typeof AttachmentViewSchema>;
export type AttachmentGroupView = Static<typeof AttachmentGroupViewSchema>;
export type HistoryView = Static<typeof HistoryViewSchema>;
export type NoteView = Static<typeof NoteViewSchema>;
export type MessageView = Static<typeof MessageViewSchema>;
export type SubmissionView = Static<typeof SubmissionViewSchema>;
/** A counter application's 「窓口で受付」 panel: ticket, desk, clerk, answer sources, confirmation. */
export type CounterView = Static<typeof CounterViewSchema>;
/** `POST …/submissions/:id/reveal {pointers}`: the clear values of sensitive answers (audited, pointers and labels only). */
export type SensitiveRevealResponse = Static<typeof SensitiveRevealSchema>;
