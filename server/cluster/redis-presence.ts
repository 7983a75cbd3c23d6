/**
 * Presence between nodes (collab/shared-presence.ts) over Redis: a channel per document. A node
 * that starts serving a document asks the others for everything they have, so that people who
 * are already there appear at once rather than when they next move.
 *
 *   [0][varstring node][varbytes awareness update]   presence of the sender's people
 *   [1][varstring node]                              "tell me everything"
 *   [2][varstring node][varstring field][varstring JSON value]   a field of the server's own entry
 */
import { randomUUID } from 'node:crypto'
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import type { NodePresence, PresenceChannel, PresenceLink } from '../collab/shared-presence'
import type { RedisBus } from './redis-bus'

const UPDATE = 0
const ASK_ALL = 1
const SERVER_FIELD = 2

export class RedisPresence implements PresenceLink {
  private readonly node = randomUUID()

  constructor(
    private readonly bus: RedisBus,
    /** The database's cluster id: nodes of another database hear nothing of this. */
    private readonly clusterId: string,
    private readonly onUnreadable: (error: unknown) => void,
  ) {}

  join(documentId: string, presence: NodePresence): PresenceChannel {
    const channel = `coffeehouse:${this.clusterId}:presence:${documentId}`
    const send = (kind: number, write: (encoder: encoding.Encoder) => void = () => undefined) => {
      const encoder = encoding.createEncoder()
      encoding.writeVarUint(encoder, kind)
      encoding.writeVarString(encoder, this.node)
      write(encoder)
      this.bus.publish(channel, encoding.toUint8Array(encoder))
    }
    const sendUpdate = (update: Uint8Array) => send(UPDATE, (encoder) => encoding.writeVarUint8Array(encoder, update))
    const answer = () => {
      const all = presence.describeAll()
      if (all) sendUpdate(all)
    }
    let left = false
    const stop = this.bus.subscribe(channel, (message) => {
      try {
        const decoder = decoding.createDecoder(message)
        const kind = decoding.readVarUint(decoder)
        if (decoding.readVarString(decoder) === this.node) return
        if (kind === ASK_ALL) answer()
        else if (kind === UPDATE) presence.receive(decoding.readVarUint8Array(decoder))
        else if (kind === SERVER_FIELD) presence.receiveServerField(decoding.readVarString(decoder), JSON.parse(decoding.readVarString(decoder)))
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
      publish: sendUpdate,
      publishServerField: (field, value) =>
        send(SERVER_FIELD, (encoder) => {
          encoding.writeVarString(encoder, field)
          encoding.writeVarString(encoder, JSON.stringify(value))
        }),
      leave: () => {
        left = true
        stopHearingOfReconnects()
        void stop.then((unsubscribe) => unsubscribe(), () => undefined)
      },
    }
  }
}
