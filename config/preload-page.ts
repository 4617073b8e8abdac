import webpack, { type Chunk, type ChunkGroup, type Compilation, type Compiler } from 'webpack'

const NAME = 'preload-page'
const SHELL = 'index.html'
const PAGE_FILE = /\.(js|css)$/
/** The page module a route's `import()` loads: `…/pages/home/index`, `…/packages/warnings/pages/list/index`. */
const PAGE_REQUEST = /(?:^|\/)((?:packages\/[^/]+\/)?pages\/.+\/index)(?:\.[jt]sx?)?$/

export interface PreloadPageOptions {
  /** The route `/` shows (the app config's first page), e.g. `pages/home/index`. */
  home: string
}

/**
 * Taro's H5 router imports a page's chunk only once app.js has run: a second round trip before anything
 * shows. This writes into index.html a small script that, from the address being opened, adds
 * `<link rel=preload>` for that page's files (its chunk, the shared chunks it needs, its CSS), so they
 * download beside app.js. Runs after the real content hashes are in place and before the service worker's
 * version is made from index.html (config/precache-shell.ts).
 */
export class PreloadPagePlugin {
  constructor(private readonly options: PreloadPageOptions) {}

  apply(compiler: Compiler): void {
    compiler.hooks.thisCompilation.tap(NAME, (compilation) => {
      compilation.hooks.processAssets.tap({ name: NAME, stage: webpack.Compilation.PROCESS_ASSETS_STAGE_OPTIMIZE_TRANSFER }, () => {
        const shell = compilation.getAsset(SHELL)
        if (!shell) throw new Error(`${NAME}: the build has no ${SHELL}`)
        const routes = pageFiles(compilation)
        if (!routes.has(this.options.home)) throw new Error(`${NAME}: no chunk found for the home page ${this.options.home}`)
        const html = String(shell.source.source())
        // Before the stylesheet link: an inline script after a stylesheet waits until that has downloaded.
        const at = html.search(/<script[^>]*\ssrc=|<link[^>]*rel="?stylesheet/)
        if (at < 0) throw new Error(`${NAME}: ${SHELL} loads no script or stylesheet`)
        const script = `<script>${preloadScript(routes, this.options.home, compilation.outputOptions.publicPath)}</script>`
        compilation.updateAsset(SHELL, new webpack.sources.RawSource(html.slice(0, at) + script + html.slice(at)))
      })
    })
  }
}

/** Route → the files its `import()` fetches (the page's chunk group), for every page of the app. */
export function pageFiles(compilation: Compilation): Map<string, string[]> {
  const routes = new Map<string, string[]>()
  for (const group of compilation.chunkGroups as ChunkGroup[]) {
    if (group.isInitial()) continue
    for (const origin of group.origins) {
      const route = PAGE_REQUEST.exec((origin.request ?? '').replace(/\\/g, '/'))?.[1]
      if (!route) continue
      const files = group.chunks.flatMap((chunk: Chunk) => [...chunk.files, ...chunk.auxiliaryFiles]).filter((file) => PAGE_FILE.test(file))
      routes.set(route, [...new Set(files)].sort())
    }
  }
  return routes
}

/** A few hundred bytes of ES5: file names are listed once and routes point at them by number. */
function preloadScript(routes: Map<string, string[]>, home: string, publicPath: unknown): string {
  const base = typeof publicPath === 'string' && publicPath !== 'auto' ? publicPath : '/'
  const files = [...new Set([...routes.values()].flat())].sort()
  const index = new Map(files.map((file, i) => [file, i]))
  const table = Object.fromEntries([...routes].map(([route, list]) => [route, list.map((file) => index.get(file)!)]))
  return (
    `!function(r,f,d){var p=location.pathname.slice(${base.length}).replace(/\\/$/,"")||${JSON.stringify(home)};` +
    '(r[p]||[]).forEach(function(i){var l=d.createElement("link"),u=f[i];l.rel="preload";l.as=/\\.css$/.test(u)?"style":"script";' +
    `l.href=${JSON.stringify(base)}+u;d.head.appendChild(l)})}(${JSON.stringify(table)},${JSON.stringify(files)},document);`
  )
}
