/** Creates the documents every install starts with. */
import { DocumentExistsError, type Store } from '../storage/store'
import { initialChange, type DocumentModel } from './content'
import { MANIFESTO_CONTENT, MANIFESTO_ID, MANIFESTO_TITLE } from './manifesto'

export async function createStarterDocuments(store: Store, model: DocumentModel): Promise<void> {
  if (await store.getDocument(MANIFESTO_ID)) return
  const created = store.createDocument(
    {
      id: MANIFESTO_ID,
      title: MANIFESTO_TITLE,
      // Anyone reads it; anyone who signs up may contribute. The first account (the admin) maintains it.
      access: { visibility: 'public', openToContributions: true, members: {}, blocked: [] },
    },
    initialChange(model, MANIFESTO_CONTENT, Date.now()),
  )
  // Several servers starting on one new database at once: one of them creates it.
  await created.catch((error: unknown) => {
    if (!(error instanceof DocumentExistsError)) throw error
  })
}

/** A new document starts with one empty paragraph, so two first visitors cannot both create one. */
export const EMPTY_DOCUMENT = { type: 'doc', content: [{ type: 'paragraph' }] }
