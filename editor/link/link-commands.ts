/** Setting and removing links, with the choices a person would expect for each kind of selection. */
import { type Editor, getMarkRange } from '@tiptap/core'

/** The text shown for a bare address: "ana@example.org" rather than "mailto:ana@example.org". */
function linkText(href: string): string {
  return href.replace(/^mailto:/, '')
}

function linkedText(href: string) {
  return { type: 'text', text: linkText(href), marks: [{ type: 'link', attrs: { href } }] }
}

/**
 * Inside a link: change the whole link, and its text too when the text was just the old
 * address. With text selected: link it. With no text selected: insert the address itself as
 * linked text, followed by a space, because the link mark is inclusive (autolink) and
 * whatever is typed next would otherwise join the link.
 */
export function applyLink(editor: Editor, href: string): boolean {
  const { state } = editor
  if (editor.isActive('link')) {
    const oldHref = currentHref(editor)
    const range = getMarkRange(state.selection.$from, state.schema.marks.link!)
    if (oldHref && range && state.doc.textBetween(range.from, range.to) === linkText(oldHref)) {
      return editor.chain().focus().insertContentAt(range, linkedText(href)).run()
    }
    return editor.chain().focus().extendMarkRange('link').setLink({ href }).run()
  }
  const { from, to } = state.selection
  // A selection holding no text (a double-click between blocks) has nothing to link: insert at its start.
  if (state.doc.textBetween(from, to) === '') {
    return editor.chain().focus().insertContentAt(from, [linkedText(href), { type: 'text', text: ' ' }]).run()
  }
  return editor.chain().focus().setLink({ href }).run()
}

export function removeLink(editor: Editor): boolean {
  return editor.chain().focus().extendMarkRange('link').unsetLink().run()
}

/** The address of the link around the cursor, if any. */
export function currentHref(editor: Editor): string | null {
  const href: unknown = editor.getAttributes('link').href
  return typeof href === 'string' ? href : null
}
