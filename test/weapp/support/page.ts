/** One open page in the test host (host.ts): its logic instance, its render tree, what it sent through setData, and the ways to drive it. */
import type { Config } from './logic'
import { dispatch, enginePaths, mount, type ExparserNode, type Rendered } from './render'
import type { TaroNode, WeappHost } from './host'

/** WeChat refuses a setData over 1 MB. */
export const SETDATA_LIMIT = 1024 * 1024

/** `a.b[0].c` or Taro's `root.cn.[0]` → set that place in `data` (creating objects on the way). */
function setPath(data: Record<string, unknown>, key: string, value: unknown) {
  const parts = key.replace(/\.?\[(\d+)\]/g, '.$1').split('.')
  let at = data as Record<string, unknown>
  for (const p of parts.slice(0, -1)) at = (at[p] ??= {}) as Record<string, unknown>
  at[parts[parts.length - 1]] = value
}

/** One open page: its logic instance, its render tree, what it sent through setData. */
export class PageHandle {
  logic!: Config
  rendered!: Rendered
  readonly openedAt = Date.now()
  /** ms from opening to the first setData that reached the render layer. */
  firstRenderMs: number | null = null
  /** Bytes of the largest setData (JSON, UTF-8). */
  maxSetData = 0
  private container!: HTMLElement

  constructor(
    private readonly host: WeappHost,
    readonly route: string,
    readonly query: Record<string, string>,
  ) {}

  open() {
    const def = this.host.logic.definition(this.route)
    const id = this.host.componentId(this.route)
    this.container = document.createElement('div')
    document.body.appendChild(this.container)
    this.rendered = mount(id, this.container)
    const self = Object.assign(Object.create(null) as Config, def, {
      route: this.route,
      __route__: this.route,
      options: this.host.logic.toLogic(this.query),
      data: this.host.logic.toLogic(def.data ?? {}),
      setData: (patch: Record<string, unknown>, cb?: () => void) => this.setData(patch, cb),
    })
    this.logic = self
    this.host.call(self, 'onLoad', this.query)
    this.host.call(self, 'onShow')
    setTimeout(() => this.host.call(self, 'onReady'), 0)
  }

  private setData(patch: Record<string, unknown>, cb?: () => void) {
    const json = JSON.stringify(patch)
    const bytes = Buffer.byteLength(json)
    this.maxSetData = Math.max(this.maxSetData, bytes)
    if (bytes > SETDATA_LIMIT) this.host.errors.push(`${this.route}: setData of ${bytes} bytes is over WeChat's 1 MB limit`)
    const data = this.logic.data as Record<string, unknown>
    for (const [k, v] of Object.entries(this.host.logic.toLogic(patch))) setPath(data, k, v)
    this.rendered.setData(enginePaths(JSON.parse(json)))
    if (this.firstRenderMs === null) this.firstRenderMs = Date.now() - this.openedAt
    if (cb) setTimeout(() => this.host.call({ cb } as Config, 'cb'), 0)
  }

  /** The person pulls the page down: WeChat calls onPullDownRefresh only where enablePullDownRefresh is on. */
  pullDown() {
    if (this.host.windowOf(this.route).enablePullDownRefresh !== true) throw new Error(`${this.route}: pull-down refresh is not enabled (enablePullDownRefresh)`)
    this.host.call(this.logic, 'onPullDownRefresh')
  }

  hide() {
    this.host.call(this.logic, 'onHide')
  }
  show() {
    this.host.call(this.logic, 'onShow')
  }
  unload() {
    this.host.call(this.logic, 'onUnload')
    this.rendered.detach()
    this.container.remove()
  }

  /** What the page shows (the render layer's text). */
  text(): string {
    return this.rendered.dom.textContent ?? ''
  }

