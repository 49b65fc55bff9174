#!/usr/bin/env node
// First-run setup, called by `npm run build` and `npm test`: installs the npm
// packages when they are missing or stale and, on Debian/Ubuntu as root, the
// system tools the build or the tests need. Plain Node, no dependencies: it
// runs before anything is installed. Last, it compiles the CLI into lib/ when
// that is missing or older than src/ (scripts/compile.mjs).
import { execFileSync, spawnSync } from 'node:child_process'
import { existsSync, statSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const purpose = process.argv.includes('--for=test') ? 'test' : 'build'

/** System tools: the command that proves each is there, and the Debian package that brings it. */
const tools = [
  { for: ['build', 'test'], test: () => findChromium(), pkg: 'chromium', why: 'renders the PDF editions' },
  {
    for: ['build', 'test'],
    test: () => Boolean(process.env.PUPPETEER_EXECUTABLE_PATH || process.env.CHROME_PATH) || hasHeadlessShell(),
    pkg: 'chromium-headless-shell',
    why: "renders the PDF editions with about half the full browser's CPU (src/outputs/pdf/browser.ts)",
    // The build runs without it (the full browser prints); the tests check that the build finds it.
    optional: purpose === 'build',
  },
  {
    for: ['test'],
    test: () => onPath('java') && onPath('javac'),
    pkg: 'default-jdk-headless',
    why: "runs the Nu Html Checker and epubcheck, and compiles the tests' epubcheck launcher (test/epub/EpubcheckMany.java)",
  },
  {
    for: ['test'],
    test: () => onPath('pdfinfo') && onPath('pdftotext') && onPath('pdffonts') && onPath('pdftoppm'),
    pkg: 'poppler-utils',
    why: 'checks the PDF editions',
  },
  { for: ['build', 'test'], test: () => onPath('qpdf'), pkg: 'qpdf', why: 'sets PDF metadata and a reproducible ID, checks PDF structure' },
  {
    for: ['build', 'test'],
    test: () => existsSync('/usr/share/fonts/truetype/noto/NotoNaskhArabic-Regular.ttf'),
    pkg: 'fonts-noto-core',
    why: 'Arabic font of the PDFs (full TrueType: a correct text layer)',
  },
  {
    for: ['build', 'test'],
    test: () => existsSync('/usr/share/color/icc/colord/sRGB.icc'),
    pkg: 'colord-data',
    why: 'sRGB ICC profile of the press PDFs (output intent)',
  },
  { for: ['test'], test: () => onPath('mutool'), pkg: 'mupdf-tools', why: 'extracts PDF text a second way' },
  { for: ['test'], test: () => existsSync('/usr/share/java/epubcheck.jar'), pkg: 'epubcheck', why: 'validates the EPUB editions' },
  { for: ['test'], test: () => onPath('xliff2po') && onPath('pocount'), pkg: 'translate-toolkit', why: 'reads XLIFF and PO exports' },
  { for: ['test'], test: () => onPath('msgfmt'), pkg: 'gettext', why: 'checks PO exports' },
]

function onPath(command) {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0
}

function findChromium() {
  const fromEnv = process.env.PUPPETEER_EXECUTABLE_PATH || process.env.CHROME_PATH
  if (fromEnv && existsSync(fromEnv)) return true
  return ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'].some(onPath)
}

/** The headless shell the build prefers (findChromium in src/outputs/pdf/browser.ts). */
function hasHeadlessShell() {
  return existsSync('/usr/lib/chromium/chromium-headless-shell') || ['chromium-headless-shell', 'chrome-headless-shell'].some(onPath)
}

function installNpmPackages() {
  const marker = join(root, 'node_modules', '.package-lock.json')
  const lock = join(root, 'package-lock.json')
  if (existsSync(marker) && statSync(marker).mtimeMs >= statSync(lock).mtimeMs) return
  console.log('setup: installing npm packages (npm ci)')
  execFileSync('npm', ['ci', '--no-audit', '--no-fund'], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, PUPPETEER_SKIP_DOWNLOAD: '1' },
  })
}

function installSystemTools() {
  const canApt = process.getuid?.() === 0 && onPath('apt-get')
  // An optional tool makes the build faster, not possible: without apt-get it is only mentioned.
  const missing = tools.filter((tool) => tool.for.includes(purpose) && !tool.test() && (canApt || !tool.optional))
  for (const tool of tools.filter((t) => t.optional && t.for.includes(purpose) && !canApt && !t.test()))
    console.log(`setup: optional: ${tool.pkg} ${tool.why}; install it with: sudo apt-get install ${tool.pkg}`)
  if (missing.length === 0) return
  const packages = [...new Set(missing.map((tool) => tool.pkg))]
  if (!canApt) {
    console.error(`setup: missing system tools: ${missing.map((t) => `${t.pkg} (${t.why})`).join(', ')}`)
    console.error(`setup: install them with: sudo apt-get install ${packages.join(' ')}`)
    console.error('setup: or point PUPPETEER_EXECUTABLE_PATH at a Chromium or Chrome binary.')
    process.exit(1)
  }
  console.log(`setup: installing ${packages.join(' ')} with apt-get`)
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }
  execFileSync('apt-get', ['update', '-q'], { stdio: 'inherit', env })
  execFileSync('apt-get', ['install', '-y', '-q', '--no-install-recommends', ...packages], { stdio: 'inherit', env })
}

/** The compiled CLI (lib/), when missing or older than src/. */
function compileCli() {
  execFileSync(process.execPath, [join(root, 'scripts', 'compile.mjs'), '--if-stale'], { cwd: root, stdio: 'inherit' })
}

try {
  installNpmPackages()
  installSystemTools()
  compileCli()
} catch (error) {
  // The failing command has printed its own error above; say which step failed, without a stack trace.
  console.error(
    `setup: \`${error.cmd ?? error.message}\` failed${error.status ? ` (exit status ${error.status})` : ''}; see its output above.`,
  )
  process.exit(1)
}
