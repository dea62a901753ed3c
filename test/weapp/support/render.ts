/**
 * The render layer: WXML/WXS compiled by WeChat's own template compiler (`wcc`, from the npm package
 * miniprogram-compiler) and rendered by WeChat's component engine (miniprogram-exparser, through
 * j-component) into jsdom. Events are dispatched through the engine, so a handler runs only where the
 * compiled WXML binds it, as on a phone. Requires a jsdom test environment (window, document).
 */
import exparser from 'miniprogram-exparser'
import { wxmlToJs } from 'miniprogram-compiler'

export type Gwx = (path: string) => unknown

interface RootComponent {
  dom: Element
  attach(parent: Element): void
  detach(): void
  setData(data: Record<string, unknown>): void
}
// j-component's own typings pull in the mini-program's global types (a `require` without Node's shape): load it untyped
// eslint-disable-next-line @typescript-eslint/no-require-imports
const jComponent = require('j-component') as { register(d: Record<string, unknown>): string; create(id: string): RootComponent }

const compiled = new Map<string, Gwx>()

/** Compile every .wxml and .wxs of the package once; a broken template throws with wcc's message. */
export function compileTemplates(root: string): Gwx {
  const hit = compiled.get(root)
  if (hit) return hit
  ;(window as unknown as Record<string, unknown>).__webview_engine_version__ = 0.02
  const gwx = new Function(wxmlToJs(root))() as Gwx
  compiled.set(root, gwx)
  return gwx
}

export interface Definition {
  /** The engine id, also the tag name (letters, digits, dashes). */
  id: string
  /** Package-relative path without extension, e.g. pages/home/index or comp. */
  path: string
  template: unknown
  usingComponents: Record<string, string>
  properties?: unknown
  options?: unknown
  data?: Record<string, unknown>
  methods: Record<string, (...a: unknown[]) => unknown>
  lifetimes?: Record<string, (...a: unknown[]) => unknown>
}

/** Register a component or page with the engine under its id. */
export function register(d: Definition): string {
  return jComponent.register({ ...d, tagName: d.id })
}

export interface Rendered {
  /** The page's root in jsdom. */
  dom: HTMLElement
  setData(patch: Record<string, unknown>): void
  /** Every engine node of the page (shadow trees included). */
  nodes(): ExparserNode[]
  detach(): void
}

export interface ExparserNode {
  id?: string
  dataset?: Record<string, unknown>
  shadowRoot?: ExparserNode
  childNodes: ExparserNode[]
  $$?: HTMLElement
  textContent?: string
}

export function mount(id: string, container: HTMLElement): Rendered {
  const root = jComponent.create(id)
  root.attach(container)
  const top = (root as unknown as { _exparserNode: ExparserNode })._exparserNode
  return {
    dom: root.dom as HTMLElement,
    setData: (patch) => root.setData(patch),
    nodes: () => walk(top),
    detach: () => root.detach(),
  }
}

function walk(node: ExparserNode, out: ExparserNode[] = []): ExparserNode[] {
  out.push(node)
  if (node.shadowRoot) walk(node.shadowRoot, out)
  for (const c of node.childNodes ?? []) if (c && typeof c === 'object' && 'childNodes' in c) walk(c, out)
  return out
}

/** Taro's setData paths `root.cn.[0]` (WeChat accepts them) in the form the engine wants: `root.cn[0]`. */
export const enginePaths = (patch: Record<string, unknown>) => Object.fromEntries(Object.entries(patch).map(([k, v]) => [k.replace(/\.\[/g, '['), v]))

/** Dispatch an event on an engine node: it bubbles through the tree and reaches handlers the WXML binds. */
export function dispatch(node: ExparserNode, type: string, detail: Record<string, unknown> = {}): void {
  const event = exparser.Event.create(type, detail, { bubbles: true, composed: true, capturePhase: true, extraFields: { touches: [], changedTouches: [] } })
  exparser.Event.dispatchEvent(node, event)
}
