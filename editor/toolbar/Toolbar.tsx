/**
 * The formatting toolbar. Every button mirrors a keyboard shortcut that works without it,
 * and shows that shortcut in its tooltip so people learn the faster way.
 */
import type { Editor } from '@tiptap/core'
import { useEditorState } from '@tiptap/react'
import { useMemo, useRef } from 'react'
import {
  BoldIcon,
  BulletListIcon,
  ItalicIcon,
  LinkIcon,
  NumberedListIcon,
  ParagraphIcon,
  QuoteIcon,
  RedoIcon,
  UndoIcon,
} from '../ui/icons'
import { detectPlatform } from './shortcuts'
import { ToolbarButton } from './ToolbarButton'
import { selectToolbarState } from './toolbar-state'
import { useRovingFocus } from './use-roving-focus'
import './toolbar.css'

interface ToolbarProps {
  readonly editor: Editor
  readonly onOpenLinkForm: () => void
}

const HEADINGS = [1, 2, 3] as const

function HeadingIcon({ level }: { level: number }) {
  return (
    <span className="toolbar__text-icon" aria-hidden="true">
      H<sub>{level}</sub>
    </span>
  )
}

export function Toolbar({ editor, onOpenLinkForm }: ToolbarProps) {
  const state = useEditorState({ editor, selector: selectToolbarState })
  const platform = useMemo(() => detectPlatform(window.navigator), [])
  const toolbarRef = useRef<HTMLDivElement>(null)
  const { onKeyDown } = useRovingFocus(toolbarRef)
  const chain = () => editor.chain().focus()
  const readOnly = !state.editable

  return (
    <div
      ref={toolbarRef}
      className="toolbar"
      role="toolbar"
      aria-label="Formatting"
      data-testid="toolbar"
      onKeyDown={onKeyDown}
    >
      <div className="toolbar__group">
        <ToolbarButton label="Undo" shortcut="Mod-Z" platform={platform} icon={<UndoIcon />}
          disabled={readOnly || !state.canUndo} onPress={() => chain().undo().run()} />
        <ToolbarButton label="Redo" shortcut="Mod-Shift-Z" platform={platform} icon={<RedoIcon />}
          disabled={readOnly || !state.canRedo} onPress={() => chain().redo().run()} />
      </div>

      <div className="toolbar__group" role="group" aria-label="Text style">
        <ToolbarButton label="Paragraph" shortcut="Mod-Alt-0" platform={platform} icon={<ParagraphIcon />}
          active={state.block === 'paragraph'} disabled={readOnly} onPress={() => chain().setParagraph().run()} />
        {HEADINGS.map((level) => (
          <ToolbarButton key={level} label={`Heading ${level}`} shortcut={`Mod-Alt-${level}`} platform={platform}
            icon={<HeadingIcon level={level} />} active={state.block === `heading${level}`} disabled={readOnly}
            onPress={() => chain().toggleHeading({ level }).run()} />
        ))}
      </div>

      <div className="toolbar__group">
        <ToolbarButton label="Bold" shortcut="Mod-B" platform={platform} icon={<BoldIcon />}
          active={state.bold} disabled={readOnly} onPress={() => chain().toggleBold().run()} />
        <ToolbarButton label="Italic" shortcut="Mod-I" platform={platform} icon={<ItalicIcon />}
          active={state.italic} disabled={readOnly} onPress={() => chain().toggleItalic().run()} />
        <ToolbarButton label="Link" shortcut="Mod-K" platform={platform} icon={<LinkIcon />}
          active={state.link} disabled={readOnly} onPress={onOpenLinkForm} />
      </div>

      <div className="toolbar__group">
        <ToolbarButton label="Bulleted list" shortcut="Mod-Shift-8" platform={platform} icon={<BulletListIcon />}
          active={state.bulletList} disabled={readOnly} onPress={() => chain().toggleBulletList().run()} />
        <ToolbarButton label="Numbered list" shortcut="Mod-Shift-7" platform={platform} icon={<NumberedListIcon />}
          active={state.orderedList} disabled={readOnly} onPress={() => chain().toggleOrderedList().run()} />
        <ToolbarButton label="Blockquote" shortcut="Mod-Shift-B" platform={platform} icon={<QuoteIcon />}
          active={state.blockquote} disabled={readOnly} onPress={() => chain().toggleBlockquote().run()} />
      </div>
    </div>
  )
}
