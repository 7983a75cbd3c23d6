/** The history pages, loaded together in one chunk (editor/app/App.tsx): the History page, one version, and a comparison. */
export { ComparePage } from './ComparePage'
export { HistoryPage } from './HistoryPage'
export { VersionPage } from './VersionPage'
