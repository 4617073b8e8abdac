import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import webpack, { type ChunkGroup, type Compilation, type Compiler } from 'webpack'

const NAME = 'precache-shell'
const SHELL = 'index.html'
const PRECACHED_FILE = /\.(js|css|png|jpe?g|gif|svg|webp|woff2?)$/

export interface PrecacheShellOptions {
  /** The service worker's source; its `const VERSION = 'dev'` and `const PRECACHE = []` lines are filled in. */
  worker: string
  /** Pages whose code (and whatever only they load) is not saved at install, matched against the route's import. */
  skipPages: RegExp
}

/**
 * Emits sw.js with the list of files a phone needs to open every page offline, so the first offline use works
 * (not only pages opened before), and a version made from that list: a new build gets a new cache, the old one
 * is deleted when the new worker takes over.
 */
export class PrecacheShellPlugin {
  constructor(private readonly options: PrecacheShellOptions) {}

  apply(compiler: Compiler): void {
    compiler.hooks.thisCompilation.tap(NAME, (compilation) => {
      compilation.fileDependencies.add(this.options.worker)
      // After every rename (real content hashes) and after index.html is written.
      compilation.hooks.processAssets.tap({ name: NAME, stage: webpack.Compilation.PROCESS_ASSETS_STAGE_REPORT }, () => {
        const files = precachedFiles(compilation, this.options.skipPages)
        const shell = compilation.getAsset(SHELL)
        if (!shell) throw new Error(`${NAME}: the build has no ${SHELL}`)
        const urls = files.map((file) => `/${file}`)
        const version = createHash('sha256')
          .update(JSON.stringify(urls))
          .update(shell.source.source())
          .digest('hex')
          .slice(0, 12)
        const worker = fill(readFileSync(this.options.worker, 'utf8'), version, urls)
        compilation.emitAsset('sw.js', new webpack.sources.RawSource(worker))
        const bytes = files.reduce((sum, file) => sum + (compilation.getAsset(file)?.source.size() ?? 0), 0)
        console.log(`sw.js ${version}: ${urls.length} files (${Math.round(bytes / 1024)} KB before compression) saved at install`)
      })
    })
  }
}

/** The entry's files and every lazily loaded chunk reachable from it, except pages matching `skipPages`. */
function precachedFiles(compilation: Compilation, skipPages: RegExp): string[] {
  const files = new Set<string>()
  const seen = new Set<ChunkGroup>()
  const visit = (group: ChunkGroup) => {
    if (seen.has(group)) return
    seen.add(group)
    if (group.origins.some((origin) => skipPages.test((origin.request ?? '').replace(/\\/g, '/')))) return
    for (const chunk of group.chunks) {
      for (const file of [...chunk.files, ...chunk.auxiliaryFiles]) if (PRECACHED_FILE.test(file)) files.add(file)
    }
    for (const child of group.childrenIterable) visit(child)
  }
  for (const entry of compilation.entrypoints.values()) visit(entry)
  return [...files].sort()
}

function fill(source: string, version: string, urls: string[]): string {
  const lines: Array<[string, string]> = [
    ["const VERSION = 'dev'", `const VERSION = '${version}'`],
    ['const PRECACHE = []', `const PRECACHE = ${JSON.stringify(urls)}`],
  ]
  return lines.reduce((text, [placeholder, value]) => {
    if (!text.includes(placeholder)) throw new Error(`${NAME}: the service worker has no line \`${placeholder}\``)
    return text.replace(placeholder, value)
  }, source)
}
