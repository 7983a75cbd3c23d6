/**
 * Where Yjs client ids are bound to people when several nodes serve one document. Each node binds
 * a client id to whoever first writes under it (attribution-extension.ts); two nodes could each
 * take a first writer for the same id at the same moment, and then hold two different changes
 * under one id and clock, which Yjs never reconciles: their copies would differ for good. So the
 * first write under an id that a node has not seen bound is claimed here first, and the first
 * claim wins on every node.
 */
export interface ClientIdClaims {
  /** Binds `clientId` in the document to `person` unless someone holds it; resolves with whoever holds it. */
  claim(documentId: string, clientId: number, person: string): Promise<string>
}
