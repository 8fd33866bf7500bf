/**
 * Versioned schema migrations, applied in order inside one transaction each.
 * `PRAGMA user_version` records the last one applied. Never edit a released
 * migration: add a new one.
 */
/**
 * The columns of migration 31's inbox table, as that migration wrote them (frozen with it, like its SQL): the key,
 * the columns its indexes hold (each kept by a trigger of its own) and the rest (kept by one trigger).
 */
const INBOX_ROW_KEY_31 = ['municipality_code', 'created_at', 'id'];
const INBOX_ROW_INDEXED_COLUMNS_31 = ['status', 'procedure_id', 'assignee_id', 'updated_at', 'applicant_name', 'applicant_kana', 'channel', 'due_date'];
const INBOX_ROW_PLAIN_COLUMNS_31 = [
  'receipt_number',
  'procedure_owner',
  'form_version',
  'revision',
  'change_seq',
  'closed_at',
  'acknowledged_at',
  'acknowledged_by',
  'acknowledged_revision',
  'stripped_at',
  'deadline_json',
];
const INBOX_ROW_COLUMNS_31 = [...INBOX_ROW_KEY_31, ...INBOX_ROW_INDEXED_COLUMNS_31, ...INBOX_ROW_PLAIN_COLUMNS_31];
/** Migration 31's trigger statements: the new row written in full, and the row of a submission found by its key. */
const INSERT_INBOX_ROW_31 = `INSERT INTO inbox_rows (${INBOX_ROW_COLUMNS_31.join(', ')}) VALUES (${INBOX_ROW_COLUMNS_31.map((c) => `NEW.${c}`).join(', ')})`;
const inboxRowOf31 = (row: 'NEW' | 'OLD') => INBOX_ROW_KEY_31.map((c) => `${c} = ${row}.${c}`).join(' AND ');

