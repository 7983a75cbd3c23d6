/**
 * Configuration: the environment, read once at startup, validated, and passed down.
 * Nothing else in the server reads process.env.
 */
import path from 'node:path'
import { z } from 'zod'
import { checkTrustProxy, type TrustProxy } from './http/proxy-trust'

const MiB = 1024 * 1024

const integer = (fallback: number) => z.coerce.number().int().nonnegative().default(fallback)

const environmentSchema = z.object({
  /** 3000: the port the README and docs promise. 0 picks a free port (tests). */
  PORT: integer(3000).pipe(z.number().max(65535)),
  /** Loopback by default, so a fresh install is not exposed before its owner decides to. */
  HOST: z.string().min(1).default('127.0.0.1'),
  /** Where documents and metadata live. One server process owns it at a time. */
  DATA_DIR: z.string().min(1).default('./data'),
  /**
   * 8 MiB: far above any keystroke or paste (the 105,000-character automerge-paper
   * trace with its whole editing history encodes to 450 KB), yet small enough that one hostile frame cannot
   * exhaust memory. Larger frames close the connection with 1009.
   */
  MAX_MESSAGE_BYTES: integer(8 * MiB).pipe(z.number().min(1024)),
  /**
   * 4 MiB of update log before it is folded into a snapshot: compaction rewrites the
   * whole document, so a large log keeps write amplification low, while a bounded log
   * keeps cold loads fast. See docs/ARCHITECTURE.md.
   */
  COMPACT_LOG_BYTES: integer(4 * MiB).pipe(z.number().min(1)),
  /**
   * A version is recorded once editing pauses for 2 minutes, or every 10 minutes while it goes on.
   * Two minutes is longer than people pause between sentences and shorter than they stay away
   * between thoughts, so a version is roughly one burst of writing; ten minutes bounds how much
   * one version holds when several people keep a document busy. Each version costs one write
   * of the history file and some tens of bytes (docs/history.md, docs/benchmarks.md).
   */
  VERSION_IDLE_MS: integer(2 * 60_000).pipe(z.number().min(1)),
  VERSION_MAX_MS: integer(10 * 60_000).pipe(z.number().min(1)),
  /**
   * 30 minutes away makes the next opening of a document a new visit, for "changes since my last
   * visit": a reload or a look at the History page is not a visit of its own, an evening away is.
   */
  VISIT_GAP_MS: integer(30 * 60_000),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Send the session cookie only over HTTPS. Turn on behind a TLS proxy, together with TRUST_PROXY. */
  COOKIE_SECURE: z.enum(['true', 'false']).default('false'),
  /**
   * The proxies in front of the server, whose X-Forwarded-For and X-Forwarded-Proto it believes:
   * `false` (none), how many there are (`1`), or their addresses and subnets, comma-separated
   * (`loopback`, `10.0.0.0/8`). Never "any": a client could then claim any address and dodge
   * the per-address limits.
   */
  TRUST_PROXY: z
    .string()
    .trim()
    .default('false')
    .refine((value) => value !== 'true', 'name the proxies (their addresses, or how many there are), not "true": "true" would believe any client about its address')
    .transform((value, context): TrustProxy => {
      if (value === 'false' || value === '') return false
      if (/^\d+$/.test(value)) return Number(value)
      const addresses = value.split(',').map((entry) => entry.trim()).filter((entry) => entry !== '')
      try {
        checkTrustProxy(addresses)
      } catch (error) {
        context.addIssue({ code: 'custom', message: error instanceof Error ? error.message : 'not a list of addresses' })
        return z.NEVER
      }
      return addresses
    }),
  /**
   * 20 sign-in and sign-up attempts per address per 15 minutes: plenty for a person
   * who mistypes, far too few to guess passwords (scrypt makes each guess slow too).
   */
  AUTH_ATTEMPTS_PER_15_MINUTES: integer(20).pipe(z.number().min(1)),
  /**
   * 60 new websocket connections per address per minute: a browser reconnects with
   * backoff, a household behind one address has a few tabs; a reconnect loop or a
   * flood does not get through.
   */
  WS_CONNECTIONS_PER_MINUTE: integer(60).pipe(z.number().min(1)),
  /**
   * 100 messages per second per connection, bursts of 500: fast typing with its
   * caret updates is about 30 per second, reconnecting sends a handful at once.
   * Beyond that the server reads the socket more slowly; nothing is dropped.
   */
  MESSAGES_PER_SECOND: integer(100).pipe(z.number().min(1)),
  MESSAGE_BURST: integer(500).pipe(z.number().min(1)),
  /**
   * A PostgreSQL database (postgres://user:password@host:5432/name) that holds every document and
   * record instead of DATA_DIR: what several servers serving the same documents share. Unset, the
   * server keeps everything in DATA_DIR and needs nothing else installed.
   */
  DATABASE_URL: z
    .string()
    .trim()
    .default('')
    .refine((value) => value === '' || /^postgres(ql)?:\/\//.test(value), 'a postgres:// or postgresql:// address'),
  /**
   * A Redis server (redis://host:6379) through which several servers on one DATABASE_URL hear of
   * each other's changes, presence and limits, so that any number of them serve the same
   * documents. Needs DATABASE_URL.
   */
  REDIS_URL: z
    .string()
    .trim()
    .default('')
    .refine((value) => value === '' || /^rediss?:\/\//.test(value), 'a redis:// or rediss:// address'),
  /** Where the built editor is served from; `npm run build` writes it. */
  EDITOR_DIR: z.string().min(1).default('./dist/editor'),
})

export interface Config {
  port: number
  host: string
  dataDir: string
  /** PostgreSQL's address, or null to keep everything in dataDir. */
  databaseUrl: string | null
  /** Redis's address, through which several servers share documents; null for one server. */
  redisUrl: string | null
  editorDir: string
  maxMessageBytes: number
  compactLogBytes: number
  /** When to record a version after edits (ms): after this long without one, or this long after the first. */
  versions: { idleMs: number; maxMs: number; visitGapMs: number }
  logLevel: z.infer<typeof environmentSchema>['LOG_LEVEL']
  secureCookies: boolean
  trustProxy: TrustProxy
  limits: {
    authAttemptsPer15Minutes: number
    connectionsPerMinute: number
    messagesPerSecond: number
    messageBurst: number
  }
}

export class ConfigError extends Error {
  override name = 'ConfigError'
}

export function readConfig(environment: NodeJS.ProcessEnv): Config {
  const parsed = environmentSchema.safeParse(environment)
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`)
    throw new ConfigError(`Invalid configuration:\n  ${problems.join('\n  ')}`)
  }
  const env = parsed.data
  // Servers that share documents must share where they keep them.
  if (env.REDIS_URL !== '' && env.DATABASE_URL === '') {
    throw new ConfigError(
      'Invalid configuration:\n  REDIS_URL needs DATABASE_URL: several servers serve the same documents only when they keep them in the same PostgreSQL database.',
    )
  }
  // This server speaks plain HTTP, so HTTPS reaches it only through a proxy, which it must believe.
  if (env.COOKIE_SECURE === 'true' && env.TRUST_PROXY === false) {
    throw new ConfigError(
      'Invalid configuration:\n  COOKIE_SECURE=true needs TRUST_PROXY: the server sees plain HTTP from the TLS proxy and would set no cookie, so nobody could sign in. Set TRUST_PROXY to the proxy\'s address (loopback, 10.0.0.5) or the number of proxies in front (1).',
    )
  }
  return {
    port: env.PORT,
    host: env.HOST,
    dataDir: path.resolve(env.DATA_DIR),
    databaseUrl: env.DATABASE_URL === '' ? null : env.DATABASE_URL,
    redisUrl: env.REDIS_URL === '' ? null : env.REDIS_URL,
    editorDir: path.resolve(env.EDITOR_DIR),
    maxMessageBytes: env.MAX_MESSAGE_BYTES,
    compactLogBytes: env.COMPACT_LOG_BYTES,
    versions: { idleMs: env.VERSION_IDLE_MS, maxMs: env.VERSION_MAX_MS, visitGapMs: env.VISIT_GAP_MS },
    logLevel: env.LOG_LEVEL,
    secureCookies: env.COOKIE_SECURE === 'true',
    trustProxy: env.TRUST_PROXY,
    limits: {
      authAttemptsPer15Minutes: env.AUTH_ATTEMPTS_PER_15_MINUTES,
      connectionsPerMinute: env.WS_CONNECTIONS_PER_MINUTE,
      messagesPerSecond: env.MESSAGES_PER_SECOND,
      messageBurst: env.MESSAGE_BURST,
    },
  }
}
