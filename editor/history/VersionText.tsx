/**
 * A version's text, read-only, drawn by Tiptap with the document's own schema, so it looks exactly
 * as the document does. `extensions` add to the schema (the comparison's change marks); a new
 * array builds a new editor, so callers keep it stable.
 */
import type { Extensions } from '@tiptap/core'
import { EditorContent, useEditor } from '@tiptap/react'
import { useEffect } from 'react'
import type { VersionContent } from '../http/history'
import { documentExtensions } from '../schema/extensions'
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
      extensions: [...documentExtensions(), ...extensions],
      content,
      editorProps: { attributes: { class: 'prose', role: 'document', 'aria-label': label, 'aria-readonly': 'true' } },
    },
    [extensions],
  )
  // Moving along the timeline swaps the text in the same editor rather than building a new one.
  useEffect(() => {
    if (!editor.isDestroyed) editor.commands.setContent(content, { emitUpdate: false })
  }, [editor, content])
  useEffect(() => {
    editor.view.dom.setAttribute('aria-label', label)
  }, [editor, label])
  return (
    <article className="document-sheet version-sheet" data-testid={testId}>
      <EditorContent editor={editor} />
    </article>
  )
}
