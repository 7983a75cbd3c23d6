/**
 * Record framing for append-only files.
 *
 *   [u32 LE payload length][u32 LE CRC-32 of payload][payload]
 *
 * A crash can leave the last record half-written. The length and checksum let a
 * reader find exactly where intact data ends: everything before the first bad
 * record is kept, nothing after it is trusted.
 */
import { crc32 } from 'node:zlib'

export const RECORD_HEADER_BYTES = 8

export function encodeRecord(payload: Uint8Array): Buffer {
  return encodeRecords([payload])
}

/** Several records, one after another, in one buffer: a group commit's write allocates once, not once per keystroke. */
export function encodeRecords(payloads: readonly Uint8Array[]): Buffer {
  let length = 0
  for (const payload of payloads) length += RECORD_HEADER_BYTES + payload.length
  const records = Buffer.allocUnsafe(length)
  let offset = 0
  for (const payload of payloads) {
    records.writeUInt32LE(payload.length, offset)
    records.writeUInt32LE(crc32(payload), offset + 4)
    records.set(payload, offset + RECORD_HEADER_BYTES)
    offset += RECORD_HEADER_BYTES + payload.length
  }
  return records
}

export interface DecodedRecords {
  payloads: Uint8Array[]
  /** Bytes from the start that hold whole, verified records. */
  intactBytes: number
  /** True when bytes follow the last intact record: a torn or corrupt tail. */
  torn: boolean
}

export function decodeRecords(bytes: Uint8Array): DecodedRecords {
  const view = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const payloads: Uint8Array[] = []
  let offset = 0
  while (offset + RECORD_HEADER_BYTES <= view.length) {
    const length = view.readUInt32LE(offset)
    const checksum = view.readUInt32LE(offset + 4)
    const start = offset + RECORD_HEADER_BYTES
    if (start + length > view.length) break
    const payload = view.subarray(start, start + length)
    if (crc32(payload) !== checksum) break
    payloads.push(new Uint8Array(payload))
    offset = start + length
  }
  return { payloads, intactBytes: offset, torn: offset < view.length }
}
