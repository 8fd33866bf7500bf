/**
 * Versioned schema migrations, applied in order inside one transaction each.
 * `PRAGMA user_version` records the last one applied. Never edit a released
 * migration: add a new one.
 */
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
];
