/** The page's shape while the document loads, so nothing jumps when the text arrives. */
import { AppHeader } from '../app/AppHeader'
import './document-layout.css'

export function DocumentSkeleton({ title }: { readonly title?: string }) {
  return (
    <div className="document-layout" aria-busy="true">
      <AppHeader title={title ?? ''} />
      <div className="toolbar toolbar--placeholder" aria-hidden="true" />
      <main className="document-canvas">
        <div className="document-sheet document-sheet--skeleton">
          <span className="visually-hidden">Loading the document…</span>
          <div className="skeleton-line skeleton-line--title" />
          <div className="skeleton-line" />
          <div className="skeleton-line" />
          <div className="skeleton-line skeleton-line--short" />
        </div>
      </main>
    </div>
  )
}
