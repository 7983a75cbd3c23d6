import { MemoryStorage, MemoryStore } from '../../server/storage/memory-store'
import { describeStoreContract, type MakeStorage } from './store-contract'

/** Stores opened one after another over the same MemoryStorage share its data, as a restart would. */
const memoryStorage: MakeStorage = async ({ now }) => {
  const storage = new MemoryStorage()
  return { open: async () => new MemoryStore({ storage, now }), remove: async () => {} }
}

describeStoreContract('the memory store', memoryStorage)
