/**
 * What the toolbar shows, read from the editor in one pass per transaction. useEditorState
 * compares the result and re-renders the toolbar only when one of these values changes.
 */
import type { Editor } from '@tiptap/core'

export type BlockType = 'paragraph' | 'heading1' | 'heading2' | 'heading3' | 'other'

export interface ToolbarState {
  readonly editable: boolean
  readonly block: BlockType
  readonly bold: boolean
  readonly italic: boolean
  readonly bulletList: boolean
  readonly orderedList: boolean
  readonly blockquote: boolean
  readonly link: boolean
  readonly canUndo: boolean
  readonly canRedo: boolean
}

function blockType(editor: Editor): BlockType {
  if (editor.isActive('paragraph')) return 'paragraph'
  for (const level of [1, 2, 3] as const) {
    if (editor.isActive('heading', { level })) return `heading${level}`
  }
  return 'other'
}

export function selectToolbarState({ editor }: { editor: Editor }): ToolbarState {
  return {
    editable: editor.isEditable,
    block: blockType(editor),
    bold: editor.isActive('bold'),
    italic: editor.isActive('italic'),
    bulletList: editor.isActive('bulletList'),
    orderedList: editor.isActive('orderedList'),
    blockquote: editor.isActive('blockquote'),
    link: editor.isActive('link'),
    canUndo: editor.can().undo(),
    canRedo: editor.can().redo(),
  }
}
