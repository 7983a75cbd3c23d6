/**
 * The PostgreSQL store's tables, as numbered migrations that run in order when a store opens.
 * A migration, once released, is never edited: a later one changes what it made. Several nodes
 * starting at once take turns (an advisory lock), and a database that a newer release has
 * migrated further than this code knows is refused, rather than written in a shape it does not
 * understand.
 */
import type pg from 'pg'
import { inTransaction } from './transaction'

export interface Migration {
  version: number
  name: string
  sql: string
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'documents, their content and their records',
    sql: `
      CREATE TABLE documents (
        id text PRIMARY KEY,
        title text NOT NULL,
        access json NOT NULL,
        created_at timestamptz NOT NULL,
        updated_at timestamptz NOT NULL
      );
      -- A document's newest snapshot, and the changes after it. Changes are numbered per document
      -- without gaps, in the order they committed (last_seq is taken under the row's lock), so a
      -- node that knows it holds changes up to n needs exactly those after n.
      CREATE TABLE document_content (
        document_id text PRIMARY KEY,
        snapshot bytea,
        snapshot_through bigint NOT NULL DEFAULT 0,
        last_seq bigint NOT NULL DEFAULT 0
      );
      CREATE TABLE document_changes (
        document_id text NOT NULL,
        seq bigint NOT NULL,
        record bytea NOT NULL,
        PRIMARY KEY (document_id, seq)
      );
      -- The records each capability keeps per document (server/storage/record-kind.ts), whole.
      -- json, not jsonb: they are only ever read and written whole, and json keeps what it was given.
      CREATE TABLE document_records (
        kind text NOT NULL,
        document_id text NOT NULL,
        record json NOT NULL,
        PRIMARY KEY (kind, document_id)
      );
    `,
  },
  {
    version: 2,
    name: 'accounts, sessions and the server secrets',
    sql: `
      CREATE TABLE accounts (
        id text PRIMARY KEY,
        username text NOT NULL UNIQUE,
        display_name text NOT NULL,
        color text NOT NULL,
        is_admin boolean NOT NULL,
        created_at timestamptz NOT NULL,
        password_hash text NOT NULL
      );
      CREATE TABLE sessions (
        sid text PRIMARY KEY,
        expires timestamptz NOT NULL,
        data json NOT NULL
      );
      CREATE INDEX sessions_by_expiry ON sessions (expires);
      -- What every node must agree on: the keys that sign session cookies and invitations.
      CREATE TABLE server_secrets (
        name text PRIMARY KEY,
        value text NOT NULL
      );
    `,
  },
]

/** A number of our own, so that no other user of the database takes the same advisory lock. */
const MIGRATION_LOCK = 0x636f6666

export class DatabaseTooNewError extends Error {
  override name = 'DatabaseTooNewError'
}

/** Brings the database's tables up to the newest migration; returns the versions it applied. */
export async function migrate(pool: pg.Pool, migrations: readonly Migration[] = MIGRATIONS): Promise<number[]> {
  return inTransaction(pool, async (client) => {
    await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK])
    await client.query(`
      CREATE TABLE IF NOT EXISTS coffeehouse_migrations (
        version integer PRIMARY KEY,
        name text NOT NULL,
        applied_at timestamptz NOT NULL DEFAULT now()
      )`)
    const { rows } = await client.query<{ version: number }>('SELECT coalesce(max(version), 0) AS version FROM coffeehouse_migrations')
    const current = rows[0]?.version ?? 0
    const newest = migrations.at(-1)?.version ?? 0
    if (current > newest) {
      throw new DatabaseTooNewError(`The database was migrated to version ${current} by a newer Coffeehouse; this one knows versions up to ${newest}. Run the newer release.`)
    }
    const applied: number[] = []
    for (const migration of migrations) {
      if (migration.version <= current) continue
      await client.query(migration.sql)
      await client.query('INSERT INTO coffeehouse_migrations (version, name) VALUES ($1, $2)', [migration.version, migration.name])
      applied.push(migration.version)
    }
    return applied
  })
}
