/**
 * Builds the browser app into dist/editor, which the server serves as static files.
 *
 * In development the Vite server proxies the API and the collaboration websocket to a
 * running Coffeehouse server, so the browser sees one origin exactly as in production
 * (the editor builds its websocket URL from `location.host`).
 */
import { fileURLToPath } from 'node:url'
import react from '@vitejs/plugin-react'
import { defineConfig } from 'vite'

const editorRoot = fileURLToPath(new URL('.', import.meta.url))
const repoRoot = fileURLToPath(new URL('..', import.meta.url))

// 3000 is the server's default port; override it to point at a server started elsewhere.
const serverPort = process.env.COFFEEHOUSE_DEV_SERVER_PORT ?? '3000'
const serverOrigin = `http://localhost:${serverPort}`

export default defineConfig({
  root: editorRoot,
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('../dist/editor', import.meta.url)),
    // The output folder lies outside `root`, where Vite refuses to empty it unless told to.
    emptyOutDir: true,
    // The editor chunk (Tiptap, ProseMirror, Yjs) is about 550 kB minified, 170 kB gzipped, and
    // loads only on document pages; warn if it grows well beyond that.
    chunkSizeWarningLimit: 700,
  },
  server: {
    // Prefix matches: no folder under editor/ may be called api/ or collab/, or its modules would be proxied.
    proxy: {
      // The server refuses state-changing requests and websockets from other origins; through the proxy, this is ours.
      '/api': { target: serverOrigin, changeOrigin: true, headers: { origin: serverOrigin } },
      '/collab': { target: serverOrigin, ws: true, changeOrigin: true, headers: { origin: serverOrigin } },
    },
    // The editor imports the wire protocol constants from model/protocol.ts.
    fs: { allow: [repoRoot] },
  },
})
