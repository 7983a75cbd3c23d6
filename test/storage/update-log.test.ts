import { constants } from 'node:fs'
import { appendFile, readdir, readFile, readlink, stat, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { decodeRecords, encodeRecord, RECORD_HEADER_BYTES } from '../../server/storage/records'
import { UpdateLog, type LogWarning } from '../../server/storage/update-log'
import { makeDataDir } from '../support/server'

const bytes = (...values: number[]) => new Uint8Array(values)

async function openLog(directory: string) {
  const warnings: LogWarning[] = []
  const opened = await UpdateLog.open(directory, { warn: (warning) => warnings.push(warning) })
  const { log, snapshot, records } = opened
  return { log, snapshot, updates: records, warnings }
}

describe('the update log', () => {
  it('returns appended updates in order after reopening', async () => {
    const directory = await makeDataDir()
    const { log } = await openLog(directory)
    await Promise.all([log.append(bytes(1)), log.append(bytes(2, 2)), log.append(bytes(3, 3, 3))])
    await log.close()
    const { log: reopened, updates } = await openLog(directory)
    await reopened.close()
    expect(updates).toEqual([bytes(1), bytes(2, 2), bytes(3, 3, 3)])
  })

  it('recovers from a torn final record and keeps everything before it', async () => {
    const directory = await makeDataDir()
    const { log } = await openLog(directory)
    await log.append(bytes(1, 1))
    await log.append(bytes(2, 2))
    await log.close()
    const file = path.join(directory, 'log-0.bin')
    // A crash in the middle of writing a third record: its header and half its payload.
    await appendFile(file, encodeRecord(bytes(3, 3, 3, 3)).subarray(0, RECORD_HEADER_BYTES + 2))

    const { log: recovered, updates, warnings } = await openLog(directory)
    expect(updates).toEqual([bytes(1, 1), bytes(2, 2)])
    expect(warnings).toHaveLength(1)
    expect(warnings[0]?.discardedBytes).toBe(RECORD_HEADER_BYTES + 2)
    // Appends continue after the last intact record, not after the garbage.
    await recovered.append(bytes(4))
    await recovered.close()
    const { log: again, updates: after, warnings: none } = await openLog(directory)
    await again.close()
    expect(after).toEqual([bytes(1, 1), bytes(2, 2), bytes(4)])
    expect(none).toHaveLength(0)
    expect((await readdir(directory)).some((name) => name.startsWith('log-0.bin.torn-'))).toBe(true)
  })

  it('stops at a record whose checksum does not match', async () => {
    const directory = await makeDataDir()
    const { log } = await openLog(directory)
    await log.append(bytes(1, 1))
    await log.append(bytes(2, 2))
    await log.close()
    const file = path.join(directory, 'log-0.bin')
    const content = await readFile(file)
    content.writeUInt8(content.readUInt8(content.length - 1) ^ 0xff, content.length - 1)
    await writeFile(file, content)
    const { log: recovered, updates } = await openLog(directory)
    await recovered.close()
    expect(updates).toEqual([bytes(1, 1)])
  })

  it('treats a header cut short as a torn tail', async () => {
    const directory = await makeDataDir()
    const { log } = await openLog(directory)
    await log.append(bytes(7))
    await log.close()
    const file = path.join(directory, 'log-0.bin')
    await appendFile(file, Buffer.from([5, 0, 0]))
    const { log: recovered, updates } = await openLog(directory)
    await recovered.close()
    expect(updates).toEqual([bytes(7)])
    expect((await stat(file)).size).toBe(RECORD_HEADER_BYTES + 1)
  })

  it('folds the log into a snapshot and keeps appending after it', async () => {
    const directory = await makeDataDir()
    const { log } = await openLog(directory)
    await log.append(bytes(1))
    await log.compact(() => bytes(9, 9))
    await log.append(bytes(2))
    await log.close()
    expect((await readdir(directory)).sort()).toEqual(['log-1.bin', 'snapshot-1.bin'])
    const { log: reopened, snapshot, updates } = await openLog(directory)
    await reopened.close()
    expect(snapshot).toEqual(bytes(9, 9))
    expect(updates).toEqual([bytes(2)])
  })

  it('loads every log after a compaction that crashed before its snapshot was written', async () => {
    const directory = await makeDataDir()
    const { log } = await openLog(directory)
    await log.append(bytes(1))
    await log.close()
    // What a crash leaves behind after the new log was created and written to, but
    // before the new snapshot was renamed into place.
    await writeFile(path.join(directory, 'log-1.bin'), encodeRecord(bytes(2)))
    await writeFile(path.join(directory, 'snapshot-1.bin.123.tmp'), bytes(0))
    const { log: reopened, updates } = await openLog(directory)
    await reopened.close()
    expect(updates).toEqual([bytes(1), bytes(2)])
    expect((await readdir(directory)).sort()).toEqual(['log-0.bin', 'log-1.bin'])
  })

  // Without O_DSYNC, a write alone would resolve an append before its record is on disk.
  it.runIf(process.platform === 'linux')('opens its file so that each write is on disk when it returns, after a compaction too', async () => {
    const directory = await makeDataDir()
    const { log } = await openLog(directory)
    await log.append(bytes(1))
    expect(await openFlagsOf(path.join(directory, 'log-0.bin'))).toSatisfy((flags: number) => (flags & constants.O_DSYNC) === constants.O_DSYNC)
    await log.compact(() => bytes(9))
    expect(await openFlagsOf(path.join(directory, 'log-1.bin'))).toSatisfy((flags: number) => (flags & constants.O_DSYNC) === constants.O_DSYNC)
    await log.close()
  })

  it('rejects appends after it is closed', async () => {
    const directory = await makeDataDir()
    const { log } = await openLog(directory)
    await log.close()
    await expect(log.append(bytes(1))).rejects.toThrow(/closed/)
  })
})

describe('record framing', () => {
  it('round-trips payloads and reports a clean end', () => {
    const encoded = Buffer.concat([encodeRecord(bytes(1, 2, 3)), encodeRecord(bytes())])
    expect(decodeRecords(encoded)).toEqual({ payloads: [bytes(1, 2, 3), bytes()], intactBytes: encoded.length, torn: false })
  })

  it('reports a record whose length runs past the end as torn', async () => {
    const record = encodeRecord(bytes(1, 2, 3))
    const decoded = decodeRecords(record.subarray(0, record.length - 1))
    expect(decoded).toEqual({ payloads: [], intactBytes: 0, torn: true })
  })
})

/** The flags this process opened `file` with, as Linux reports them (/proc/self/fdinfo, octal). */
async function openFlagsOf(file: string): Promise<number> {
  for (const fd of await readdir('/proc/self/fd')) {
    const target = await readlink(`/proc/self/fd/${fd}`).catch(() => null)
    if (target !== file) continue
    const flags = /^flags:\s+([0-7]+)$/m.exec(await readFile(`/proc/self/fdinfo/${fd}`, 'utf8'))?.[1]
    if (flags !== undefined) return parseInt(flags, 8)
  }
  throw new Error(`${file} is not open`)
}
