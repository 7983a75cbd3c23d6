/**
 * Renders a document for export: Markdown and HTML for people, JSON (ProseMirror)
 * for programs, and plain text, which is what the editing-trace tests compare.
 */
import { MarkdownManager } from '@tiptap/markdown'
import type { Node as ProseMirrorNode } from '@tiptap/pm/model'
import { escapeHTML, renderToHTMLString } from '@tiptap/static-renderer'
import type { DocumentModel } from './content'

export const EXPORT_FORMATS = ['markdown', 'html', 'json', 'text'] as const
export type ExportFormat = (typeof EXPORT_FORMATS)[number]

export interface RenderedExport {
  mediaType: string
  extension: string
  body: string
}

export interface Exporter {
  render(content: ProseMirrorNode, format: ExportFormat, title: string): RenderedExport
}

export function createExporter(model: DocumentModel): Exporter {
  const markdown = new MarkdownManager({ extensions: model.extensions })
  return {
    render(content, format, title) {
      switch (format) {
        case 'markdown':
          return { mediaType: 'text/markdown; charset=utf-8', extension: 'md', body: `${markdown.serialize(content.toJSON())}\n` }
        case 'html':
          return { mediaType: 'text/html; charset=utf-8', extension: 'html', body: htmlPage(title, renderToHTMLString({ content, extensions: model.extensions })) }
        case 'json':
          return { mediaType: 'application/json; charset=utf-8', extension: 'json', body: JSON.stringify(content.toJSON()) }
        case 'text':
          return { mediaType: 'text/plain; charset=utf-8', extension: 'txt', body: plainText(content) }
      }
    },
  }
}

/** One line per block; hard breaks become line breaks. */
function plainText(content: ProseMirrorNode): string {
  return content.textBetween(0, content.content.size, '\n', (leaf) => (leaf.type.name === 'hardBreak' ? '\n' : ''))
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
