/** The routes, and the things every page shares (who you are). */
import { lazy, Suspense, useState } from 'react'
import { BrowserRouter, Route, Routes } from 'react-router'
import { DocumentListPage } from '../document-list/DocumentListPage'
import { DocumentSkeleton } from '../document/DocumentSkeleton'
import { browserStorage, IdentityStore } from '../identity/identity-store'
import { IdentityProvider } from '../identity/use-identity'
import { NotFoundPage } from './NotFoundPage'

// The editor (Tiptap, ProseMirror, Yjs) is most of the bundle; the document list loads without it.
const DocumentRoute = lazy(() => import('../document/DocumentRoute').then((module) => ({ default: module.DocumentRoute })))

export function App() {
  // One store per app instance (state, not a module variable), so two apps never share it.
  const [identityStore] = useState(() => new IdentityStore(browserStorage()))
  return (
    <IdentityProvider store={identityStore}>
      <BrowserRouter>
        <Routes>
          <Route path="/" element={<DocumentListPage />} />
          <Route
            path="/d/:documentId"
            element={
              <Suspense fallback={<DocumentSkeleton />}>
                <DocumentRoute />
              </Suspense>
            }
          />
          <Route path="*" element={<NotFoundPage />} />
        </Routes>
      </BrowserRouter>
    </IdentityProvider>
  )
}
