/**
 * Reading suggestion stamps off ProseMirror marks and nodes (suggestion-model.ts says what
 * each one means). Shared by suggesting mode in the editor and by decisions on the server.
 */
import type { Mark, Node as ProseMirrorNode } from '@tiptap/pm/model'
import {
  DELETION,
  FORMAT_CHANGE,
  INSERTION,
  isBlockSuggestion,
  isSuggestionStamp,
  SUGGESTION_ATTRIBUTE,
  type BlockSuggestion,
  type FormatChangeAttrs,
  type SuggestionStamp,
} from './suggestion-model'

export function insertionOf(marks: readonly Mark[]): SuggestionStamp | null {
  return stampOf(marks.find((mark) => mark.type.name === INSERTION))
}

export function deletionsOf(marks: readonly Mark[]): SuggestionStamp[] {
  return marks.filter((mark) => mark.type.name === DELETION).flatMap((mark) => stampOf(mark) ?? [])
}

/** The first format change on the text; formatChangesOf has them all. */
/** Every format change on the text: several people may have changed the formatting of the same words. */
export function formatChangesOf(marks: readonly Mark[]): FormatChangeAttrs[] {
  return marks.filter((mark) => mark.type.name === FORMAT_CHANGE && isSuggestionStamp(mark.attrs)).map((mark) => mark.attrs as FormatChangeAttrs)
}

export function blockSuggestionOf(node: ProseMirrorNode): BlockSuggestion | null {
  const value: unknown = node.attrs[SUGGESTION_ATTRIBUTE]
  return isBlockSuggestion(value) ? value : null
}

/** Can this node carry a block suggestion? */
export function isSuggestible(node: ProseMirrorNode): boolean {
  return SUGGESTION_ATTRIBUTE in node.attrs
}

/** The stamp alone, without a suggestion's other attributes. */
export function stampOnly(stamp: SuggestionStamp): SuggestionStamp {
  return { id: stamp.id, author: stamp.author, createdAt: stamp.createdAt }
}

function stampOf(mark: Mark | undefined): SuggestionStamp | null {
  return mark && isSuggestionStamp(mark.attrs) ? stampOnly(mark.attrs) : null
}
