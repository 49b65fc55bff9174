// Called by scripts/compile.mjs after tsc: the packages lib/ imports (unified, micromark, zod, …:
// some 300 small modules, whose loading was most of a command's start-up) are bundled by esbuild
// into a few shared files in lib/vendor/, and each lib/ file's imports of them point there. Every
// lib/ file stays where it is, as tsc wrote it (its import.meta.url, the assets next to it), and
// packages that read their own files or spawn (puppeteer-core, subset-font, tsx, …) stay external. @xmldom/xmldom is
// bundled too: every export and import loads it, as one file instead of ten CommonJS modules.
// Without esbuild (not installed) lib/ is left as it is: it runs the same, only slower to start.
import { existsSync, readdirSync } from 'node:fs'
import { join, relative } from 'node:path'

const external = ['puppeteer-core', 'subset-font', 'tsx', 'tsx/*', 'proper-lockfile', 'gettext-parser', '@fontsource/*']

function jsFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? jsFiles(join(dir, entry.name)) : entry.name.endsWith('.js') ? [join(dir, entry.name)] : [],
  )
}

/** Bundle the packages of the files tsc compiled from `srcDir` into `dir` (in place; files copied as they are stay). */
export async function bundleVendor(dir, srcDir) {
  let esbuild
  try {
    esbuild = await import('esbuild')
  } catch {
    return false
  }
  // Only what tsc wrote: a script copied as it is (the paginator that runs in the page) is not a module of lib/.
  const entryPoints = jsFiles(dir).filter((file) => existsSync(join(srcDir, relative(dir, file)).replace(/\.js$/, '.ts')))
  const keepLocal = {
    name: 'keep-lib-files',
    setup(build) {
      // A file of lib/ imported by another stays a file of its own (the import is left as written).
      build.onResolve({ filter: /^\.\.?\// }, (args) =>
        args.importer.startsWith(dir) && !args.importer.includes('node_modules') ? { path: args.path, external: true } : undefined,
      )
    },
  }
  // zod's namespace object holds every locale's messages (half its size); press uses the English ones only.
  const englishOnly = {
    name: 'zod-english-only',
    setup(build) {
      build.onResolve({ filter: /\/locales\/index\.js$/ }, (args) =>
        /[\\/]zod[\\/]/.test(args.importer) ? { path: join(args.resolveDir, 'locales-en.js'), namespace: 'zod-locales' } : undefined,
      )
      build.onLoad({ filter: /.*/, namespace: 'zod-locales' }, (args) => ({
        contents: "export { default as en } from './en.js'",
        resolveDir: join(args.path, '..', '..', 'locales'),
      }))
    },
  }
  await esbuild.build({
    entryPoints,
    outdir: dir,
    outbase: dir,
    allowOverwrite: true,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    mainFields: ['module', 'main'],
    chunkNames: 'vendor/[name]-[hash]',
    external,
    plugins: [keepLocal, englishOnly],
    minifyWhitespace: true,
    minifySyntax: true,
    // CommonJS packages bundled as ES modules still call require() for Node's own modules.
    banner: {
      js: "import { createRequire as __pressCreateRequire } from 'node:module'; const require = __pressCreateRequire(import.meta.url);",
    },
    logLevel: 'warning',
    legalComments: 'none',
  })
  return true
}
