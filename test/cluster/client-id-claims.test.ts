import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { CloseCode } from '../../model/protocol'
import { DOCUMENT_FRAGMENT } from '../../model/schema/extensions'
import { encodeSyncUpdate } from '../../server/collab/server-frames'
import { MANIFESTO_ID } from '../../server/documents/manifesto'
import { signUpMaintainer } from '../support/accounts'
import { connectClient, textOf } from '../support/clients'
import { startCluster } from '../support/cluster'
import { until } from '../support/events'
import { clusterAvailable } from '../support/postgres'
import { openRawSocket } from '../support/raw-socket'

/** A paragraph written under `clientId`, as an update to the document as `base` holds it. */
function paragraphUnder(base: Y.Doc, clientId: number, text: string): Uint8Array {
  const doc = new Y.Doc()
  doc.clientID = clientId
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(base))
  const before = Y.encodeStateVector(doc)
  const paragraph = new Y.XmlElement('paragraph')
  paragraph.insert(0, [new Y.XmlText(text)])
  doc.getXmlFragment(DOCUMENT_FRAGMENT).push([paragraph])
  return Y.encodeStateAsUpdate(doc, before)
}

describe.runIf(clusterAvailable)('client ids across servers', () => {
  it('lets only one of two people writing under one client id on two servers at once keep it, and every server ends the same', async () => {
    const { nodes } = await startCluster(2)
    const ada = await signUpMaintainer(nodes[0]!, 'ada')
    const bao = await signUpMaintainer(nodes[1]!, 'bao')
    const reader = connectClient(nodes[0]!, MANIFESTO_ID)
    await reader.synced()
    const sockets = [openRawSocket(nodes[0]!.collabUrl, MANIFESTO_ID, ada.cookie), openRawSocket(nodes[1]!.collabUrl, MANIFESTO_ID, bao.cookie)]
    await Promise.all(sockets.map((socket) => socket.joined))
    const clientId = 0x5eed
    sockets[0]!.socket.send(encodeSyncUpdate(paragraphUnder(reader.doc, clientId, 'Ada under the shared id.')))
    sockets[1]!.socket.send(encodeSyncUpdate(paragraphUnder(reader.doc, clientId, 'Bao under the shared id.')))

    const refused = await Promise.race(sockets.map((socket, index) => socket.closed.then(({ code }) => ({ code, index }))))
    expect(refused.code).toBe(CloseCode.clientIdTaken)
    const kept = refused.index === 0 ? 'Bao under the shared id.' : 'Ada under the shared id.'
    const readers = [reader, connectClient(nodes[1]!, MANIFESTO_ID)]
    await until(() => readers.every((each) => textOf(each.doc).includes(kept)), readers.map((each) => each.doc), 'update', 'the kept paragraph everywhere')
    for (const each of readers) expect(textOf(each.doc)).not.toContain(refused.index === 0 ? 'Ada under' : 'Bao under')
  })
})
