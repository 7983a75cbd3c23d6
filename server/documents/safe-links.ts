/**
 * Links as exports write them. The document may hold a link with any address (a client can
 * send one over the websocket), so an export keeps a link only when its address is http,
 * https or mailto (model/schema/link-href.ts) and writes the rest as plain text.
 *
 * A kept address is also written so that it cannot end a Markdown link early: "https://a.b/x)"
 * followed by "[y](javascript:...)" would otherwise become a second link, and a space or "<"
 * could start raw HTML. Percent-encoding those characters leaves the address meaning the same.
 */
import type { Node as ProseMirrorNode } from '@tiptap/pm/model'
import { Transform } from '@tiptap/pm/transform'
import { isAllowedHref } from '../../model/schema/link-href'

/** Everything that can end or break out of a Markdown link destination, or an HTML attribute. */
const UNSAFE_IN_DESTINATION = /[\s()[\]<>"'`\\]/g

/** encodeURIComponent leaves ( ) ' alone, and those are the ones that matter here. */
const percentEncode = (character: string) =>
  character.charCodeAt(0) < 0x80 ? `%${character.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}` : encodeURIComponent(character)

/** The address to export for a link to `href`, or null when the link must be left out. */
export function exportedHref(href: unknown): string | null {
  if (!isAllowedHref(href)) return null
  return new URL(href).href.replace(UNSAFE_IN_DESTINATION, percentEncode)
}

/** `content` with every link's address made safe to export, and links to anything else made plain text. */
export function withSafeLinks(content: ProseMirrorNode): ProseMirrorNode {
  const link = content.type.schema.marks.link
  if (!link) return content
  const transform = new Transform(content)
  content.descendants((node, position) => {
    const mark = node.isText ? link.isInSet(node.marks) : undefined
    if (!mark) return
    const href = exportedHref(mark.attrs.href)
    if (href === mark.attrs.href) return
    const end = position + node.nodeSize
    transform.removeMark(position, end, link)
    if (href !== null) transform.addMark(position, end, link.create({ ...mark.attrs, href }))
  })
  return transform.doc
}
