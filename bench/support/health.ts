/** Waiting for Coffeehouse to be idle, from its health report. */
import type { ServerProcess } from './processes'

interface Health {
  connections: number
  documents: number
}

/** Resolves once no connection is open and every document has been stored and unloaded. */
export async function untilIdle(server: ServerProcess, timeoutMs = 60_000): Promise<void> {
  const started = performance.now()
  for (;;) {
    const health = (await (await fetch(`${server.url}/api/health`)).json()) as Health
    if (health.connections === 0 && health.documents === 0) return
    if (performance.now() - started > timeoutMs) throw new Error(`the server did not become idle: ${JSON.stringify(health)}`)
    await new Promise((resolve) => setTimeout(resolve, 5))
  }
}
