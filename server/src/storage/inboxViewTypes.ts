/** Saved inbox views (a named filter + sort + columns) and each clerk's page size (issue #21). */

export interface SavedInboxView {
  id: string;
  municipalityCode: string;
  /** The staff member who created it. */
  ownerId: string;
  /** null: personal (only the owner sees it); a desk id: shared with everyone of the municipality under that desk. */
  deskId: string | null;
  name: string;
  /** The list's query parameters as the URL carries them (status, procedureId, assignee, channel, from, to, q). */
  filter: Record<string, string>;
  sort: string | null;
  columns: string[];
  createdAt: string;
  updatedAt: string;
}

export interface InboxViewRepository {
  create(view: SavedInboxView): Promise<void>;
  get(id: string): Promise<SavedInboxView | null>;
  /** The user's personal views and the municipality's shared ones, by name. */
  listVisible(municipalityCode: string, userId: string): Promise<SavedInboxView[]>;
  /** False when no such view. */
  rename(id: string, name: string, updatedAt: string): Promise<boolean>;
  delete(id: string): Promise<boolean>;
  /** The page size the clerk picked (absent: never picked). */
  getPageSize(userId: string): Promise<number | null>;
  setPageSize(userId: string, pageSize: number, at: string): Promise<void>;
}
