/** Entry point: mounts the app. StrictMode stays on to catch effects that do not clean up. */
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
// Base styles first, so that each component's own rules can refine them.
import './styles/base.css'
import { App } from './app/App'

const root = document.getElementById('root')
if (!root) throw new Error('index.html must contain <div id="root">')

createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>,
)
