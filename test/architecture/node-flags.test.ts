import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { SERVER_NODE_FLAGS } from '../../server/node-flags'

describe('the flags Node runs the server with', () => {
  it('are the ones `npm start` passes, so the benchmarks measure what people run', () => {
    const { scripts } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { scripts: { start: string } }
    const node = scripts.start.split('&&').map((command) => command.trim()).find((command) => command.startsWith('node '))
    expect(node).toBe(`node ${SERVER_NODE_FLAGS.join(' ')} --import tsx server/main.ts`)
  })
})
