/**
 * The import graph of src/ (checked by test/architecture/imports.unit.test.ts).
 * Floors, top to bottom; an import may only run down a floor, or sideways within the
 * middle floor (never in a circle). src/index.ts is the public face and may import anything.
 *
 *   cli → commands → outputs → edition → {i18n, ids, source, qa, exchange} → {project, util}
 */
const floors = [['cli'], ['commands'], ['outputs'], ['edition'], ['i18n', 'ids', 'source', 'qa', 'exchange'], ['project', 'util']]

const folder = (names) => `^src/(${names.join('|')})/`

const upward = floors.slice(1).map((floor, index) => {
  const above = floors.slice(0, index + 1).flat()
  return {
    name: `no-import-up-from-${floor.join('-')}`,
    comment: `${floor.join(', ')} may not import from a higher floor (${above.join(', ')}).`,
    severity: 'error',
    from: { path: folder(floor) },
    to: { path: folder(above) },
  }
})

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'No import circle, on any floor.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    ...upward,
    {
      name: 'no-import-of-the-public-face',
      comment: 'src/index.ts is the public face: nothing in src/ imports it.',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/index\\.ts$' },
      to: { path: '^src/index\\.ts$' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '\\.d\\.ts$' },
    tsPreCompilationDeps: true,
  },
}
