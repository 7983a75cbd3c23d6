/**
 * Nodes killed with SIGKILL while people type, again and again: the people on a killed node
 * reconnect, through the load balancer, to another node, and nothing any node acknowledged as
 * saved is lost. A new node takes the killed one's place each time.
 */
import { describe, expect, it } from 'vitest'
import { MANIFESTO_ID } from '../../server/documents/manifesto'
import { signUpMaintainer } from '../support/accounts'
import { startBalancer } from '../support/balancer'
import { startChildServer, type ChildServer } from '../support/child-server'
import { redisUrl } from '../support/cluster'
import { connectClient } from '../support/clients'
import { clusterAvailable, databaseUrlIn, freshSchema } from '../support/postgres'
import { seededRandom } from '../support/seeded-random'
import { makeDataDir } from '../support/server'
import { Typist, wordsOf } from '../support/typist'
import { lostWords, typeWords } from '../support/typing'

const KILLS = Number(process.env.NODE_KILLS ?? 20)
const NODES = 3
const WRITERS = ['ada', 'bao', 'cleo', 'dev']
const FEWEST_WORDS = 40
const MOST_WORDS = 400
/** Fast typing and many reconnects from one address: the point is edits in flight at each kill. */
const LIFTED_LIMITS = { MESSAGES_PER_SECOND: '1000000000', MESSAGE_BURST: '1000000000', WS_CONNECTIONS_PER_MINUTE: '1000000000' }

describe.runIf(clusterAvailable)('nodes killed while people type', () => {
  it(
    'loses no acknowledged edit when one node after another is killed and its people move to the others',
    async () => {
      const rng = seededRandom(Number(process.env.KILL_SEED ?? 0xbee5))
      const environment = { ...LIFTED_LIMITS, DATABASE_URL: databaseUrlIn(await freshSchema()), REDIS_URL: redisUrl }
      const balancer = await startBalancer()
      const startNode = async (): Promise<ChildServer> => {
        const node = await startChildServer(await makeDataDir(), { environment })
        balancer.add(portOf(node))
        return node
      }
      const nodes: ChildServer[] = []
      for (let index = 0; index < NODES; index++) nodes.push(await startNode())
      const typists: Typist[] = []
      for (const name of WRITERS) typists.push(new Typist(balancer, MANIFESTO_ID, await signUpMaintainer(balancer, name), name))
      await Promise.all(typists.map((typist) => typist.client.synced()))
      for (const typist of typists) typist.startParagraph()
      await Promise.all(typists.map((typist) => typist.client.allSaved()))

      for (let kill = 0; kill < KILLS; kill++) {
        await typeWords(typists, FEWEST_WORDS + rng.int(MOST_WORDS - FEWEST_WORDS))
        const victim = nodes.splice(rng.int(nodes.length), 1)[0]!
        balancer.remove(portOf(victim))
        victim.process.kill('SIGKILL')
        await victim.exited
        // Kept offline until the check: reconnecting would resend every unacknowledged edit,
        // and the resent copies would hide an acknowledged edit that was lost.
        for (const typist of typists) typist.client.provider.disconnect()
        const lost = await lostWords(balancer, MANIFESTO_ID, typists)
        expect(lost, `kill ${kill}: acknowledged words missing`).toBe(0)
        nodes.push(await startNode())
        for (const typist of typists) typist.client.provider.connect()
        await Promise.all(typists.map((typist) => typist.client.synced()))
      }

      // Everyone, on whichever node, ends with every word everyone typed.
      await Promise.all(typists.map((typist) => typist.client.allSaved()))
      const reader = connectClient(balancer, MANIFESTO_ID)
      await reader.synced()
      for (const typist of typists) expect(wordsOf(reader.doc, typist.name).size).toBe(typist.typed)
      const acknowledged = typists.reduce((sum, typist) => sum + typist.acknowledged, 0)
      console.log(`node kills: ${KILLS}, words typed: ${typists.reduce((sum, typist) => sum + typist.typed, 0)}, acknowledged: ${acknowledged}, acknowledged words lost: 0`)
    },
    60_000 + KILLS * 10_000,
  )
})

function portOf(node: ChildServer): number {
  return Number(new URL(node.url).port)
}
