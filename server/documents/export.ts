/**
 * Renders a document for export: Markdown and HTML for people, JSON (ProseMirror)
 * for programs, and plain text, which is what the editing-trace tests compare.
 * Markdown and HTML end with a credits block: who wrote each section. Every format keeps
 * only links that are safe to follow (safe-links.ts).
 */
import { MarkdownManager } from '@tiptap/markdown'
import type { Node as ProseMirrorNode } from '@tiptap/pm/model'
import { Transform } from '@tiptap/pm/transform'
import { escapeHTML, renderToHTMLString } from '@tiptap/static-renderer'
import type { ExportFormat } from '../../model/export-formats'
import { LINE_BREAK, PARAGRAPH_BREAK } from '../../model/schema/suggestion-model'
import type { DocumentModel } from './content'
import { withSafeLinks } from './safe-links'

export interface RenderedExport {
  mediaType: string
  extension: string
  body: string
}

/** Who wrote each section, by name, most characters first (see server/attribution/credits.ts). */
export interface ExportCredits {
  sections: Array<{ heading: string | null; credits: Array<{ name: string; characters: number }> }>
}

export interface Exporter {
  render(content: ProseMirrorNode, format: ExportFormat, title: string, credits: ExportCredits): RenderedExport
}

export function createExporter(model: DocumentModel): Exporter {
  const markdown = new MarkdownManager({ extensions: model.extensions })
  return {
    render(document, format, title, credits) {
      const safe = withSafeLinks(document)
      const content = format === 'json' ? safe : withBreaksShown(safe)
      switch (format) {
        case 'markdown':
          return { mediaType: 'text/markdown; charset=utf-8', extension: 'md', body: `${markdown.serialize(content.toJSON())}\n${markdownCredits(credits)}` }
        case 'html': {
          const body = renderToHTMLString({ content, extensions: model.extensions }) + htmlCredits(credits)
          return { mediaType: 'text/html; charset=utf-8', extension: 'html', body: htmlPage(title, body) }
        }
        case 'json':
          return { mediaType: 'application/json; charset=utf-8', extension: 'json', body: JSON.stringify(content.toJSON()) }
        case 'text':
          return { mediaType: 'text/plain; charset=utf-8', extension: 'txt', body: plainText(content) }
      }
    },
  }
}

/**
 * A break proposed inside the text is a character (PARAGRAPH_BREAK, LINE_BREAK, model/schema/suggestion-model.ts)
 * that the editor draws as a pilcrow or a return arrow; people reading an export see the same. JSON,
 * for programs, keeps it.
 */
function withBreaksShown(document: ProseMirrorNode): ProseMirrorNode {
  const tr = new Transform(document)
  document.descendants((node, pos) => {
    if (!node.isText) return true
    const text = node.text ?? ''
    // The same length: positions found before it stay where they were.
    const shown = text.replaceAll(PARAGRAPH_BREAK, '¶').replaceAll(LINE_BREAK, '↵')
    if (shown !== text) tr.replaceWith(pos, pos + node.nodeSize, document.type.schema.text(shown, node.marks))
    return false
  })
  return tr.doc
}

/** One line per block; hard breaks become line breaks. */
function plainText(content: ProseMirrorNode): string {
  return content.textBetween(0, content.content.size, '\n', (leaf) => (leaf.type.name === 'hardBreak' ? '\n' : ''))
}

const OPENING = 'Opening'
const formatCount = (characters: number) => `${characters.toLocaleString('en')} ${characters === 1 ? 'character' : 'characters'}`
const creditLine = (credits: ExportCredits['sections'][number]['credits']) =>
  credits.map(({ name, characters }) => `${name} (${formatCount(characters)})`).join(', ')
const credited = (credits: ExportCredits) => credits.sections.filter((section) => section.credits.length > 0)

function markdownCredits(credits: ExportCredits): string {
  const sections = credited(credits)
  if (sections.length === 0) return ''
  const lines = sections.map((section) => `- **${escapeMarkdown(section.heading ?? OPENING)}:** ${escapeMarkdown(creditLine(section.credits))}`)
  return ['', '---', '', '## Credits', '', ...lines, ''].join('\n')
}

function htmlCredits(credits: ExportCredits): string {
  const sections = credited(credits)
  if (sections.length === 0) return ''
  const entries = sections.map((section) => `<dt>${escapeHTML(section.heading ?? OPENING)}</dt><dd>${escapeHTML(creditLine(section.credits))}</dd>`)
  return `<hr><section class="credits"><h2>Credits</h2><dl>${entries.join('')}</dl></section>`
}

/** Names and headings are people's text: keep Markdown from reading them as formatting. */
function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]<>#|]/g, (character) => `\\${character}`)
}

function htmlPage(title: string, body: string): string {
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHTML(title)}</title></head>`,
    `<body>${body}</body>`,
    '</html>',
    '',
  ].join('\n')
}
