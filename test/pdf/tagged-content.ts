/**
 * Reading a tagged PDF's content back for the structure test, with qpdf only: each page's content
 * streams decoded (qpdf --json-stream-data=inline), their marked-content sequences (BDC/BMC … EMC,
 * one operator a line as Chromium and qpdf write them), and the parent tree's entries.
 */
import { tool } from './tools.ts'

type Objects = Record<string, { value?: unknown; stream?: { dict: Record<string, unknown>; data?: string } }>

export interface PageMarks {
  page: number
  /** Text objects (BT) and painted paths or images outside any marked content. */
  unmarked: number
  /** Text objects inside /Artifact sequences of type Pagination (running heads, folios). */
  paginationText: number
  /** Marked-content ids used on the page. */
  mcids: number[]
}

export function contentMarks(file: string): PageMarks[] {
  const pages = (JSON.parse(tool('qpdf', ['--json=2', '--json-key=pages', file])) as { pages: { contents: string[] }[] }).pages
  const refs = pages.flatMap((p) => p.contents.map((ref) => `--json-object=${ref.replace(/ 0 R$/, '')}`))
  const json = tool('qpdf', ['--json=2', '--json-key=qpdf', '--json-stream-data=inline', '--decode-level=generalized', ...refs, file])
  const objects = (JSON.parse(json) as { qpdf: [unknown, Objects] }).qpdf[1]
  return pages.map((p, index) => {
    const marks: PageMarks = { page: index + 1, unmarked: 0, paginationText: 0, mcids: [] }
    const stack: string[] = []
    for (const ref of p.contents) {
      const data = Buffer.from(objects[`obj:${ref}`]?.stream?.data ?? '', 'base64').toString('latin1')
      for (const line of data.split('\n').map((l) => l.trim())) {
        if (/\bB(DC|MC)$/.test(line)) {
          stack.push(line)
          const mcid = /\/MCID (\d+)/.exec(line)
          if (mcid) marks.mcids.push(Number(mcid[1]))
        } else if (line === 'EMC') stack.pop()
        else if (line === 'BT' || /^(f\*?|[SsBbF]\*?|.* Do)$/.test(line)) {
          if (stack.length === 0) marks.unmarked++
          else if (line === 'BT' && stack.some((m) => m.startsWith('/Artifact') && /\/Pagination/.test(m))) marks.paginationText++
        }
      }
    }
    return marks
  })
}

export interface Element {
  ref: string
  type: string
  lang?: string | undefined
  /** Marked content (page ref, MCID) the element holds directly. */
  content: { page: string; mcid: number }[]
  kids: Element[]
}

/** The structure tree, and the parent tree's owner of each (page ref, MCID). */
export function structureTree(file: string): { root: Element[]; owners: Map<string, string>; pages: string[] } {
  const objects = (JSON.parse(tool('qpdf', ['--json=2', '--json-key=qpdf', file])) as { qpdf: [unknown, Objects] }).qpdf[1]
  const value = (ref: unknown): Record<string, unknown> =>
    (objects[`obj:${String(ref)}`]?.value ?? objects[`obj:${String(ref)}`]?.stream?.dict ?? {}) as Record<string, unknown>
  const list = (v: unknown): unknown[] => (v === undefined ? [] : Array.isArray(v) ? v : [v])
  const catalog = value((objects.trailer!.value as Record<string, unknown>)['/Root'])
  const treeRoot = value(catalog['/StructTreeRoot'])
  const element = (ref: string): Element => {
    const e = value(ref)
    const out: Element = { ref, type: String(e['/S']).slice(1), content: [], kids: [] }
    if (typeof e['/Lang'] === 'string') out.lang = e['/Lang'].slice(2)
    for (const kid of list(e['/K'])) {
      if (typeof kid === 'number') out.content.push({ page: String(e['/Pg']), mcid: kid })
      else {
        const d = (typeof kid === 'string' ? value(kid) : kid) as Record<string, unknown>
        if (d['/S'] !== undefined) out.kids.push(element(String(kid)))
        else if (d['/Type'] === '/MCR') out.content.push({ page: String(d['/Pg'] ?? e['/Pg']), mcid: Number(d['/MCID']) })
      }
    }
    return out
  }
  const owners = new Map<string, string>()
  const pages: string[] = []
  const byKey = new Map<number, unknown>()
  const nums = (node: Record<string, unknown>): void => {
    list(node['/Kids']).forEach((kid) => nums(value(kid)))
    const n = list(node['/Nums'])
    for (let i = 0; i + 1 < n.length; i += 2) byKey.set(Number(n[i]), n[i + 1])
  }
  nums(value(treeRoot['/ParentTree']))
  for (const [key, object] of Object.entries(objects)) {
    const v = (object.value ?? {}) as Record<string, unknown>
    if (v['/Type'] !== '/Page') continue
    pages.push(key.slice(4))
    const entry = byKey.get(Number(v['/StructParents']))
    const array = Array.isArray(entry) ? entry : (objects[`obj:${String(entry)}`]?.value as unknown[] | undefined)
    array?.forEach((owner, mcid) => owners.set(`${key.slice(4)}|${mcid}`, String(owner)))
  }
  return { root: list(treeRoot['/K']).map((ref) => element(String(ref))), owners, pages }
}

export function flat(elements: Element[]): Element[] {
  return elements.flatMap((e) => [e, ...flat(e.kids)])
}
