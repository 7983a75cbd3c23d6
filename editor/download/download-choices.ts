/**
 * What the Download menu offers, in the order people reach for them: Markdown and a web page
 * to read or publish, plain text to paste anywhere, and the ProseMirror JSON for programs.
 */
import type { ExportFormat } from '../../model/export-formats'

export interface DownloadChoice {
  readonly format: ExportFormat
  readonly name: string
  /** The file name ending the server gives this format, shown so people know what they will get. */
  readonly extension: string
}

export const DOWNLOAD_CHOICES: readonly DownloadChoice[] = [
  { format: 'markdown', name: 'Markdown', extension: 'md' },
  { format: 'html', name: 'Web page', extension: 'html' },
  { format: 'text', name: 'Plain text', extension: 'txt' },
  { format: 'json', name: 'ProseMirror JSON', extension: 'json' },
]
