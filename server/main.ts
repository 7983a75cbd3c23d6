/** Reads the configuration once, starts the server, and stops it cleanly on a signal. */
import { createCoffeehouse } from './app'
import { readConfig } from './config'
import { createLogger } from './logger'

const config = readConfig(process.env)
const logger = createLogger(config)

try {
  const coffeehouse = await createCoffeehouse(config, logger)
  const address = await coffeehouse.listen()
  // Where everything is kept; never the database's address, which may hold a password.
  const storage = config.databaseUrl === null ? { dataDir: config.dataDir } : { storage: 'PostgreSQL', sharedThroughRedis: config.redisUrl !== null }
  logger.info({ port: address.port, host: address.address, ...storage }, `Coffeehouse is running at http://${config.host}:${address.port}`)

  let stopping = false
  const stop = async (signal: string) => {
    if (stopping) return
    stopping = true
    logger.info({ signal }, 'stopping')
    await coffeehouse.close()
    process.exit(0)
  }
  process.on('SIGINT', () => void stop('SIGINT'))
  process.on('SIGTERM', () => void stop('SIGTERM'))
} catch (error) {
  logger.fatal({ err: error }, error instanceof Error ? error.message : 'could not start')
  process.exitCode = 1
}
