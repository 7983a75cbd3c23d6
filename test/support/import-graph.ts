/**
 * The project's own import graph, read from the source: which module imports which, by
 * relative path. Type-only imports count too, since they tie the code together just the same.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs'
import path from 'node:path'

const SOURCE = /\.(ts|tsx)$/
const IMPORT = /(?:^|\n)\s*(?:import|export)\b[^'"]*?from\s*['"](\.{1,2}\/[^'"]+)['"]|import\(\s*['"](\.{1,2}\/[^'"]+)['"]\s*\)/g

function sourceFiles(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const full = path.join(folder, name)
    if (statSync(full).isDirectory()) return sourceFiles(full)
    return SOURCE.test(name) ? [full] : []
  })
}

function resolve(from: string, specifier: string): string {
  const base = path.resolve(path.dirname(from), specifier)
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts')]) {
    try {
      if (statSync(candidate).isFile()) return candidate
    } catch {
      // not this one
    }
  }
  return base
}

/** Module (absolute path) → the project modules it imports, for every source file under `folders`. */
export function importGraph(root: string, folders: readonly string[]): Map<string, string[]> {
  const graph = new Map<string, string[]>()
  for (const file of folders.flatMap((folder) => sourceFiles(path.join(root, folder)))) {
    const text = readFileSync(file, 'utf8')
    const imports = [...text.matchAll(IMPORT)].map((match) => resolve(file, (match[1] ?? match[2])!))
    graph.set(file, imports)
  }
  return graph
}

/** Every import cycle, each as the list of modules around it (relative to `root`). */
export function importCycles(graph: Map<string, string[]>, root: string): string[][] {
  const cycles: string[][] = []
  const state = new Map<string, 'open' | 'done'>()
  const stack: string[] = []
  const visit = (module: string) => {
    state.set(module, 'open')
    stack.push(module)
    for (const next of graph.get(module) ?? []) {
      if (!graph.has(next)) continue
      if (state.get(next) === 'open') cycles.push(stack.slice(stack.indexOf(next)).map((file) => path.relative(root, file)))
      else if (!state.has(next)) visit(next)
    }
    stack.pop()
    state.set(module, 'done')
  }
  for (const module of graph.keys()) if (!state.has(module)) visit(module)
  return cycles
}
