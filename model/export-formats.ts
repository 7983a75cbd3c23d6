/** The formats a document downloads in: Markdown and HTML for people, JSON (ProseMirror) for programs, plain text. */
export const EXPORT_FORMATS = ['markdown', 'html', 'json', 'text'] as const
export type ExportFormat = (typeof EXPORT_FORMATS)[number]
