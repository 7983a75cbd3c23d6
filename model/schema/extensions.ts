/**
 * The document model, shared by the browser editor and the server.
 *
 * The server needs the same schema as the editor to read the Yjs document back
 * into ProseMirror (for export and for deciding on suggestions) and to check incoming
 * suggestions against it. Keep this file free of React and of anything that touches the DOM.
 */
import type { Extensions } from '@tiptap/core'
import Code from '@tiptap/extension-code'
import CodeBlock from '@tiptap/extension-code-block'
import StarterKit from '@tiptap/starter-kit'
import { isAllowedHref, LINK_PROTOCOLS } from './link-href'
import { BlockSuggestions, Deletion, FormatChange, Insertion } from './suggestion-marks'
import { DELETION, FORMAT_CHANGE, INSERTION } from './suggestion-model'

/** Tiptap's Collaboration extension keeps the document in this Y.XmlFragment. */
export const DOCUMENT_FRAGMENT = 'default'

/** The root types a client may create in a document; anything else is refused by the server. */
export const DOCUMENT_ROOTS: readonly string[] = [DOCUMENT_FRAGMENT]

const SUGGESTION_MARK_NAMES = `${INSERTION} ${DELETION} ${FORMAT_CHANGE}`

export function documentExtensions(): Extensions {
  return [
    StarterKit.configure({
      // Collaboration brings its own Yjs-aware undo; ProseMirror's history would undo other people's edits.
      undoRedo: false,
      // It appends a paragraph to any document that ends in a list, on load: a write by every
      // client that opens the document, refused for readers and doubled when two open it at once.
      trailingNode: false,
      link: {
        openOnClick: false,
        autolink: true,
        defaultProtocol: 'https',
        protocols: [...LINK_PROTOCOLS],
        // Tiptap's own check also lets through ftp:, tel:, relative addresses and more; a link
        // that arrives over the websocket with any address but ours renders without one.
        isAllowedUri: (url) => isAllowedHref(url),
      },
      // Both forbid the suggestion marks as they come; replaced below.
      code: false,
      codeBlock: false,
    }),
    // Inline code still excludes other formatting, but text in it can be suggested.
    Code.extend({ excludes: 'bold italic strike underline link' }),
    // A code block takes no formatting, but typing in it can be a suggestion.
    CodeBlock.extend({ marks: SUGGESTION_MARK_NAMES }),
    Insertion,
    Deletion,
    FormatChange,
    BlockSuggestions,
  ]
}
