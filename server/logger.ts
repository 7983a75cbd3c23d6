/** The server's logger: JSON lines (pino), with passwords redacted wherever they might appear. */
import { pino, type DestinationStream, type Logger } from 'pino'
import type { Config } from './config'

export function createLogger(config: Pick<Config, 'logLevel'>, destination?: DestinationStream): Logger {
  // Nothing logs request bodies; redaction is a second line of defence for secrets.
  const redact = ['password', '*.password', '*.*.password', 'passwordHash', '*.passwordHash', 'headers.cookie', '*.headers.cookie']
  return destination ? pino({ level: config.logLevel, redact }, destination) : pino({ level: config.logLevel, redact })
}
