/**
 * A version's text, read-only, drawn by Tiptap with the document's own schema, so it looks exactly
 * as the document does. `extensions` add to the schema (the comparison's change marks); a new
 * array builds a new editor, so callers keep it stable.
 */
import type { Extensions } from '@tiptap/core'
import { EditorContent, useEditor } from '@tiptap/react'
import { useEffect, useState } from 'react'
import type { VersionContent } from '../http/history'
import { documentExtensions } from '../../model/schema/extensions'
import { ProposedBreaks } from '../suggesting/proposed-breaks'
import { hasText } from './has-text'
import '../document/document-layout.css'
import '../document/prose.css'

interface VersionTextProps {
  readonly content: VersionContent
  /** The text's accessible name: "Text of version 12". */
  readonly label: string
  readonly extensions?: Extensions
  readonly testId?: string
}

const NO_EXTENSIONS: Extensions = []

export function VersionText({ content, label, extensions = NO_EXTENSIONS, testId = 'version-text' }: VersionTextProps) {
  const editor = useEditor(
    {
      editable: false,
      extensions: [...documentExtensions(), ProposedBreaks, ...extensions],
      editorProps: { attributes: { class: 'prose', role: 'document', 'aria-label': label, 'aria-readonly': 'true' } },
    },
    [extensions],
  )
  const [unreadable, setUnreadable] = useState(false)
  // Moving along the timeline swaps the text in the same editor rather than building a new one.
  useEffect(() => {
    if (editor.isDestroyed) return
    // Not Tiptap's strict check: it refuses a change mark in a code block, which the schema's code
    // blocks do not list but can draw. Tiptap shows an empty page for content it cannot read at
    // all, which would pass for "this version was empty": that case is told apart here.
    editor.commands.setContent(content, { emitUpdate: false })
    setUnreadable(editor.isEmpty && hasText(content))
  }, [editor, content])
  useEffect(() => {
    editor.view.dom.setAttribute('aria-label', label)
  }, [editor, label])
  return (
    <article className="document-sheet version-sheet" data-testid={testId}>
      {unreadable && (
        <p className="error-text" role="alert">
          This text holds something this version of Coffeehouse cannot show. Export it as Markdown or HTML to read it.
        </p>
      )}
      <EditorContent editor={editor} />
    </article>
  )
}
