/** Runs the plain relay in its own process (as the benchmarks do), printing `{"port": N}` once it listens. */
import { createPlainRelay } from './plain-relay'

const relay = createPlainRelay()
const { port } = await relay.listen(Number(process.env.PORT ?? 0))
console.log(JSON.stringify({ port }))
process.on('SIGTERM', () => void relay.close().then(() => process.exit(0)))
