/** The routes, and the things every page shares (who is signed in). */
import { lazy, Suspense } from 'react'
import { BrowserRouter, Route, Routes } from 'react-router'
import { AccountProvider } from '../account/account-context'
import { DocumentListPage } from '../document-list/DocumentListPage'
import { DocumentSkeleton } from '../document/DocumentSkeleton'
import { InvitePage } from '../invite/InvitePage'
import { SignInPage } from '../sign-in/SignInPage'
import { SignUpPage } from '../sign-in/SignUpPage'
import { NotFoundPage } from './NotFoundPage'

// The editor (Tiptap, ProseMirror, Yjs) is most of the bundle; the document list loads without it.
// The contributor and decisions pages load without it too, in a chunk of their own (with zod,
// which checks the suggestions API's answers), so the home page stays small.
const DocumentRoute = lazy(() => import('../document/DocumentRoute').then((module) => ({ default: module.DocumentRoute })))
const ContributorsPage = lazy(() => import('../contributors/ContributorsPage').then((module) => ({ default: module.ContributorsPage })))
const ContributionsPage = lazy(() => import('../contributors/ContributionsPage').then((module) => ({ default: module.ContributionsPage })))
const DecisionsPage = lazy(() => import('../decisions/DecisionsPage').then((module) => ({ default: module.DecisionsPage })))
// The history pages draw versions with Tiptap, read-only, but without Yjs or the live editor's
// extensions; they share one chunk, since one leads to the others.
const HistoryPage = lazy(() => import('../history/history-pages').then((module) => ({ default: module.HistoryPage })))
const VersionPage = lazy(() => import('../history/history-pages').then((module) => ({ default: module.VersionPage })))
const ComparePage = lazy(() => import('../history/history-pages').then((module) => ({ default: module.ComparePage })))

export function App() {
  return (
    <AccountProvider>
      <BrowserRouter>
        <Routes>
          <Route path="/" element={<DocumentListPage />} />
          <Route path="/signin" element={<SignInPage />} />
          <Route path="/signup" element={<SignUpPage />} />
          <Route path="/invite/:token" element={<InvitePage />} />
          <Route
            path="/d/:documentId"
            element={
              <Suspense fallback={<DocumentSkeleton />}>
                <DocumentRoute />
              </Suspense>
            }
          />
          <Route path="/d/:documentId/contributors" element={<Suspense><ContributorsPage /></Suspense>} />
          <Route path="/d/:documentId/contributors/:username" element={<Suspense><ContributionsPage /></Suspense>} />
          <Route path="/d/:documentId/decisions" element={<Suspense><DecisionsPage /></Suspense>} />
          <Route path="/d/:documentId/history" element={<Suspense><HistoryPage /></Suspense>} />
          <Route path="/d/:documentId/v/:versionId" element={<Suspense><VersionPage /></Suspense>} />
          <Route path="/d/:documentId/compare" element={<Suspense><ComparePage /></Suspense>} />
          <Route path="*" element={<NotFoundPage />} />
        </Routes>
      </BrowserRouter>
    </AccountProvider>
  )
}