  /** The element of Taro's DOM with this data-testid (searched from the page's root). */
  find(testId: string): TaroNode | null {
    const root = this.host.taroDocument().getElementById(String(this.logic.$taroPath))
    const seek = (n: TaroNode | null): TaroNode | null => {
      if (!n) return null
      if (n.dataset?.testid === testId) return n
      for (const c of n.childNodes ?? []) {
        const hit = seek(c)
        if (hit) return hit
      }
      return null
    }
    return seek(root)
  }

  /** Text of a Taro element (its text nodes, in order). */
  private static textIn(n: TaroNode): string {
    return n.nodeName === '#text' ? (n.nodeValue ?? '') : (n.childNodes ?? []).map((c) => PageHandle.textIn(c)).join('')
  }

  /** The deepest element whose whole text is `text` (inside the element with data-testid `within`). */
  findText(text: string, within?: string): TaroNode | null {
    const root = within ? this.find(within) : this.host.taroDocument().getElementById(String(this.logic.$taroPath))
    let hit: TaroNode | null = null
    const seek = (n: TaroNode) => {
      if (n.nodeName === '#text') return
      if (PageHandle.textIn(n).trim() === text) hit = n
      for (const c of n.childNodes ?? []) seek(c)
    }
    if (root) seek(root)
    return hit
  }

  /** Tap what shows exactly this text (a button, a chip), as a finger would. */
  async tapText(text: string, within?: string): Promise<void> {
    const el = await this.waitFor(() => this.drawn(this.findText(text, within)), `"${text}"${within ? ` in ${within}` : ''} to be drawn`)
    await this.tapElement(el, `"${text}"`)
  }

  /** The engine node that renders a Taro element (`data-sid` in the compiled WXML). */
  private engineNode(el: TaroNode, what: string): ExparserNode {
    const dom = this.rendered.dom.querySelector(`[data-sid="${el.sid}"]`) as (Element & { __wxElement?: ExparserNode }) | null
    if (!dom?.__wxElement) throw new Error(`${this.route}: ${what} (${el.sid}) is in Taro's DOM but was not rendered`)
    return dom.__wxElement
  }

  /** An attribute as the compiled WXML set it (on the element with the test id, or on its first descendant `tag`). */
  attrOf(testId: string, attr: string, tag?: string): unknown {
    const el = this.find(testId)
    const dom = el && this.rendered.dom.querySelector(`[data-sid="${el.sid}"]`)
    const target = (tag ? dom?.querySelector(tag) : dom) as (Element & { __wxElement?: { _vt?: { attrs: { name: string; value: unknown }[] } } }) | null
    return target?.__wxElement?._vt?.attrs.find((a) => a.name === attr)?.value ?? null
  }

  textOf(testId: string): string {
    const el = this.find(testId)
    if (!el) return ''
    return (this.rendered.dom.querySelector(`[data-sid="${el.sid}"]`)?.textContent ?? '').trim()
  }

  async waitFor<T>(probe: () => T | null | undefined | false, what: string, timeoutMs = 8000): Promise<T> {
    const until = Date.now() + timeoutMs
    for (;;) {
      const v = probe()
      if (v) return v
      if (Date.now() > until) throw new Error(`${this.route}: waited ${timeoutMs} ms for ${what}; the page shows ${JSON.stringify(this.text().slice(0, 300))}`)
      await new Promise((r) => setTimeout(r, 15))
    }
  }

  waitForText(text: string | RegExp, timeoutMs?: number) {
    return this.waitFor(() => (typeof text === 'string' ? this.text().includes(text) : text.test(this.text())), `text ${String(text)}`, timeoutMs)
  }

  /** Wait until the element is in Taro's DOM and drawn by the render layer (setData reached it). */
  waitForTestId(testId: string, timeoutMs?: number) {
    return this.waitFor(() => this.drawn(this.find(testId)), `data-testid="${testId}" to be drawn`, timeoutMs)
  }

