/**
 * Presence between nodes (collab/shared-presence.ts) over Redis: a channel per document. A node
 * that starts serving a document asks the others for everything they have, so that people who
 * are already there appear at once rather than when they next move.
 *
 *   [0][varstring node][varbytes awareness update]   presence of the sender's people
 *   [1][varstring node]                              "tell me everything"
 */
import { randomUUID } from 'node:crypto'
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import type { PresenceChannel, PresenceLink } from '../collab/shared-presence'
import type { RedisBus } from './redis-bus'

const UPDATE = 0
const ASK_ALL = 1

export class RedisPresence implements PresenceLink {
  private readonly node = randomUUID()

  constructor(
    private readonly bus: RedisBus,
    /** The database's cluster id: nodes of another database hear nothing of this. */
    private readonly clusterId: string,
    private readonly onUnreadable: (error: unknown) => void,
  ) {}

  join(documentId: string, receive: (update: Uint8Array) => void, describeAll: () => Uint8Array | null): PresenceChannel {
    const channel = `coffeehouse:${this.clusterId}:presence:${documentId}`
    const send = (kind: number, update?: Uint8Array) => {
      const encoder = encoding.createEncoder()
      encoding.writeVarUint(encoder, kind)
      encoding.writeVarString(encoder, this.node)
      if (update) encoding.writeVarUint8Array(encoder, update)
      this.bus.publish(channel, encoding.toUint8Array(encoder))
    }
    const answer = () => {
      const all = describeAll()
      if (all) send(UPDATE, all)
    }
    let left = false
    const stop = this.bus.subscribe(channel, (message) => {
      try {
        const decoder = decoding.createDecoder(message)
        const kind = decoding.readVarUint(decoder)
        if (decoding.readVarString(decoder) === this.node) return
        if (kind === ASK_ALL) answer()
        else if (kind === UPDATE) receive(decoding.readVarUint8Array(decoder))
      } catch (error) {
        this.onUnreadable(error)
      }
    })
    void stop.then(
      (unsubscribe) => (left ? unsubscribe() : send(ASK_ALL)),
      (error: unknown) => this.onUnreadable(error),
    )
    // Back after a loss: what others changed meanwhile is asked for again.
    const stopHearingOfReconnects = this.bus.onReconnect(() => send(ASK_ALL))
    return {
      publish: (update) => send(UPDATE, update),
      leave: () => {
        left = true
        stopHearingOfReconnects()
        void stop.then((unsubscribe) => unsubscribe(), () => undefined)
      },
    }
  }
}
