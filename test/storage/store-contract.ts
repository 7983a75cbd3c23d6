/**
 * What every Store adapter does (server/storage/store.ts), as one suite. An adapter joins with
 * one call, `describeStoreContract('the X store', xStorage)`, where `xStorage` makes fresh, empty
 * storage that stores can be opened over, one at a time (contract/fixture.ts).
 */
import { contentContract } from './contract/content'
import { documentsContract } from './contract/documents'
import { starter, type MakeStorage } from './contract/fixture'
import { idsAndRestartsContract } from './contract/ids-and-restarts'
import { recordsContract } from './contract/records'

export type { MakeStorage, StorageUnderTest } from './contract/fixture'

export function describeStoreContract(name: string, makeStorage: MakeStorage): void {
  const start = starter(makeStorage)
  documentsContract(name, start)
  contentContract(name, start)
  recordsContract(name, start)
  idsAndRestartsContract(name, start)
}
