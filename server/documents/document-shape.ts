/**
 * The document schema as rules for Yjs content, in the form the editor's binding (y-tiptap)
 * writes it: each ProseMirror node is a Y.XmlElement named after its type, with its attributes
 * as the element's attributes; the text of a block is a Y.XmlText whose formatting attributes
 * are the marks. The sync core asks these rules about every item an update adds
 * (server/collab/update-check.ts), and the reading of a document uses them to skip what an
 * older, unchecked update left behind (unrenderable.ts).
 *
 * What is checked: kinds of content (no plain values, maps, texts or fragments where
 * elements belong, no embeds in text), element names, which element types may sit in which
 * (the types a node's content expression names at all), attribute names and values, mark names
 * and mark attributes (a link goes only to an http, https or mailto address). What is not: order
 * and counts within a node's content ("a list item starts with a paragraph"). Two edits that are each valid can break those when they merge,
 * so refusing them would refuse people's ordinary concurrent work; and which types may sit in
 * which can never be broken by a merge, because Yjs never moves an item to another parent.
 */
import type { MarkType, NodeType, Schema } from '@tiptap/pm/model'
import * as Y from 'yjs'
import { FORMAT_CHANGE, isBlockSuggestion, isSuggestionStamp, SUGGESTION_ATTRIBUTE, SUGGESTION_MARKS } from '../../model/schema/suggestion-model'
import { isAllowedHref } from '../../model/schema/link-href'
import type { ContentShape, ItemPlace } from '../collab/content-shape'

/** Longer than any real URL or title attribute, short enough that one attribute cannot hold a book. */
const MAX_ATTRIBUTE_STRING = 8192

/** y-tiptap names a mark that may overlap itself `name--<8 characters of a hash>`. */
const HASHED_MARK_NAME = /^(.*)--[a-zA-Z0-9+/=]{8}$/

type Check = (value: unknown) => boolean

const isScalar: Check = (value) =>
  value === null ||
  typeof value === 'boolean' ||
  (typeof value === 'number' && Number.isFinite(value)) ||
  (typeof value === 'string' && value.length <= MAX_ATTRIBUTE_STRING)

const isInteger = (min: number, max: number): Check => (value) => Number.isInteger(value) && (value as number) >= min && (value as number) <= max

