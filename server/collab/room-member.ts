/**
 * What a room knows of the connections in it (room.ts): how to reach one, what became of the
 * updates it sent, and the origin that a client's update is applied with.
 */
import type { ConnectionInfo } from './hooks'
import type { Provenance } from './provenance'
import type { StructSection } from './update-encoding'

/** What a room needs of a connection. */
export interface RoomMember {
  readonly info: ConnectionInfo
  send(frame: Uint8Array): void
  /** Closes the member for an update the room refused after holding it (held-updates.ts). */
  refuse(error: unknown): void
}

/** What became of updates handed to the room together (Room.applyClientUpdates). */
export interface AppliedUpdates {
  /** For each update applied, in order: resolves once it is stored. */
  readonly stored: readonly Promise<void>[]
  /** Why the update after those was refused (the rest were not tried), or null. */
  readonly refusal: unknown
  /** The update after those, and the rest, to hand in again once `ready` resolves (CheckLater); or null. */
  readonly later: { ready: Promise<void>; updates: readonly Uint8Array[] } | null
}

/** The transaction origin of a client's update: lets the room find the sender, and what its check wrote. */
export class ClientUpdate implements Provenance {
  readonly stored: Promise<void>[] = []
  readonly author: string | null
  constructor(
    readonly sender: RoomMember,
    readonly time: number,
    /** The checked structs the document lacked (CheckedUpdate.structSection). */
    readonly structSection: StructSection,
  ) {
    this.author = sender.info.user
  }
}
