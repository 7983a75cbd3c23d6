/**
 * Changes no editor makes: content the document's schema does not allow, written straight into
 * a client's Y.Doc with the Yjs API, as a hand-made update would carry it. Each was seen to be
 * accepted once, and to break export, review or every editor of the document afterwards.
 */
import * as Y from 'yjs'
import { DOCUMENT_FRAGMENT } from '../../model/schema/extensions'

export interface HostileChange {
  readonly name: string
  apply(doc: Y.Doc): void
}

const fragmentOf = (doc: Y.Doc) => doc.getXmlFragment(DOCUMENT_FRAGMENT)

const textIn = (paragraph: Y.XmlElement) => paragraph.toArray().find((node): node is Y.XmlText => node instanceof Y.XmlText)

/** The first paragraph of the document that has text. */
function firstParagraph(doc: Y.Doc): Y.XmlElement {
  const paragraph = fragmentOf(doc)
    .toArray()
    .find((node): node is Y.XmlElement => node instanceof Y.XmlElement && node.nodeName === 'paragraph' && textIn(node) !== undefined)
  if (!paragraph) throw new Error('the document has no paragraph with text')
  return paragraph
}

const textOfFirstParagraph = (doc: Y.Doc) => textIn(firstParagraph(doc))!

/** Y.Text's own insert, run on another type: it writes a plain string item (ContentString) into it. */
function insertRawString(type: Y.AbstractType<unknown>, text: string): void {
  ;(Y.Text.prototype.insert as (this: unknown, index: number, text: string) => void).call(type, 0, text)
}

export const HOSTILE_CHANGES: readonly HostileChange[] = [
  { name: 'a plain value at the top of the document', apply: (doc) => fragmentOf(doc).insert(0, [{ evil: true } as never]) },
  { name: 'a nested Y.Map at the top of the document', apply: (doc) => fragmentOf(doc).insert(0, [new Y.Map() as never]) },
  { name: 'a nested Y.Text at the top of the document', apply: (doc) => fragmentOf(doc).insert(0, [new Y.Text('loose') as never]) },
  { name: 'bare text at the top of the document', apply: (doc) => fragmentOf(doc).insert(0, [new Y.XmlText('loose')]) },
  { name: 'a plain string inside a paragraph', apply: (doc) => insertRawString(firstParagraph(doc) as never, 'smuggled') },
  { name: 'a nested Y.XmlFragment inside a paragraph', apply: (doc) => firstParagraph(doc).insert(0, [new Y.XmlFragment() as never]) },
  { name: 'an unknown node type', apply: (doc) => fragmentOf(doc).insert(0, [new Y.XmlElement('bogusNode')]) },
  { name: 'a paragraph inside a paragraph', apply: (doc) => firstParagraph(doc).insert(1, [new Y.XmlElement('paragraph')]) },
  { name: 'a list item outside a list', apply: (doc) => fragmentOf(doc).insert(0, [new Y.XmlElement('listItem')]) },
  { name: 'an embedded object inside text', apply: (doc) => textOfFirstParagraph(doc).insertEmbed(0, { evil: true }) },
  { name: 'an unknown mark on text', apply: (doc) => textOfFirstParagraph(doc).format(0, 3, { bogusMark: {} }) },
  { name: 'a mark with an attribute it does not have', apply: (doc) => textOfFirstParagraph(doc).format(0, 3, { bold: { onclick: 'x' } }) },
  { name: 'a link to a javascript: address', apply: (doc) => textOfFirstParagraph(doc).format(0, 3, { link: { href: 'javascript:alert(1)' } }) },
  { name: 'an attribute a paragraph does not have', apply: (doc) => firstParagraph(doc).setAttribute('onclick', 'alert(1)') },
  {
    name: 'a heading level that is not a number from 1 to 6',
    apply: (doc) => {
      const heading = new Y.XmlElement('heading')
      heading.setAttribute('level', 'script' as never)
      fragmentOf(doc).insert(0, [heading])
    },
  },
  { name: 'a block suggestion that is not a suggestion', apply: (doc) => firstParagraph(doc).setAttribute('suggestion', { change: 'forged' } as never) },
  { name: 'an attribute on text', apply: (doc) => textOfFirstParagraph(doc).setAttribute('evil', 'yes') },
]
