/**
 * Puppeteer settings for this project. The PDF editions use puppeteer-core with a
 * browser found on the machine (see src/outputs/pdf/browser.ts); the only full
 * `puppeteer` here is a dependency of the Ace accessibility checker, whose install
 * script would download a browser. Skip that, so `npm ci` works offline.
 * @type {import('puppeteer').Configuration}
 */
module.exports = {
  skipDownload: true,
  chrome: { skipDownload: true },
  'chrome-headless-shell': { skipDownload: true },
  firefox: { skipDownload: true },
}
