/**
 * The extension that keeps authorship honest: every Yjs client id belongs to the
 * person whose connection first wrote under it (the attribution index records the
 * binding, and it is stored with the document). An update that writes under an id
 * bound to someone else, or to the server's own starter text, is refused before it
 * touches the document, and the connection is closed with 4409.
 *
 * Deletions need no check: they are attributed to whoever sent them.
 */
import { CollabError, type Extension } from '../collab/hooks'

export function attributionBinding(): Extension {
  return {
    name: 'attribution-binding',

    beforeApplyUpdate({ doc, attribution, update, connection }) {
      for (const client of update.writers) {
        if (!attribution.mayWrite(doc, client, connection.user)) {
          throw new CollabError('clientIdTaken', `client id ${client} belongs to someone else: start a new session`)
        }
      }
    },
  }
}
