/**
 * The structure tree without Chromium's generic wrappers, as qpdf JSON updates:
 * - a /NonStruct element (a text run, a box, a page, a section box), or a /Div with no attribute of its
 *   own (a parallel text's row), gives its content to its parent: marked content, annotations and
 *   elements move up, so headings, paragraphs, lists, notes and tables are the document's own kids;
 * - elements left with no content go;
 * - each list item's content other than its label goes into an /LBody (L > LI > Lbl, LBody);
 * - each footnote (an /Aside, structure.ts makes it a /Note) gets an /ID, listed in the IDTree;
 * - the parent tree points every marked content and annotation at its new element.
 * Elements carrying /Lang, /Alt, /ActualText or /E are never dissolved (a parallel text's cells keep /Lang).
 */
type Objects = Record<string, unknown>
type Dict = Record<string, unknown>
type Kid = number | string | Dict

const dict = (value: unknown): Dict | undefined =>
  value && typeof value === 'object' && !Array.isArray(value) ? (value as Dict) : undefined
const list = (value: unknown): Kid[] => (value === undefined ? [] : Array.isArray(value) ? (value as Kid[]) : [value as Kid])
const NOTE_ID = 'u:pp-note-'
const OWN = ['/Lang', '/Alt', '/ActualText', '/E', '/A', '/C', '/T']

export interface TreeResult {
  updates: Record<string, { value: unknown }>
  /** The next free object number. */
  next: number
  /** Generic elements (NonStruct, Div) before and after. */
  generic: { before: number; after: number }
}

export function flattenStructure(objects: Objects, catalog: Dict, next: number): TreeResult | undefined {
  const value = (ref: unknown): Dict | undefined => (typeof ref === 'string' ? dict(dict(objects[`obj:${ref}`])?.value) : undefined)
  const rootRef = catalog['/StructTreeRoot']
  const root = value(rootRef)
  if (!root) return undefined
  const updates: TreeResult['updates'] = {}
  const owner = new Map<string, string>() // "page ref|mcid" or "objr:annot ref" → element
  const isElement = (kid: Kid): kid is string => typeof kid === 'string' && value(kid)?.['/S'] !== undefined
  const generic = (e: Dict): boolean => (e['/S'] === '/NonStruct' || e['/S'] === '/Div') && OWN.every((key) => e[key] === undefined)
  let before = 0
  let after = 0
  // Notes get an /ID (PDF/UA-1 asks it of every Note), listed in the IDTree: a new one, or Chromium's if it is flat.
  const idTree = dict(root['/IDTree']) ?? value(root['/IDTree'])
  const lastKid = value(list(idTree?.['/Kids']).at(-1))
  const lastId = list(lastKid?.['/Limits'])[1]
  const flatTree = root['/IDTree'] === undefined || Array.isArray(idTree?.['/Names'])
  const ids: [string, string][] | undefined = flatTree || (typeof lastId === 'string' && lastId < NOTE_ID) ? [] : undefined

  /** The content of `ref` as kids of an element on page `pg`, generic elements dissolved. */
  const contentOf = (ref: string, into: { ref: string; pg: unknown }): Kid[] => {
    const e = value(ref)!
    const out: Kid[] = []
    for (const kid of list(e['/K'])) {
      if (typeof kid === 'number') out.push(mcr(e['/Pg'], kid, into))
      else if (isElement(kid)) {
        const child = value(kid)!
        if (child['/S'] === '/NonStruct' || child['/S'] === '/Div') before++
        if (generic(child)) out.push(...contentOf(kid, into))
        else if (keep(kid, into.ref)) out.push(kid)
      } else {
        const d = dict(kid) ?? value(kid)
        if (d?.['/Type'] === '/MCR') out.push(mcr(d['/Pg'] ?? e['/Pg'], Number(d['/MCID']), into))
        else if (d?.['/Type'] === '/OBJR') {
          owner.set(`objr:${String(d['/Obj'])}`, into.ref)
          out.push(kid)
        }
      }
    }
    return out
  }
  const mcr = (pg: unknown, mcid: number, into: { ref: string; pg: unknown }): Kid => {
    owner.set(`${String(pg)}|${mcid}`, into.ref)
    return pg === into.pg ? mcid : { '/Type': '/MCR', '/Pg': pg, '/MCID': mcid }
  }
  /** Rebuild a kept element under `parent`; false when it is left empty. */
  const keep = (ref: string, parent: string): boolean => {
    const e = value(ref)!
    if (e['/S'] === '/NonStruct' || e['/S'] === '/Div') after++
    let kids = contentOf(ref, { ref, pg: e['/Pg'] })
    if (e['/S'] === '/LI') kids = listItem(ref, e, kids)
    if (kids.length === 0 && e['/S'] !== '/Document') return false
    const id = ids && e['/S'] === '/Aside' && e['/ID'] === undefined ? `${NOTE_ID}${ids.length + 1}` : undefined
    if (id) ids?.push([id, ref])
    updates[`obj:${ref}`] = { value: { ...e, '/P': parent, '/K': kids, ...(id ? { '/ID': id } : {}) } }
    for (const kid of kids) {
      const u = typeof kid === 'string' ? updates[`obj:${kid}`] : undefined
      if (u) u.value = { ...(u.value as Dict), '/P': ref }
    }
    return true
  }
  const listItem = (ref: string, e: Dict, kids: Kid[]): Kid[] => {
    const labels = kids.filter((kid) => typeof kid === 'string' && value(kid)?.['/S'] === '/Lbl')
    const body = kids.filter((kid) => !labels.includes(kid))
    if (body.length === 0 || (body.length === 1 && typeof body[0] === 'string' && value(body[0])?.['/S'] === '/LBody')) return kids
    const bodyRef = `${next++} 0 R`
    const moved = body.map((kid) => (typeof kid === 'number' ? { '/Type': '/MCR', '/Pg': e['/Pg'], '/MCID': kid } : kid))
    for (const kid of moved) {
      const d = dict(kid)
      if (d?.['/Type'] === '/MCR') owner.set(`${String(d['/Pg'])}|${String(d['/MCID'])}`, bodyRef)
      if (d?.['/Type'] === '/OBJR') owner.set(`objr:${String(d['/Obj'])}`, bodyRef)
      if (typeof kid === 'string') updates[`obj:${kid}`] = { value: { ...(updates[`obj:${kid}`]?.value as Dict), '/P': bodyRef } }
    }
    updates[`obj:${bodyRef}`] = { value: { '/Type': '/StructElem', '/S': '/LBody', '/P': ref, '/K': moved } }
    return [...labels, bodyRef]
  }

  const top = list(root['/K']).filter(isElement)
  const kept = top.filter((ref) => keep(ref, String(rootRef)))
  const rootValue: Dict = { ...root, '/K': kept.length === 1 ? kept[0] : kept }
  if (ids?.length) {
    ids.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)) // name trees are sorted (pp-note-10 before pp-note-2)
    const treeRef = typeof root['/IDTree'] === 'string' ? root['/IDTree'] : `${next++} 0 R`
    if (flatTree) {
      const names = (list(idTree?.['/Names']) as string[]).concat(ids.flat())
      const pairs = [...Array(names.length / 2).keys()].map((i) => [names[2 * i]!, names[2 * i + 1]!] as const)
      updates[`obj:${treeRef}`] = { value: { ...idTree, '/Names': pairs.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)).flat() } }
    } else {
      // Chromium's tree has kids: the notes' IDs (all after its last) are one more leaf at the end.
      const leaf = `${next++} 0 R`
      updates[`obj:${leaf}`] = { value: { '/Names': ids.flat(), '/Limits': [ids[0]![0], ids.at(-1)![0]] } }
      updates[`obj:${treeRef}`] = { value: { ...idTree, '/Kids': [...list(idTree?.['/Kids']), leaf] } }
    }
    rootValue['/IDTree'] = treeRef
  }
  updates[`obj:${String(rootRef)}`] = { value: rootValue }
  const moved = (ref: unknown, key: string): unknown => owner.get(key) ?? ref
  parentTree(objects, value, root['/ParentTree'], updates, moved)
  return { updates, next, generic: { before: before + top.filter((r) => generic(value(r)!)).length, after } }
}

