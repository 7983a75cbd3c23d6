/**
 * Where everything is kept, as the configuration selects: documents and their records, accounts,
 * sessions and the server's secrets. Unset DATABASE_URL, all of it is in DATA_DIR, for one server
 * that needs nothing installed; set, all of it is in PostgreSQL, shared by every node, and with
 * REDIS_URL the nodes hear of each other's changes through Redis.
 */
import type { Logger } from 'pino'
import type { Accounts } from './auth/accounts'
import { FileAccounts } from './auth/file-accounts'
import { FileSessionStore } from './auth/file-session-store'
import { PostgresAccounts } from './auth/postgres-accounts'
import { loadSharedSecrets } from './auth/postgres-secrets'
import { PostgresSessionStore } from './auth/postgres-session-store'
import { loadSecrets, type Secrets } from './auth/secrets'
import type { SessionStore } from './auth/session-store'
import { RedisBus } from './cluster/redis-bus'
import { RedisChangeFeed } from './cluster/redis-change-feed'
import { RedisPresence } from './cluster/redis-presence'
import type { Cluster } from './cluster/cluster'
import type { Config } from './config'
import { FileStore } from './storage/file-store'
import { Database } from './storage/postgres/database'
import { PostgresStore } from './storage/postgres/postgres-store'
import type { Store } from './storage/store'

export interface Backend {
  store: Store
  /** How this node reaches the others (REDIS_URL), or null when it serves alone. */
  cluster: Cluster | null
  accounts: Accounts
  sessionStore: SessionStore
  secrets: Secrets
  /** Writes what waits to be written and lets go of the storage. */
  close(): Promise<void>
}

export function openBackend(config: Pick<Config, 'dataDir' | 'databaseUrl' | 'redisUrl'>, logger: Logger): Promise<Backend> {
  const onBackgroundError = (error: unknown) => logger.error({ err: error }, 'a background write failed')
  if (config.databaseUrl === null) return openFiles(config.dataDir, logger, onBackgroundError)
  return openDatabase(config.databaseUrl, config.redisUrl, logger, onBackgroundError)
}

async function openFiles(dataDir: string, logger: Logger, onBackgroundError: (error: unknown) => void): Promise<Backend> {
  const store = await FileStore.open({ dataDir, warn: (warning) => logger.warn(warning, warning.message), onBackgroundError })
  return closingOnFailure([() => store.close()], async (closeLater) => {
    const sessionStore = await FileSessionStore.open(dataDir, onBackgroundError)
    closeLater(() => sessionStore.close())
    return { store, cluster: null, sessionStore, secrets: await loadSecrets(dataDir), accounts: await FileAccounts.open(dataDir) }
  })
}

async function openDatabase(databaseUrl: string, redisUrl: string | null, logger: Logger, onBackgroundError: (error: unknown) => void): Promise<Backend> {
  const database = await Database.open(databaseUrl, onBackgroundError)
  return closingOnFailure([() => database.close()], async (closeLater) => {
    const bus = redisUrl === null ? null : await RedisBus.open(redisUrl, (error) => logger.warn({ err: error }, 'Redis'))
    if (bus) closeLater(() => bus.close())
    const unreadable = (error: unknown) => logger.warn({ err: error }, 'an unreadable message from another node')
    const feed = bus && new RedisChangeFeed(bus, database.clusterId, unreadable)
    const cluster: Cluster | null = bus && { bus, id: database.clusterId, presence: new RedisPresence(bus, database.clusterId, unreadable) }
    const store = new PostgresStore({ database, feed, onBackgroundError })
    closeLater(() => store.close())
    const sessionStore = await PostgresSessionStore.open(database, onBackgroundError)
    closeLater(() => sessionStore.close())
    return { store, cluster, sessionStore, secrets: await loadSharedSecrets(database), accounts: await PostgresAccounts.open(database, onBackgroundError) }
  })
}

type Closer = () => Promise<void>

/**
 * Opens the rest of a backend; its close() runs `closers` newest first. If opening fails, what
 * was already opened is closed again, so a server that cannot start leaves DATA_DIR unlocked.
 */
async function closingOnFailure(closers: Closer[], openRest: (closeLater: (closer: Closer) => void) => Promise<Omit<Backend, 'close'>>): Promise<Backend> {
  const close = async () => {
    for (const closer of [...closers].reverse()) await closer()
  }
  try {
    const parts = await openRest((closer) => closers.push(closer))
    return { ...parts, close }
  } catch (error) {
    await close().catch(() => undefined)
    throw error
  }
}