export const MIGRATIONS: string[] = [
  /* 1: procedures, submissions, files, users, sessions, audit */ `
  CREATE TABLE form_versions (
    owner TEXT NOT NULL,
    procedure_id TEXT NOT NULL,
    version INTEGER NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('draft','published','retired')),
    procedure_json TEXT NOT NULL,
    schema_json TEXT NOT NULL,
    ui_schema_json TEXT NOT NULL,
    content_hash TEXT NOT NULL,
    created_at TEXT NOT NULL,
    published_at TEXT,
    retired_at TEXT,
    PRIMARY KEY (owner, procedure_id, version)
  );
  CREATE UNIQUE INDEX form_versions_one_published ON form_versions (owner, procedure_id) WHERE status = 'published';
  CREATE INDEX form_versions_by_status ON form_versions (status, owner);

  CREATE TABLE submissions (
    id TEXT PRIMARY KEY,
    receipt_number TEXT NOT NULL UNIQUE,
    secret_hash TEXT NOT NULL,
    municipality_code TEXT NOT NULL,
    procedure_owner TEXT NOT NULL,
    procedure_id TEXT NOT NULL,
    form_version INTEGER NOT NULL,
    data_json TEXT NOT NULL,
    attachments_json TEXT NOT NULL,
    status TEXT NOT NULL,
    history_json TEXT NOT NULL,
    assignee_id TEXT,
    idempotency_key TEXT,
    request_hash TEXT,
    language TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    UNIQUE (municipality_code, idempotency_key)
  );
  CREATE INDEX submissions_inbox ON submissions (municipality_code, created_at DESC, id DESC);
  CREATE INDEX submissions_by_status ON submissions (municipality_code, status, created_at DESC);
  CREATE INDEX submissions_by_procedure ON submissions (municipality_code, procedure_id, created_at DESC);

  CREATE TABLE files (
    id TEXT PRIMARY KEY,
    municipality_code TEXT NOT NULL,
    file_name TEXT NOT NULL,
    media_type TEXT NOT NULL,
    size INTEGER NOT NULL,
    sha256 TEXT NOT NULL,
    submission_id TEXT,
    upload_token TEXT NOT NULL,
    created_at TEXT NOT NULL,
    content BLOB NOT NULL
  );
  CREATE INDEX files_unbound ON files (created_at) WHERE submission_id IS NULL;
  CREATE INDEX files_by_submission ON files (submission_id);

  CREATE TABLE users (
    id TEXT PRIMARY KEY,
    email TEXT NOT NULL UNIQUE COLLATE NOCASE,
    display_name TEXT NOT NULL,
    role TEXT NOT NULL,
    municipality_code TEXT,
    password_hash TEXT,
    totp_secret TEXT,
    failed_logins INTEGER NOT NULL DEFAULT 0,
    locked_until TEXT,
    disabled INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
  );

  CREATE TABLE sessions (
    sid TEXT PRIMARY KEY,
    data_json TEXT NOT NULL,
    expires_at TEXT NOT NULL
  );
  CREATE INDEX sessions_expiry ON sessions (expires_at);

  CREATE TABLE audit_events (
    seq INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    actor TEXT NOT NULL,
    action TEXT NOT NULL,
    municipality_code TEXT,
    target_type TEXT NOT NULL,
    target_id TEXT NOT NULL,
    details_json TEXT NOT NULL,
    prev_hash TEXT NOT NULL,
    hash TEXT NOT NULL
  );
  CREATE INDEX audit_by_target ON audit_events (target_id, seq);
  CREATE INDEX audit_by_municipality ON audit_events (municipality_code, seq);
  `,
  /* 2: drafts residents continue on another device (resume links) */ `
  CREATE TABLE drafts (
    id TEXT PRIMARY KEY,
    municipality_code TEXT NOT NULL,
    procedure_id TEXT NOT NULL,
    form_version INTEGER NOT NULL,
    secret_hash TEXT NOT NULL,
    payload TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    expires_at TEXT NOT NULL
  );
  CREATE INDEX drafts_expiry ON drafts (expires_at);
  `,
  /* 3: staff sign-in: one-time setup and invitation links, per-municipality sign-in policy, TOTP replay guard, procedure scope */ `
  ALTER TABLE users ADD COLUMN procedure_ids_json TEXT;
  ALTER TABLE users ADD COLUMN totp_last_step INTEGER;

  CREATE TABLE auth_tokens (
    id TEXT PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('setup','invite')),
    token_hash TEXT NOT NULL UNIQUE,
    email TEXT COLLATE NOCASE,
    role TEXT NOT NULL,
    municipality_code TEXT,
    procedure_ids_json TEXT,
    created_by TEXT NOT NULL,
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL,
    used_at TEXT
  );
  CREATE INDEX auth_tokens_active ON auth_tokens (kind, municipality_code, expires_at) WHERE used_at IS NULL;

  CREATE TABLE auth_policies (
    municipality_code TEXT PRIMARY KEY,
    require_totp INTEGER NOT NULL,
    updated_at TEXT NOT NULL,
    updated_by TEXT NOT NULL
  );
  `,
  /* 4: inbox and back-office API (issue #7): search index, revisions, reads, notes, messages, change sequence, outbox, deliveries, API keys, webhooks, retention */ `
  ALTER TABLE submissions ADD COLUMN applicant_name TEXT;
  ALTER TABLE submissions ADD COLUMN applicant_kana TEXT;
  ALTER TABLE submissions ADD COLUMN revision INTEGER NOT NULL DEFAULT 1;
  ALTER TABLE submissions ADD COLUMN change_seq INTEGER NOT NULL DEFAULT 0;
  ALTER TABLE submissions ADD COLUMN closed_at TEXT;
  ALTER TABLE submissions ADD COLUMN acknowledged_at TEXT;
  ALTER TABLE submissions ADD COLUMN acknowledged_by TEXT;
  ALTER TABLE submissions ADD COLUMN acknowledged_revision INTEGER;
  ALTER TABLE submissions ADD COLUMN stripped_at TEXT;
  UPDATE submissions SET change_seq = rowid;

  CREATE TABLE counters (name TEXT PRIMARY KEY, value INTEGER NOT NULL);
  INSERT INTO counters (name, value) VALUES ('submission_change', COALESCE((SELECT MAX(change_seq) FROM submissions), 0));

  CREATE INDEX submissions_status_keyset ON submissions (municipality_code, status, created_at, id);
  CREATE INDEX submissions_procedure_keyset ON submissions (municipality_code, procedure_id, created_at, id);
  CREATE INDEX submissions_assignee_keyset ON submissions (municipality_code, assignee_id, created_at, id);
  CREATE INDEX submissions_updated_keyset ON submissions (municipality_code, updated_at, id);
  CREATE INDEX submissions_by_name ON submissions (municipality_code, applicant_name, created_at, id);
  CREATE INDEX submissions_by_kana ON submissions (municipality_code, applicant_kana, created_at, id);
  CREATE INDEX submissions_changes ON submissions (municipality_code, change_seq);
  CREATE INDEX submissions_closed ON submissions (municipality_code, procedure_id, closed_at) WHERE closed_at IS NOT NULL AND stripped_at IS NULL;

  CREATE TABLE submission_revisions (
    submission_id TEXT NOT NULL,
    revision INTEGER NOT NULL,
    form_version INTEGER NOT NULL,
    data_json TEXT NOT NULL,
    attachments_json TEXT NOT NULL,
    created_at TEXT NOT NULL,
    PRIMARY KEY (submission_id, revision)
  );

  CREATE TABLE submission_reads (
    user_id TEXT NOT NULL,
    submission_id TEXT NOT NULL,
    revision INTEGER NOT NULL,
    read_at TEXT NOT NULL,
    PRIMARY KEY (user_id, submission_id)
  );
  CREATE INDEX submission_reads_by_submission ON submission_reads (submission_id);

  CREATE TABLE submission_notes (
    id TEXT PRIMARY KEY,
    submission_id TEXT NOT NULL,
    municipality_code TEXT NOT NULL,
    author_id TEXT NOT NULL,
    body TEXT NOT NULL,
    created_at TEXT NOT NULL
  );
  CREATE INDEX submission_notes_by_submission ON submission_notes (submission_id, created_at);

  CREATE TABLE submission_messages (
    id TEXT PRIMARY KEY,
    submission_id TEXT NOT NULL,
    municipality_code TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('correction-request','correction-answer')),
    author TEXT NOT NULL,
    body TEXT NOT NULL,
    fields_json TEXT NOT NULL,
    revision INTEGER NOT NULL,
    created_at TEXT NOT NULL
  );
  CREATE INDEX submission_messages_by_submission ON submission_messages (submission_id, created_at);

  CREATE TABLE outbox (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    id TEXT NOT NULL UNIQUE,
    type TEXT NOT NULL,
    municipality_code TEXT NOT NULL,
    procedure_id TEXT NOT NULL,
    submission_id TEXT NOT NULL,
    receipt_number TEXT NOT NULL,
    data_json TEXT NOT NULL,
    created_at TEXT NOT NULL,
    dispatched_at TEXT
  );
  CREATE INDEX outbox_pending ON outbox (seq) WHERE dispatched_at IS NULL;

  CREATE TABLE deliveries (
    id TEXT PRIMARY KEY,
    event_id TEXT NOT NULL,
    event_json TEXT NOT NULL,
    channel TEXT NOT NULL CHECK (channel IN ('webhook','email')),
    target_id TEXT NOT NULL,
    municipality_code TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('pending','delivered','failed')),
    attempts INTEGER NOT NULL,
    next_attempt_at TEXT NOT NULL,
    created_at TEXT NOT NULL,
    delivered_at TEXT,
    log_json TEXT NOT NULL,
    UNIQUE (event_id, channel, target_id)
  );
  CREATE INDEX deliveries_due ON deliveries (next_attempt_at) WHERE status = 'pending';
  CREATE INDEX deliveries_by_municipality ON deliveries (municipality_code, created_at);

  CREATE TABLE api_keys (
    id TEXT PRIMARY KEY,
    municipality_code TEXT NOT NULL,
    name TEXT NOT NULL,
    scope TEXT NOT NULL CHECK (scope IN ('read','read-write')),
    secret_hash TEXT NOT NULL,
    created_at TEXT NOT NULL,
    created_by TEXT NOT NULL,
    revoked_at TEXT,
    revoked_by TEXT,
    last_used_at TEXT
  );
  CREATE INDEX api_keys_by_municipality ON api_keys (municipality_code, created_at);

  CREATE TABLE webhooks (
    id TEXT PRIMARY KEY,
    municipality_code TEXT NOT NULL,
    procedure_id TEXT,
    url TEXT NOT NULL,
    secret TEXT NOT NULL,
    events_json TEXT NOT NULL,
    active INTEGER NOT NULL,
    created_at TEXT NOT NULL,
    created_by TEXT NOT NULL,
    updated_at TEXT NOT NULL
  );
  CREATE INDEX webhooks_by_municipality ON webhooks (municipality_code, created_at);

  CREATE TABLE retention_policies (
    municipality_code TEXT NOT NULL,
    procedure_id TEXT NOT NULL,
    days INTEGER NOT NULL,
    mode TEXT NOT NULL CHECK (mode IN ('delete','strip')),
    updated_at TEXT NOT NULL,
    updated_by TEXT NOT NULL,
    PRIMARY KEY (municipality_code, procedure_id)
  );
  `,
  /* 5: municipal catalog (issue #6): edit layers over preset versions, preset release notes */ `
  CREATE TABLE edit_layers (
    owner TEXT NOT NULL,
    procedure_id TEXT NOT NULL,
    base_version INTEGER NOT NULL,
    ops_json TEXT NOT NULL,
    revision INTEGER NOT NULL,
    withdrawn INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    updated_by TEXT NOT NULL,
    PRIMARY KEY (owner, procedure_id)
  );
  CREATE INDEX edit_layers_by_procedure ON edit_layers (procedure_id, owner);

  CREATE TABLE preset_releases (
    preset_id TEXT NOT NULL,
    version INTEGER NOT NULL,
    note TEXT NOT NULL,
    source TEXT NOT NULL CHECK (source IN ('file','builder')),
    file_hash TEXT,
    published_at TEXT NOT NULL,
    published_by TEXT NOT NULL,
    PRIMARY KEY (preset_id, version)
  );
  `,
  /* 6: malware scan state per uploaded file (issue #8); existing files were never scanned */ `
  ALTER TABLE files ADD COLUMN scan_state TEXT NOT NULL DEFAULT 'not_scanned'
    CHECK (scan_state IN ('not_scanned','pending','clean','infected'));
  ALTER TABLE files ADD COLUMN scan_signature TEXT;
  ALTER TABLE files ADD COLUMN scanned_at TEXT;
  CREATE INDEX files_scan_pending ON files (created_at) WHERE scan_state = 'pending';
  `,
  /*
   * 7: faster intake and inbox (issue #9). Two inbox indexes duplicated the keyset
   * ones (same leading columns; SQLite scans an index in either direction), and
   * every submission paid for updating them. The procedure index carries the
   * status too, so "this procedure, these statuses, newest first" filters on the
   * index alone instead of reading every row of the procedure from the table.
   */ `
  DROP INDEX IF EXISTS submissions_by_status;
  DROP INDEX IF EXISTS submissions_by_procedure;
  DROP INDEX IF EXISTS submissions_procedure_keyset;
  CREATE INDEX submissions_procedure_keyset ON submissions (municipality_code, procedure_id, created_at, id, status);
  `,
  /* 8: unsubmitted files per upload token, counted on every upload (the per-token cap) */ `
  CREATE INDEX files_unbound_by_token ON files (upload_token) WHERE submission_id IS NULL;
  `,
  /* 9: a municipality's contact desks (窓口), named by its procedures */ `
  CREATE TABLE municipal_desks (
    municipality_code TEXT PRIMARY KEY,
    desks_json TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    updated_by TEXT NOT NULL
  );
  `,
  /* 10: sign-in with the My Number Card and the electronic signature, sealed with the submission (issue #17) */ `
  ALTER TABLE submissions ADD COLUMN evidence_json TEXT;
  `,
  /* 11: one-stop bundles (issue #18): several applications sent and stored together under one bundle receipt */ `
  CREATE TABLE submission_bundles (
    id TEXT PRIMARY KEY,
    receipt_number TEXT NOT NULL UNIQUE,
    municipality_code TEXT NOT NULL,
    submission_ids_json TEXT NOT NULL,
    idempotency_key TEXT,
    request_hash TEXT,
    created_at TEXT NOT NULL
  );
  CREATE UNIQUE INDEX submission_bundles_idempotency ON submission_bundles (municipality_code, idempotency_key) WHERE idempotency_key IS NOT NULL;
  `,
  /* 12: a municipality's versions of life-event guides, adopted or its own (issue #18) */ `
  CREATE TABLE guide_versions (
    municipality_code TEXT NOT NULL,
    guide_id TEXT NOT NULL,
    version INTEGER NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('draft', 'published', 'retired')),
    based_on TEXT,
    hidden INTEGER NOT NULL DEFAULT 0,
    guide_json TEXT NOT NULL,
    created_at TEXT NOT NULL,
    created_by TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    updated_by TEXT NOT NULL,
    published_at TEXT,
    PRIMARY KEY (municipality_code, guide_id, version)
  );
  CREATE UNIQUE INDEX guide_versions_one_published ON guide_versions (municipality_code, guide_id) WHERE status = 'published';
  `,
  /* 13: 書かない窓口 (issue #19): counter visits (the timeline plain, the work sealed), and how a counter application was made (sealed) */ `
  ALTER TABLE submissions ADD COLUMN counter_json TEXT;
  CREATE TABLE counter_sessions (
    id TEXT PRIMARY KEY,
    municipality_code TEXT NOT NULL,
    day TEXT NOT NULL,
    ticket_number TEXT NOT NULL,
    status TEXT NOT NULL,
    revision INTEGER NOT NULL,
    guide_id TEXT,
    timeline_json TEXT NOT NULL,
    work_json TEXT NOT NULL,
    pairing_code_hash TEXT,
    pairing_expires_at TEXT,
    tablet_token_hash TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    UNIQUE (municipality_code, day, ticket_number)
  );
  CREATE INDEX counter_sessions_opened ON counter_sessions (municipality_code, created_at);
  CREATE UNIQUE INDEX counter_sessions_pairing ON counter_sessions (pairing_code_hash) WHERE pairing_code_hash IS NOT NULL;
  CREATE UNIQUE INDEX counter_sessions_tablet ON counter_sessions (tablet_token_hash) WHERE tablet_token_hash IS NOT NULL;
  `,
  /* 14: the channel an application came by (online / counter), plain so the inbox can filter on it (issue #19) */ `
  ALTER TABLE submissions ADD COLUMN channel TEXT NOT NULL DEFAULT 'online';
  UPDATE submissions SET channel = 'counter' WHERE counter_json IS NOT NULL;
  CREATE INDEX submissions_channel_keyset ON submissions (municipality_code, channel, created_at, id);
  `,
  /* 15: 被災者支援 (issue #20): declared disasters, and one triage row per application made for one (written with the submission) */ `
  CREATE TABLE disasters (
    id TEXT PRIMARY KEY,
    municipality_code TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('open','closed')),
    disaster_json TEXT NOT NULL,
    declared_at TEXT NOT NULL
  );
  CREATE INDEX disasters_municipality ON disasters (municipality_code, declared_at);
  CREATE TABLE disaster_cases (
    submission_id TEXT PRIMARY KEY REFERENCES submissions(id) ON DELETE CASCADE,
    disaster_id TEXT NOT NULL REFERENCES disasters(id),
    municipality_code TEXT NOT NULL,
    procedure_id TEXT NOT NULL,
    receipt_number TEXT NOT NULL,
    area TEXT NOT NULL,
    postal_code TEXT NOT NULL,
    residential INTEGER,
    reported_damage TEXT NOT NULL,
    photo_count INTEGER NOT NULL,
    self_assessment INTEGER NOT NULL,
    survey_json TEXT,
    created_at TEXT NOT NULL
  );
  CREATE INDEX disaster_cases_queue ON disaster_cases (disaster_id, area, created_at);
  `,
  /* 16: 調査班 (survey teams) of a disaster (issue #20, triage) */ `
  CREATE TABLE survey_teams (
    id TEXT PRIMARY KEY,
    disaster_id TEXT NOT NULL REFERENCES disasters(id),
    municipality_code TEXT NOT NULL,
    name TEXT NOT NULL,
    date TEXT NOT NULL,
    team_json TEXT NOT NULL
  );
  CREATE INDEX survey_teams_disaster ON survey_teams (disaster_id, date, name);
  `,
  /* 17: 応援職員 (issue #20): another municipality's accounts lent one disaster's queue for a period */ `
  CREATE TABLE disaster_grants (
    id TEXT PRIMARY KEY,
    municipality_code TEXT NOT NULL,
    disaster_id TEXT NOT NULL REFERENCES disasters(id),
    user_id TEXT NOT NULL,
    home_municipality_code TEXT NOT NULL,
    from_date TEXT NOT NULL,
    until_date TEXT NOT NULL,
    granted_by TEXT NOT NULL,
    granted_at TEXT NOT NULL,
    revoked_by TEXT,
    revoked_at TEXT
  );
  CREATE INDEX disaster_grants_disaster ON disaster_grants (disaster_id, granted_at);
  CREATE INDEX disaster_grants_user ON disaster_grants (user_id, granted_at);
  `,
  /* 18: 罹災証明書 (issue #20): issued certificates, numbered per municipality and year; what they print is sealed */ `
  CREATE TABLE certificates (
    id TEXT PRIMARY KEY,
    municipality_code TEXT NOT NULL,
    year INTEGER NOT NULL,
    serial INTEGER NOT NULL,
    number TEXT NOT NULL,
    submission_id TEXT NOT NULL REFERENCES submissions(id) ON DELETE CASCADE,
    disaster_id TEXT NOT NULL,
    receipt_number TEXT NOT NULL,
    damage_level TEXT NOT NULL,
    facts_json TEXT NOT NULL,
    code_hash TEXT NOT NULL,
    fingerprint TEXT NOT NULL,
    issued_at TEXT NOT NULL,
    issued_by TEXT NOT NULL,
    withdrawn_at TEXT,
    withdrawn_by TEXT,
    withdrawn_reason TEXT,
    UNIQUE (municipality_code, year, serial)
  );
  CREATE INDEX certificates_number ON certificates (year, serial);
  CREATE INDEX certificates_submission ON certificates (submission_id, issued_at);
  CREATE UNIQUE INDEX certificates_live ON certificates (submission_id) WHERE withdrawn_at IS NULL;
  `,
  /* 19: tombstones (issue #21): what a retention deletion leaves in the pull feed — ids and time, no personal data */ `
  CREATE TABLE submission_tombstones (
    change_seq INTEGER PRIMARY KEY,
    submission_id TEXT NOT NULL,
    receipt_number TEXT NOT NULL,
    municipality_code TEXT NOT NULL,
    procedure_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    at TEXT NOT NULL
  );
  CREATE INDEX submission_tombstones_feed ON submission_tombstones (municipality_code, change_seq);
  `,
  /* 20: decision notices (issue #21): 決定通知書 / 却下通知書, one per submission, numbered per municipality and year; texts sealed */ `
  CREATE TABLE decision_notices (
    id TEXT PRIMARY KEY,
    municipality_code TEXT NOT NULL,
    year INTEGER NOT NULL,
    serial INTEGER NOT NULL,
    number TEXT NOT NULL,
    submission_id TEXT NOT NULL UNIQUE REFERENCES submissions(id) ON DELETE CASCADE,
    receipt_number TEXT NOT NULL,
    procedure_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    texts_json TEXT NOT NULL,
    decided_on TEXT NOT NULL,
    issued_at TEXT NOT NULL,
    issued_by TEXT NOT NULL,
    UNIQUE (municipality_code, year, serial)
  );
  CREATE TABLE decision_notice_templates (
    municipality_code TEXT NOT NULL,
    procedure_id TEXT NOT NULL,
    template_json TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    updated_by TEXT NOT NULL,
    PRIMARY KEY (municipality_code, procedure_id)
  );
  `,
  /* 21: 標準処理期間 (issue #21): the period per procedure, each submission's deadline and due date, once-a-day job claims */ `
  CREATE TABLE processing_periods (
    municipality_code TEXT NOT NULL,
    procedure_id TEXT NOT NULL,
    days INTEGER NOT NULL,
    unit TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    updated_by TEXT NOT NULL,
    PRIMARY KEY (municipality_code, procedure_id)
  );
  ALTER TABLE submissions ADD COLUMN deadline_json TEXT;
  ALTER TABLE submissions ADD COLUMN due_date TEXT;
  CREATE INDEX submissions_due ON submissions (municipality_code, due_date, id) WHERE due_date IS NOT NULL;
  CREATE TABLE job_runs (
    key TEXT PRIMARY KEY,
    at TEXT NOT NULL
  );
  `,
  /* 22: saved inbox views (issue #21), personal or shared per desk, and each clerk's page size */ `
  CREATE TABLE inbox_views (
    id TEXT PRIMARY KEY,
    municipality_code TEXT NOT NULL,
    owner_id TEXT NOT NULL,
    desk_id TEXT,
    name TEXT NOT NULL,
    filter_json TEXT NOT NULL,
    sort TEXT,
    columns_json TEXT NOT NULL,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
  );
  CREATE INDEX inbox_views_owner ON inbox_views (municipality_code, owner_id);
  CREATE TABLE inbox_preferences (
    user_id TEXT PRIMARY KEY,
    page_size INTEGER NOT NULL,
    updated_at TEXT NOT NULL
  );
  `,
  /* 23: push targets (issue #21): whole submissions POSTed to back-office systems; deliveries gain the `push` channel (SQLite cannot alter a CHECK, so the table is rebuilt) */ `
  CREATE TABLE push_targets (
    id TEXT PRIMARY KEY,
    municipality_code TEXT NOT NULL,
    procedure_id TEXT NOT NULL,
    name TEXT NOT NULL,
    url TEXT NOT NULL,
    secret TEXT NOT NULL,
    events_json TEXT NOT NULL,
    statuses_json TEXT NOT NULL,
    include_pdf INTEGER NOT NULL,
    mapping_json TEXT NOT NULL,
    sensitive_confirmed INTEGER NOT NULL,
    active INTEGER NOT NULL,
    created_at TEXT NOT NULL,
    created_by TEXT NOT NULL,
    updated_at TEXT NOT NULL
  );
  CREATE INDEX push_targets_by_procedure ON push_targets (municipality_code, procedure_id, created_at);

  CREATE TABLE deliveries_v2 (
    id TEXT PRIMARY KEY,
    event_id TEXT NOT NULL,
    event_json TEXT NOT NULL,
    channel TEXT NOT NULL CHECK (channel IN ('webhook','email','push')),
    target_id TEXT NOT NULL,
    municipality_code TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('pending','delivered','failed')),
    attempts INTEGER NOT NULL,
    next_attempt_at TEXT NOT NULL,
    created_at TEXT NOT NULL,
    delivered_at TEXT,
    log_json TEXT NOT NULL,
    UNIQUE (event_id, channel, target_id)
  );
  INSERT INTO deliveries_v2 SELECT id, event_id, event_json, channel, target_id, municipality_code, status, attempts, next_attempt_at, created_at, delivered_at, log_json FROM deliveries;
  DROP TABLE deliveries;
  ALTER TABLE deliveries_v2 RENAME TO deliveries;
  CREATE INDEX deliveries_due ON deliveries (next_attempt_at) WHERE status = 'pending';
  CREATE INDEX deliveries_by_municipality ON deliveries (municipality_code, created_at);
  `,
  /* 24: messages (issue #21): free messages with attachments in the submission's thread; read positions per side */ `
  CREATE TABLE submission_messages_v2 (
    id TEXT PRIMARY KEY,
    submission_id TEXT NOT NULL,
    municipality_code TEXT NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('correction-request','correction-answer','message')),
    author TEXT NOT NULL,
    body TEXT NOT NULL,
    fields_json TEXT NOT NULL,
    revision INTEGER NOT NULL,
    created_at TEXT NOT NULL,
    attachments_json TEXT NOT NULL DEFAULT '[]'
  );
  INSERT INTO submission_messages_v2 (id, submission_id, municipality_code, kind, author, body, fields_json, revision, created_at)
    SELECT id, submission_id, municipality_code, kind, author, body, fields_json, revision, created_at FROM submission_messages;
  DROP TABLE submission_messages;
  ALTER TABLE submission_messages_v2 RENAME TO submission_messages;
  CREATE INDEX submission_messages_by_submission ON submission_messages (submission_id, created_at);
  CREATE INDEX submission_messages_from_applicant ON submission_messages (municipality_code, created_at) WHERE kind = 'message' AND author = 'applicant';
  CREATE TABLE submission_message_reads (
    submission_id TEXT NOT NULL,
    side TEXT NOT NULL CHECK (side IN ('desk','applicant')),
    read_at TEXT NOT NULL,
    PRIMARY KEY (submission_id, side)
  );
  `,
  /* 25: rate-limit counters and job leases shared by every instance on the store (issue #23) */ `
  CREATE TABLE rate_counters (
    key TEXT PRIMARY KEY,
    count INTEGER NOT NULL,
    expires_at INTEGER NOT NULL
  ) WITHOUT ROWID;
  CREATE INDEX rate_counters_expiry ON rate_counters (expires_at);
  CREATE TABLE leases (
    name TEXT PRIMARY KEY,
    holder TEXT NOT NULL,
    expires_at INTEGER NOT NULL
  ) WITHOUT ROWID;
  `,
  /* 26: capacity of choice options and the places each submission holds (issue #22) */ `
  CREATE TABLE capacity_slots (
    municipality_code TEXT NOT NULL,
    procedure_id TEXT NOT NULL,
    field_path TEXT NOT NULL,
    option_value TEXT NOT NULL,
    capacity INTEGER NOT NULL,
    schema_limit INTEGER NOT NULL,
    taken INTEGER NOT NULL DEFAULT 0 CHECK (taken >= 0 AND taken <= capacity),
    updated_at TEXT NOT NULL,
    PRIMARY KEY (municipality_code, procedure_id, field_path, option_value)
  ) WITHOUT ROWID;
  CREATE TABLE capacity_holds (
    submission_id TEXT NOT NULL,
    municipality_code TEXT NOT NULL,
    procedure_id TEXT NOT NULL,
    field_path TEXT NOT NULL,
    option_value TEXT NOT NULL,
    places INTEGER NOT NULL CHECK (places > 0),
    created_at TEXT NOT NULL,
    released_at TEXT,
    PRIMARY KEY (submission_id, field_path)
  );
  CREATE INDEX capacity_holds_by_procedure ON capacity_holds (municipality_code, procedure_id, created_at);
  `,
  /* 27: the auth version, raised by every change of an account or a sign-in policy, for cached look-ups (issue #23) */ `
  CREATE TABLE auth_version (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    value INTEGER NOT NULL
  );
  INSERT INTO auth_version (id, value) VALUES (1, 0);
  CREATE TRIGGER auth_version_user_insert AFTER INSERT ON users BEGIN UPDATE auth_version SET value = value + 1 WHERE id = 1; END;
  CREATE TRIGGER auth_version_user_update AFTER UPDATE ON users BEGIN UPDATE auth_version SET value = value + 1 WHERE id = 1; END;
  CREATE TRIGGER auth_version_user_delete AFTER DELETE ON users BEGIN UPDATE auth_version SET value = value + 1 WHERE id = 1; END;
  CREATE TRIGGER auth_version_policy_insert AFTER INSERT ON auth_policies BEGIN UPDATE auth_version SET value = value + 1 WHERE id = 1; END;
  CREATE TRIGGER auth_version_policy_update AFTER UPDATE ON auth_policies BEGIN UPDATE auth_version SET value = value + 1 WHERE id = 1; END;
  CREATE TRIGGER auth_version_policy_delete AFTER DELETE ON auth_policies BEGIN UPDATE auth_version SET value = value + 1 WHERE id = 1; END;
  `,
  /*
   * 28: each municipality's inbox version, raised by every write to one of its submissions from any process, so a
   * list page and the status counts stay valid while it stands still (issue #23). A trigger, not code: no write
   * path (status, assignment, acknowledgement, deadline, name folding, purge, strip) can forget it.
   */ `
  CREATE TABLE inbox_versions (municipality_code TEXT PRIMARY KEY, value INTEGER NOT NULL) WITHOUT ROWID;
  CREATE TRIGGER inbox_version_insert AFTER INSERT ON submissions BEGIN
    INSERT INTO inbox_versions (municipality_code, value) VALUES (NEW.municipality_code, 1) ON CONFLICT (municipality_code) DO UPDATE SET value = value + 1;
  END;
  CREATE TRIGGER inbox_version_update AFTER UPDATE ON submissions BEGIN
    INSERT INTO inbox_versions (municipality_code, value) VALUES (NEW.municipality_code, 1) ON CONFLICT (municipality_code) DO UPDATE SET value = value + 1;
  END;
  CREATE TRIGGER inbox_version_delete AFTER DELETE ON submissions BEGIN
    INSERT INTO inbox_versions (municipality_code, value) VALUES (OLD.municipality_code, 1) ON CONFLICT (municipality_code) DO UPDATE SET value = value + 1;
  END;
  `,
  /*
   * 29: the threads with an applicant's message the desk has not read, one row each, kept by triggers (issue #23).
   * Every inbox page marks them, and working them out from the messages cost a scan of every applicant message of
   * the municipality (17 ms at 50,000, 93 ms at 200,000) on each page; this table answers in proportion to the
   * unread threads. Triggers, like the inbox version: no write path (a message, a read position, a purge) can forget it.
   */ `
  CREATE TABLE desk_unread_threads (submission_id TEXT PRIMARY KEY, municipality_code TEXT NOT NULL) WITHOUT ROWID;
  CREATE INDEX desk_unread_threads_by_municipality ON desk_unread_threads (municipality_code);
  INSERT INTO desk_unread_threads (submission_id, municipality_code)
    SELECT m.submission_id, MIN(m.municipality_code) FROM submission_messages m
      LEFT JOIN submission_message_reads r ON r.submission_id = m.submission_id AND r.side = 'desk'
    WHERE m.kind = 'message' AND m.author = 'applicant' AND (r.read_at IS NULL OR m.created_at > r.read_at)
    GROUP BY m.submission_id;
  DROP INDEX submission_messages_from_applicant; -- it served only the scan this table replaces
  CREATE TRIGGER desk_unread_on_message AFTER INSERT ON submission_messages
    WHEN NEW.kind = 'message' AND NEW.author = 'applicant'
      AND NOT EXISTS (SELECT 1 FROM submission_message_reads r WHERE r.submission_id = NEW.submission_id AND r.side = 'desk' AND r.read_at >= NEW.created_at)
  BEGIN
    INSERT OR IGNORE INTO desk_unread_threads (submission_id, municipality_code) VALUES (NEW.submission_id, NEW.municipality_code);
  END;
  CREATE TRIGGER desk_unread_on_read_insert AFTER INSERT ON submission_message_reads WHEN NEW.side = 'desk' BEGIN
    DELETE FROM desk_unread_threads WHERE submission_id = NEW.submission_id AND NOT EXISTS (
      SELECT 1 FROM submission_messages m WHERE m.submission_id = NEW.submission_id AND m.kind = 'message' AND m.author = 'applicant' AND m.created_at > NEW.read_at);
  END;
  CREATE TRIGGER desk_unread_on_read_update AFTER UPDATE ON submission_message_reads WHEN NEW.side = 'desk' BEGIN
    DELETE FROM desk_unread_threads WHERE submission_id = NEW.submission_id AND NOT EXISTS (
      SELECT 1 FROM submission_messages m WHERE m.submission_id = NEW.submission_id AND m.kind = 'message' AND m.author = 'applicant' AND m.created_at > NEW.read_at);
  END;
  CREATE TRIGGER desk_unread_on_message_delete AFTER DELETE ON submission_messages WHEN OLD.kind = 'message' AND OLD.author = 'applicant' BEGIN
    DELETE FROM desk_unread_threads WHERE submission_id = OLD.submission_id AND NOT EXISTS (
      SELECT 1 FROM submission_messages m LEFT JOIN submission_message_reads r ON r.submission_id = m.submission_id AND r.side = 'desk'
      WHERE m.submission_id = OLD.submission_id AND m.kind = 'message' AND m.author = 'applicant' AND (r.read_at IS NULL OR m.created_at > r.read_at));
  END;
  CREATE TRIGGER desk_unread_on_read_delete AFTER DELETE ON submission_message_reads WHEN OLD.side = 'desk' BEGIN
    INSERT OR IGNORE INTO desk_unread_threads (submission_id, municipality_code)
      SELECT m.submission_id, m.municipality_code FROM submission_messages m
      WHERE m.submission_id = OLD.submission_id AND m.kind = 'message' AND m.author = 'applicant' LIMIT 1;
  END;
  CREATE TRIGGER desk_unread_on_submission_delete AFTER DELETE ON submissions BEGIN
    DELETE FROM desk_unread_threads WHERE submission_id = OLD.id;
  END;
  `,
  /*
   * 30: the inbox's counts per status, per municipality and procedure, kept by triggers (issue #23: "counts
   * maintained incrementally"). Counting the rows cost a scan of the municipality's submissions each time an
   * application had arrived since the last count (9 ms at 40,000); this table answers in proportion to its
   * procedures and statuses, whatever the number of submissions.
   */ `
  CREATE TABLE inbox_status_counts (
    municipality_code TEXT NOT NULL,
    procedure_id TEXT NOT NULL,
    status TEXT NOT NULL,
    n INTEGER NOT NULL,
    PRIMARY KEY (municipality_code, procedure_id, status)
  ) WITHOUT ROWID;
  INSERT INTO inbox_status_counts (municipality_code, procedure_id, status, n)
    SELECT municipality_code, procedure_id, status, COUNT(*) FROM submissions GROUP BY municipality_code, procedure_id, status;
  CREATE TRIGGER inbox_count_insert AFTER INSERT ON submissions BEGIN
    INSERT INTO inbox_status_counts (municipality_code, procedure_id, status, n) VALUES (NEW.municipality_code, NEW.procedure_id, NEW.status, 1)
      ON CONFLICT (municipality_code, procedure_id, status) DO UPDATE SET n = n + 1;
  END;
  CREATE TRIGGER inbox_count_update AFTER UPDATE OF municipality_code, procedure_id, status ON submissions
    WHEN OLD.municipality_code IS NOT NEW.municipality_code OR OLD.procedure_id IS NOT NEW.procedure_id OR OLD.status IS NOT NEW.status
  BEGIN
    UPDATE inbox_status_counts SET n = n - 1 WHERE municipality_code = OLD.municipality_code AND procedure_id = OLD.procedure_id AND status = OLD.status;
    INSERT INTO inbox_status_counts (municipality_code, procedure_id, status, n) VALUES (NEW.municipality_code, NEW.procedure_id, NEW.status, 1)
      ON CONFLICT (municipality_code, procedure_id, status) DO UPDATE SET n = n + 1;
  END;
  CREATE TRIGGER inbox_count_delete AFTER DELETE ON submissions BEGIN
    UPDATE inbox_status_counts SET n = n - 1 WHERE municipality_code = OLD.municipality_code AND procedure_id = OLD.procedure_id AND status = OLD.status;
  END;
  `,
  /*
   * 31: the inbox's list rows in a narrow table of their own, clustered by municipality and time (issue #23). A list
   * page read its 50 rows from the submissions table, where each sits on its own page between other municipalities'
   * sealed answers (about 2.5 KB a row): a page not shown yet read 50 pages from the file (1.3 ms at the median, up
   * to 5.6 at a million rows). Here a municipality's rows lie side by side, 10 to 20 to a page, and the table is a
   * twentieth of the size (201 MB against 4 GB in the bench), so the pages a desk reads stay in memory. Triggers keep
   * it, like the counts: no write path can forget it. The list's secondary indexes move here from the submissions
   * table, so intake writes about as many.
   * Each indexed column has its own trigger, fired only when the column changes, so a write touches only its indexes.
   */ `
  CREATE TABLE inbox_rows (
    municipality_code TEXT NOT NULL,
    created_at TEXT NOT NULL,
    id TEXT NOT NULL,
    receipt_number TEXT NOT NULL,
    procedure_owner TEXT NOT NULL,
    procedure_id TEXT NOT NULL,
    form_version INTEGER NOT NULL,
    status TEXT NOT NULL,
    assignee_id TEXT,
    applicant_name TEXT,
    applicant_kana TEXT,
    channel TEXT NOT NULL,
    revision INTEGER NOT NULL,
    change_seq INTEGER NOT NULL,
    updated_at TEXT NOT NULL,
    closed_at TEXT,
    acknowledged_at TEXT,
    acknowledged_by TEXT,
    acknowledged_revision INTEGER,
    stripped_at TEXT,
    deadline_json TEXT,
    due_date TEXT,
    PRIMARY KEY (municipality_code, created_at, id)
  ) WITHOUT ROWID;
  INSERT INTO inbox_rows (${INBOX_ROW_COLUMNS_31.join(', ')}) SELECT ${INBOX_ROW_COLUMNS_31.join(', ')} FROM submissions;
  CREATE INDEX inbox_rows_status ON inbox_rows (municipality_code, status, created_at, id);
  CREATE INDEX inbox_rows_procedure ON inbox_rows (municipality_code, procedure_id, created_at, id, status);
  CREATE INDEX inbox_rows_assignee ON inbox_rows (municipality_code, assignee_id, created_at, id);
  CREATE INDEX inbox_rows_updated ON inbox_rows (municipality_code, updated_at, id);
  CREATE INDEX inbox_rows_name ON inbox_rows (municipality_code, applicant_name, created_at, id);
  CREATE INDEX inbox_rows_kana ON inbox_rows (municipality_code, applicant_kana, created_at, id);
  CREATE INDEX inbox_rows_channel ON inbox_rows (municipality_code, channel, created_at, id);
  CREATE INDEX inbox_rows_due ON inbox_rows (municipality_code, due_date, id) WHERE due_date IS NOT NULL;
  DROP INDEX submissions_status_keyset;
  DROP INDEX submissions_procedure_keyset;
  DROP INDEX submissions_assignee_keyset;
  DROP INDEX submissions_updated_keyset;
  DROP INDEX submissions_by_name;
  DROP INDEX submissions_by_kana;
  DROP INDEX submissions_channel_keyset;
  DROP INDEX submissions_due;

  CREATE TRIGGER inbox_rows_insert AFTER INSERT ON submissions BEGIN
    ${INSERT_INBOX_ROW_31};
  END;
  CREATE TRIGGER inbox_rows_delete AFTER DELETE ON submissions BEGIN
    DELETE FROM inbox_rows WHERE ${inboxRowOf31('OLD')};
  END;
  -- A changed key moves the row (no write path does this today; the table must still follow).
  CREATE TRIGGER inbox_rows_move AFTER UPDATE OF municipality_code, created_at, id ON submissions
    WHEN OLD.municipality_code IS NOT NEW.municipality_code OR OLD.created_at IS NOT NEW.created_at OR OLD.id IS NOT NEW.id
  BEGIN
    DELETE FROM inbox_rows WHERE ${inboxRowOf31('OLD')};
    ${INSERT_INBOX_ROW_31};
  END;
  -- The columns no index of the table holds, in one trigger: setting them touches the row alone.
  CREATE TRIGGER inbox_rows_plain AFTER UPDATE OF ${INBOX_ROW_PLAIN_COLUMNS_31.join(', ')} ON submissions BEGIN
    UPDATE inbox_rows SET ${INBOX_ROW_PLAIN_COLUMNS_31.map((c) => `${c} = NEW.${c}`).join(', ')} WHERE ${inboxRowOf31('NEW')};
  END;
  ${INBOX_ROW_INDEXED_COLUMNS_31.map(
    (c) => `CREATE TRIGGER inbox_rows_set_${c} AFTER UPDATE OF ${c} ON submissions WHEN OLD.${c} IS NOT NEW.${c} BEGIN
    UPDATE inbox_rows SET ${c} = NEW.${c} WHERE ${inboxRowOf31('NEW')};
  END;`,
  ).join('\n  ')}
  `,
];
