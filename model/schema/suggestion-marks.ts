/**
 * The suggestion marks and the block attribute of suggestion-model.ts, as Tiptap
 * extensions. They render as <ins>, <del> and a span, carrying the suggestion id and its
 * author, so the editor can tint them in the author's colour and find them on click.
 */
import { Extension, Mark, mergeAttributes } from '@tiptap/core'
import { DELETION, FORMAT_CHANGE, INSERTION, isBlockSuggestion, SUGGESTION_ATTRIBUTE, type SuggestionStamp } from './suggestion-model'
import { blockTypeName } from './suggestion-retype'

// Not rendered as they are: renderStamp writes the data attributes the editor reads.
const stampAttributes = {
  id: { default: null, rendered: false },
  author: { default: null, rendered: false },
  createdAt: { default: null, rendered: false },
}

function renderStamp(attrs: Record<string, unknown>, kind: string): Record<string, string> {
  const { id, author } = attrs as Partial<SuggestionStamp>
  return {
    class: `suggestion suggestion--${kind}`,
    'data-suggestion': id ?? '',
    'data-suggestion-author': author ?? '',
  }
}

export const Insertion = Mark.create({
  name: INSERTION,
  // Typing next to someone's suggestion must not silently extend it: suggesting mode decides.
  inclusive: false,
  spanning: true,
  addAttributes: () => stampAttributes,
  parseHTML: () => [{ tag: 'ins[data-suggestion]' }],
  renderHTML: ({ mark, HTMLAttributes }) => ['ins', mergeAttributes(HTMLAttributes, renderStamp(mark.attrs, 'insertion')), 0],
})

export const Deletion = Mark.create({
  name: DELETION,
  inclusive: false,
  spanning: true,
  // Two people may propose removing the same words; each proposal is its own mark.
  excludes: '',
  addAttributes: () => stampAttributes,
  parseHTML: () => [{ tag: 'del[data-suggestion]' }],
  renderHTML: ({ mark, HTMLAttributes }) => ['del', mergeAttributes(HTMLAttributes, renderStamp(mark.attrs, 'deletion')), 0],
})

export const FormatChange = Mark.create({
  name: FORMAT_CHANGE,
  inclusive: false,
  spanning: true,
  // Two people may change the formatting of the same words at once: each keeps their own record
  // of what they added and removed, or Yjs keeps only one and the other's change goes untracked.
  excludes: '',
  addAttributes: () => ({ ...stampAttributes, added: { default: [], rendered: false }, removed: { default: [], rendered: false } }),
  parseHTML: () => [{ tag: 'span[data-suggestion-format]' }],
  renderHTML: ({ mark, HTMLAttributes }) => [
    'span',
    mergeAttributes(HTMLAttributes, renderStamp(mark.attrs, 'format'), { 'data-suggestion-format': '' }),
    0,
  ],
})

/** Nodes whose boundary (or, for leaves, whose whole self) can be suggested. */
export const SUGGESTIBLE_NODES = [
  'paragraph',
  'heading',
  'blockquote',
  'bulletList',
  'orderedList',
  'listItem',
  'codeBlock',
  'horizontalRule',
  'hardBreak',
]

export const BlockSuggestions = Extension.create({
  name: 'blockSuggestions',
  addGlobalAttributes: () => [
    {
      types: SUGGESTIBLE_NODES,
      attributes: {
        [SUGGESTION_ATTRIBUTE]: {
          default: null,
          // A block split off a suggested block is not itself suggested: suggesting mode stamps what it makes.
          keepOnSplit: false,
          parseHTML: (element) => parseJSONAttribute(element.getAttribute('data-block-suggestion')),
          renderHTML: (attributes) => {
            const value: unknown = attributes[SUGGESTION_ATTRIBUTE]
            if (!isBlockSuggestion(value)) return {}
            return {
              'data-block-suggestion': JSON.stringify(value),
              'data-suggestion': value.id,
              'data-suggestion-author': value.author,
              'data-suggestion-change': value.change,
              ...(value.change === 'retype' ? { title: `Suggested change of type, from ${blockTypeName(value.from)}` } : {}),
            }
          },
        },
      },
    },
  ],
})

function parseJSONAttribute(value: string | null): unknown {
  if (value === null) return null
  try {
    return JSON.parse(value) as unknown
  } catch {
    return null
  }
}