/** Values that the editor puts into markup (a tag name, a class) get narrow checks of their own. */
const NODE_ATTRIBUTES: Record<string, Record<string, Check>> = {
  heading: { level: isInteger(1, 6) },
  orderedList: { start: isInteger(-1_000_000, 1_000_000), type: (value) => value === null || (typeof value === 'string' && /^[1aAiI]?$/.test(value)) },
  codeBlock: { language: (value) => value === null || (typeof value === 'string' && /^[\w#+.-]{0,64}$/.test(value)) },
}

/** Only addresses the editor links to (web pages and email): a javascript: link is refused, not stored. */
const isLinkAddress: Check = (value) => value === null || (isAllowedHref(value) && value.length <= MAX_ATTRIBUTE_STRING)

const isMarkJSONList: Check = (value) =>
  Array.isArray(value) &&
  value.every((mark) => typeof mark === 'object' && mark !== null && typeof (mark as { type?: unknown }).type === 'string')

export function documentShape(schema: Schema, roots: readonly string[]): ContentShape {
  const top = childTypesOf(schema.topNodeType)
  const children = new Map<string, ReadonlySet<string>>()
  for (const type of Object.values(schema.nodes)) children.set(type.name, childTypesOf(type))

  const refuseInContainer = (item: Y.Item, allowed: ReadonlySet<string>, where: string): string | null => {
    const { content } = item
    if (content instanceof Y.ContentType) {
      const type = content.type
      if (type instanceof Y.XmlElement) {
        if (!schema.nodes[type.nodeName] || type.nodeName === schema.topNodeType.name) return `there is no node type "${clip(type.nodeName)}"`
        return allowed.has(type.nodeName) ? null : `a ${type.nodeName} may not be placed in ${where}`
      }
      if (type instanceof Y.XmlText) return allowed.has('text') ? null : `text may not be placed directly in ${where}`
    }
    return `${kindOf(item)} may not be placed in ${where}`
  }

  const refuseAttribute = (item: Y.Item, nodeType: NodeType, key: string): string | null => {
    if (!Object.hasOwn(nodeType.spec.attrs ?? {}, key)) return `a ${nodeType.name} has no attribute "${clip(key)}"`
    const values = item.content instanceof Y.ContentAny ? item.content.getContent() : null
    if (values?.length !== 1) return `the attribute "${key}" of a ${nodeType.name} must be one plain value`
    const check = key === SUGGESTION_ATTRIBUTE ? isBlockSuggestionOrNull : (NODE_ATTRIBUTES[nodeType.name]?.[key] ?? isScalar)
    return check(values[0]) ? null : `the attribute "${key}" of a ${nodeType.name} has a value it may not have`
  }

  const refuseInText = (item: Y.Item, parentSub: string | null): string | null => {
    if (parentSub !== null) return 'text has no attributes'
    const { content } = item
    if (content instanceof Y.ContentString) return null
    if (!(content instanceof Y.ContentFormat)) return `${kindOf(item)} may not be placed in text`
    const name = HASHED_MARK_NAME.exec(content.key)?.[1] ?? content.key
    const markType = schema.marks[name]
    if (!markType) return `there is no mark "${clip(name)}"`
    return content.value === null || isMarkAttributes(markType, content.value) ? null : `the ${name} mark has attributes it may not have`
  }

  return {
    roots: new Set(roots),
    refusal(item, place) {
      if (item.content instanceof Y.ContentDeleted) return null
      if ('root' in place) {
        if (place.key !== null) return 'the document has no attributes'
        return refuseInContainer(item, top, 'the document itself')
      }
      const { type } = place
      if (type instanceof Y.XmlElement) {
        const nodeType = schema.nodes[type.nodeName]
        if (!nodeType) return `there is no node type "${clip(type.nodeName)}"`
        if (place.key !== null) return refuseAttribute(item, nodeType, place.key)
        return refuseInContainer(item, children.get(nodeType.name) ?? new Set(), `a ${nodeType.name}`)
      }
      if (type instanceof Y.XmlText) return refuseInText(item, place.key)
      return 'the document holds nothing inside this kind of shared type'
    },
  }
}

/** The names of every node type that may appear anywhere in `type`'s content. */
function childTypesOf(type: NodeType): ReadonlySet<string> {
  const names = new Set<string>()
  const seen = new Set([type.contentMatch])
  const queue = [type.contentMatch]
  for (let match = queue.pop(); match; match = queue.pop()) {
    for (let i = 0; i < match.edgeCount; i++) {
      const edge = match.edge(i)
      names.add(edge.type.name)
      if (!seen.has(edge.next)) {
        seen.add(edge.next)
        queue.push(edge.next)
      }
    }
  }
  return names
}

const isBlockSuggestionOrNull: Check = (value) => value === null || isBlockSuggestion(value)

function isMarkAttributes(markType: MarkType, value: unknown): boolean {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false
  for (const [key, attribute] of Object.entries(value)) {
    if (!Object.hasOwn(markType.spec.attrs ?? {}, key)) return false
    const check =
      markType.name === FORMAT_CHANGE && (key === 'added' || key === 'removed')
        ? isMarkJSONList
        : markType.name === 'link' && key === 'href'
          ? isLinkAddress
          : isScalar
    if (!check(attribute)) return false
  }
  // The suggestion marks are read as stamps; one without its id, author and time cannot be reviewed.
  return !SUGGESTION_MARKS.includes(markType.name) || isSuggestionStamp(value)
}

function kindOf(item: Y.Item): string {
  const { content } = item
  if (content instanceof Y.ContentType) {
    const type = content.type
    if (type instanceof Y.XmlFragment && !(type instanceof Y.XmlElement)) return 'a nested fragment'
    if (type instanceof Y.Text) return 'a shared text'
    if (type instanceof Y.Map) return 'a shared map'
    if (type instanceof Y.Array) return 'a shared array'
    return 'a shared type'
  }
  if (content instanceof Y.ContentString) return 'a plain string'
  if (content instanceof Y.ContentEmbed) return 'an embedded value'
  if (content instanceof Y.ContentFormat) return 'formatting'
  if (content instanceof Y.ContentBinary) return 'binary content'
  if (content instanceof Y.ContentJSON || content instanceof Y.ContentAny) return 'a plain value'
  return 'unknown content'
}

/** Names come from the update: quoted in a close reason, they must stay short. */
function clip(name: string): string {
  return name.length > 40 ? `${name.slice(0, 40)}…` : name
}