/** Point the parent tree's entries (page arrays, annotations) at the elements that now own their content. */
function parentTree(
  objects: Objects,
  value: (ref: unknown) => Dict | undefined,
  treeRef: unknown,
  updates: TreeResult['updates'],
  moved: (ref: unknown, key: string) => unknown,
): void {
  const structParents = new Map<number, string>() // parent-tree key → page ref (arrays) or "objr:" annotation
  for (const [key, object] of Object.entries(objects)) {
    const v = dict(dict(object)?.value)
    const ref = key.slice(4)
    if (v?.['/Type'] === '/Page' && typeof v['/StructParents'] === 'number') structParents.set(v['/StructParents'], ref)
    if (typeof v?.['/StructParent'] === 'number') structParents.set(v['/StructParent'], `objr:${ref}`)
  }
  const node = (ref: unknown, inline?: Dict): void => {
    const tree = inline ?? value(ref)
    if (!tree) return
    for (const kid of list(tree['/Kids'])) node(kid)
    const nums = tree['/Nums']
    if (!Array.isArray(nums)) return
    const out = [...nums]
    for (let i = 0; i + 1 < nums.length; i += 2) {
      const target = structParents.get(Number(nums[i]))
      if (target === undefined) continue
      const entry = nums[i + 1]
      if (target.startsWith('objr:')) out[i + 1] = moved(entry, target)
      else {
        const array = Array.isArray(entry) ? entry : (dict(objects[`obj:${String(entry)}`]) as { value?: unknown } | undefined)?.value
        if (!Array.isArray(array)) continue
        const fixed = array.map((element, mcid) => moved(element, `${target}|${mcid}`))
        if (Array.isArray(entry)) out[i + 1] = fixed
        else updates[`obj:${String(entry)}`] = { value: fixed }
      }
    }
    if (typeof ref === 'string') updates[`obj:${ref}`] = { value: { ...tree, '/Nums': out } }
  }
  node(treeRef)
}
