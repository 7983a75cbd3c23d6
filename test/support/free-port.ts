/** A port that nothing listens on, for a server that must come back on the same address after a restart. */
import { createServer } from 'node:net'

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer()
    probe.once('error', reject)
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address()
      if (address === null || typeof address === 'string') throw new Error('no TCP address')
      probe.close(() => resolve(address.port))
    })
  })
}