  private drawn(el: TaroNode | null): TaroNode | null {
    return el && this.rendered.dom.querySelector(`[data-sid="${el.sid}"]`) ? el : null
  }

  /**
   * Tap as a finger would: through the engine, so only a handler the compiled WXML binds (on the
   * element or an ancestor) runs. A tap that reaches no handler, or a disabled button, is an error.
   */
  async tap(testId: string): Promise<void> {
    await this.tapElement(await this.waitForTestId(testId), `"${testId}"`)
  }

  private async tapElement(el: TaroNode, what: string): Promise<void> {
    const attr = (n: string) => el.getAttribute?.(n) ?? el.props?.[n]
    if (attr('disabled') === true || attr('disabled') === 'true') throw new Error(`${this.route}: ${what} is disabled`)
    const node = this.engineNode(el, what)
    const before = this.host.handlerCalls
    dispatch(node, 'tap', { x: 0, y: 0 })
    // a native button with open-type agreePrivacyAuthorization also fires its own event
    if (attr('openType') === 'agreePrivacyAuthorization') {
      this.host.agreeTapped.add(String(attr('id') ?? ''))
      dispatch(node, 'agreeprivacyauthorization', {})
    }
    if (this.host.handlerCalls === before) throw new Error(`${this.route}: the tap on ${what} reached no handler (its WXML binds no tap on it or above it)`)
    await new Promise((r) => setTimeout(r, 0))
  }

  /** Tap an element of the render tree by its WXML id (pages that are not Taro's: the host's own tests). */
  async tapId(id: string): Promise<void> {
    const node = this.rendered.nodes().find((n) => n.id === id)
    if (!node) throw new Error(`${this.route}: nothing rendered has id "${id}"`)
    const before = this.host.handlerCalls
    dispatch(node, 'tap', { x: 0, y: 0 })
    if (this.host.handlerCalls === before) throw new Error(`${this.route}: the tap on #${id} reached no handler (its WXML binds no tap on it or above it)`)
    await new Promise((r) => setTimeout(r, 0))
  }

  /** Type into an input or textarea (the value arrives as `detail.value`, as WeChat sends it). */
  async input(testId: string, value: string): Promise<void> {
    await this.waitForTestId(testId)
    const target = this.inputOf(testId)
    const before = this.host.handlerCalls
    dispatch(target, 'input', { value, cursor: value.length, keyCode: 0 })
    if (this.host.handlerCalls === before) throw new Error(`${this.route}: typing into "${testId}" reached no handler`)
    await new Promise((r) => setTimeout(r, 0))
  }

  /**
   * Choose in WeChat's picker that the element with the test id opens: the picker sends `change`
   * with `detail.value` ('YYYY-MM-DD' for a date, 'HH:mm' for a time), as WeChat does after 确定.
   */
  async pick(testId: string, value: string): Promise<void> {
    let el: TaroNode | null = await this.waitForTestId(testId)
    while (el && !/^picker$/i.test(el.nodeName)) el = el.parentNode ?? null
    if (!el) throw new Error(`${this.route}: "${testId}" is not inside a picker`)
    const before = this.host.handlerCalls
    dispatch(this.engineNode(el, `the picker of "${testId}"`), 'change', { value })
    if (this.host.handlerCalls === before) throw new Error(`${this.route}: the picker of "${testId}" binds no change`)
    await new Promise((r) => setTimeout(r, 0))
  }

  /** The input element itself: the test id may sit on it or on a wrapper. */
  private inputOf(testId: string): ExparserNode {
    const el = this.find(testId)!
    const seek = (n: TaroNode): TaroNode | null => (/^(input|textarea)$/i.test(n.nodeName) ? n : (n.childNodes ?? []).reduce<TaroNode | null>((hit, c) => hit ?? seek(c), null))
    const input = seek(el)
    if (!input) throw new Error(`${this.route}: "${testId}" has no input inside`)
    return this.engineNode(input, `the input of "${testId}"`)
  }
}
