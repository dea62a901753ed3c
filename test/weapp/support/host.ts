/**
 * A mini-program host for tests: the weapp build (dist/) runs as WeChat runs it — the JavaScript in
 * the logic layer (logic.ts), WXML in the render layer (render.ts), data crossing between them only
 * as JSON through setData and events — with a recording `wx` (wx.ts) that reaches a local cloud as
 * the chosen person. Pages are found by the `data-testid` they carry in Taro's own DOM and driven by
 * taps and typing dispatched through the component engine.
 *
 *   const host = await WeappHost.start({ cloudUrl, openid: PERSONAS.residentWang.openid })
 *   const home = await host.reLaunch('/pages/home/index')
 *   await home.waitForText('您好')
 *   await home.tap('entry-order')          // → wx.navigateTo, the next page renders
 *   expect(host.errors).toEqual([])
 */
import fs from 'node:fs'
import path from 'node:path'
import { createLogicLayer, type Config, type LogicLayer } from './logic'
import { compileTemplates, dispatch, enginePaths, mount, register, type ExparserNode, type Gwx, type Rendered } from './render'
import { createWx, type FakeWx } from './wx'

export const DIST = path.resolve(__dirname, '../../../dist')
/** WeChat refuses a setData over 1 MB. */
export const SETDATA_LIMIT = 1024 * 1024

export interface HostOptions {
  root?: string
  cloudUrl: string
  openid?: string
}

interface TaroNode {
  sid: string
  nodeValue?: string
  uid?: string
  nodeName: string
  childNodes: TaroNode[]
  dataset?: Record<string, unknown>
  props?: Record<string, unknown>
  getAttribute?(name: string): unknown
}
interface TaroDocument {
  getElementById(id: string): TaroNode | null
}

export class WeappHost {
  readonly errors: string[] = []
  readonly warnings: string[] = []
  readonly stack: PageHandle[] = []
  readonly fake: FakeWx
  /** Consent given to the privacy guide (WeChat keeps it per person). */
  privacyAgreed = false
  /** Agree buttons (open-type agreePrivacyAuthorization) the person tapped, by id. */
  readonly agreeTapped = new Set<string>()
  openid: string | undefined
  readonly logic: LogicLayer
  readonly gwx: Gwx
  private readonly appJson: { pages: string[]; subPackages?: { root: string; pages: string[] }[] }
  private readonly ids = new Map<string, string>()
  private document: TaroDocument | undefined
  private readonly restore: (() => void)[] = []
  handlerCalls = 0
  private isClosed = false

  private constructor(readonly root: string, readonly cloudUrl: string, openid?: string) {
    this.openid = openid
    this.appJson = JSON.parse(fs.readFileSync(path.join(root, 'app.json'), 'utf8'))
    this.gwx = compileTemplates(root)
    this.fake = createWx(
      {
        cloudUrl,
        openid: () => this.openid,
        toLogic: (v) => this.logic.toLogic(v),
        navigate: (kind, url) => this.navigate(kind, url).then(() => undefined),
        back: (delta) => this.back(delta),
        privacyConsent: (api) => this.consent(api),
        closed: () => this.isClosed,
      },
      new Map(),
    )
    const logConsole = {
      log: () => undefined,
      info: () => undefined,
      debug: () => undefined,
      warn: (...a: unknown[]) => void this.warnings.push(a.map(String).join(' ')),
      error: (...a: unknown[]) => void this.errors.push(a.map((x) => (x instanceof Error ? x.stack ?? x.message : String(x))).join(' ')),
    }
    this.logic = createLogicLayer({ root, wx: this.fake.wx, getCurrentPages: () => this.stack.map((p) => p.logic), onError: (e, where) => this.fail(e, where), console: logConsole })
  }

  static async start(o: HostOptions): Promise<WeappHost> {
    const host = new WeappHost(o.root ?? DIST, o.cloudUrl, o.openid)
    host.captureRenderWarnings()
    host.logic.load('app')
    const app = host.logic.app()
    host.call(app, 'onLaunch', { path: host.appJson.pages[0], query: {}, scene: 1001 })
    host.call(app, 'onShow', { path: host.appJson.pages[0], query: {}, scene: 1001 })
    host.document = host.findTaroDocument()
    return host
  }

  get page(): PageHandle {
    const top = this.stack[this.stack.length - 1]
    if (!top) throw new Error('no page is open')
    return top
  }

  /** Every page path of app.json, main package first. */
  pages(): string[] {
    return [...this.appJson.pages, ...(this.appJson.subPackages ?? []).flatMap((s) => s.pages.map((p) => `${s.root}/${p}`))]
  }

  reLaunch(url: string) {
    return this.navigate('reLaunch', url)
  }

  async navigate(kind: 'navigateTo' | 'redirectTo' | 'reLaunch' | 'switchTab', url: string): Promise<PageHandle> {
    const [pathPart, queryPart = ''] = url.split('?')
    const route = pathPart.replace(/^\/+/, '')
    if (!this.pages().includes(route)) throw { errMsg: `${kind}:fail page "${route}" is not found` }
    if (kind === 'navigateTo') this.top()?.hide()
    else if (kind === 'redirectTo') this.stack.pop()?.unload()
    else while (this.stack.length) this.stack.pop()!.unload()
    const query = Object.fromEntries(new URLSearchParams(queryPart))
    const page = new PageHandle(this, route, query)
    this.stack.push(page)
    page.open()
    return page
  }

  async back(delta: number): Promise<void> {
    for (let i = 0; i < delta && this.stack.length > 1; i++) this.stack.pop()!.unload()
    this.top()?.show()
  }

  /** Calls into the logic layer: what it throws is an error of the run, as WeChat reports it. */
  call(target: Config, name: string, ...args: unknown[]): unknown {
    const fn = target[name]
    if (typeof fn !== 'function') return undefined
    try {
      return fn.apply(target, args.map((a) => this.logic.toLogic(a)))
    } catch (err) {
      this.fail(err, name)
      return undefined
    }
  }

  fail(err: unknown, where: string) {
    this.errors.push(`${where}: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`)
  }

  /** The engine id of a component or page (registered once per host). */
  componentId(file: string): string {
    const hit = this.ids.get(file)
    if (hit) return hit
    const json = JSON.parse(fs.readFileSync(path.join(this.root, `${file}.json`), 'utf8')) as { usingComponents?: Record<string, string> }
    const id = `wx-${file.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}`
    this.ids.set(file, id) // before its children: a component may use itself
    const using = Object.fromEntries(
      Object.entries(json.usingComponents ?? {}).map(([tag, p]) => [tag, this.componentId(p.startsWith('/') ? p.slice(1) : path.posix.join(path.posix.dirname(file), p))]),
    )
    const isPage = this.pages().includes(file)
    const def = this.logic.definition(file)
    // eslint-disable-next-line @typescript-eslint/no-this-alias -- the engine calls methods with its own `this`
    const host = this
    const forward = (name: string) =>
      function (this: { data: Record<string, unknown>; setData: (p: Record<string, unknown>) => void }, ...a: unknown[]) {
        return host.onHandler(file, name, isPage ? host.pageFor(file) : { ...componentSelf(this, host), ...(def.methods as object) }, a)
      }
    const methodNames = isPage ? Object.keys(def).filter((k) => typeof def[k] === 'function') : Object.keys((def.methods as object) ?? {})
    const lifetimes = isPage ? {} : Object.fromEntries(['attached', 'detached'].filter((k) => typeof def[k] === 'function' || typeof (def.lifetimes as Config | undefined)?.[k] === 'function').map((k) => [k, forward(k)]))
    register({
      id,
      path: file,
      template: this.gwx(`${file}.wxml`),
      usingComponents: using,
      properties: isPage ? undefined : def.properties,
      options: isPage ? undefined : def.options,
      data: JSON.parse(JSON.stringify(def.data ?? {})),
      methods: Object.fromEntries(methodNames.map((n) => [n, forward(n)])),
      lifetimes,
    })
    return id
  }

  private pageFor(file: string): Config {
    const p = [...this.stack].reverse().find((x) => x.route === file)
    if (!p) throw new Error(`event for ${file}, which is not open`)
    return p.logic
  }

  private onHandler(file: string, name: string, self: Config, args: unknown[]) {
    this.handlerCalls++
    const def = this.logic.definition(file)
    const fn = (self[name] ?? (def.lifetimes as Config | undefined)?.[name] ?? def[name]) as ((...a: unknown[]) => unknown) | undefined
    if (typeof fn !== 'function') return undefined
    try {
      return fn.apply(self, args.map((a) => this.logic.toLogic(a)))
    } catch (err) {
      this.fail(err, `${file} ${name}`)
      return undefined
    }
  }

  taroDocument(): TaroDocument {
    if (!this.document) throw new Error("Taro's document was not found in the bundle")
    return this.document
  }

  /** Taro's in-bundle DOM: a module of the webpack runtime exports it (found by its shape, names are minified). */
  private findTaroDocument(): TaroDocument | undefined {
    const jsonp = (this.fake.wx as { webpackJsonp?: { push(c: unknown): void } }).webpackJsonp
    let req: ((id: string) => Record<string, unknown>) & { m: Record<string, unknown> } = undefined as never
    jsonp?.push([['__weapp_host__'], {}, (r: typeof req) => void (req = r)])
    if (!req) return undefined
    for (const id of Object.keys(req.m).filter((k) => /getElementById/.test(String(req.m[k])) && /createTextNode/.test(String(req.m[k])))) {
      for (const v of Object.values(req(id))) {
        const doc = v as TaroDocument & { createTextNode?: unknown }
        if (doc && typeof doc === 'object' && typeof doc.getElementById === 'function' && typeof doc.createTextNode === 'function') return doc
      }
    }
    return undefined
  }

  private async consent(api: string): Promise<boolean> {
    if (this.privacyAgreed) return true
    const listener = this.fake.privacyListener()
    if (!listener) {
      this.warnings.push(`privacy: ${api} before any onNeedPrivacyAuthorization listener (WeChat would show its own prompt)`)
      return (this.privacyAgreed = true)
    }
    return new Promise<boolean>((resolve) => {
      listener((o: unknown) => {
        const r = o as { event: string; buttonId?: string }
        if (r.event === 'exposureAuthorization') return
        // WeChat checks that the agree button was really tapped
        const agreed = r.event === 'agree' && !!r.buttonId && this.agreeTapped.has(r.buttonId)
        if (r.event === 'agree' && !agreed) this.errors.push(`privacy: resolve(agree) without a tap on the agree button ${r.buttonId}`)
        this.privacyAgreed = agreed
        resolve(agreed)
      }, this.logic.toLogic({ referrer: api }))
    })
  }

  private top(): PageHandle | undefined {
    return this.stack[this.stack.length - 1]
  }

  /** wcc's runtime reports a missing template through the render layer's console. */
  private captureRenderWarnings() {
    for (const level of ['warn', 'error'] as const) {
      const original = console[level]
      console[level] = (...a: unknown[]) => void (level === 'warn' ? this.warnings : this.errors).push(`render: ${a.map(String).join(' ')}`)
      this.restore.push(() => (console[level] = original))
    }
  }

  /** Fail with everything the run reported: errors thrown in the logic layer, console errors, template warnings. */
  assertClean(): void {
    const problems = [...this.errors, ...this.warnings.filter((w) => /Template .* not found|render:/.test(w))]
    if (problems.length) throw new Error(`the mini-program reported:\n${problems.join('\n')}`)
  }

  close() {
    this.isClosed = true
    while (this.stack.length) this.stack.pop()!.unload()
    for (const r of this.restore.splice(0)) r()
  }
}

/** `a.b[0].c` or Taro's `root.cn.[0]` → set that place in `data` (creating objects on the way). */
function setPath(data: Record<string, unknown>, key: string, value: unknown) {
  const parts = key.replace(/\.?\[(\d+)\]/g, '.$1').split('.')
  let at = data as Record<string, unknown>
  for (const p of parts.slice(0, -1)) at = (at[p] ??= {}) as Record<string, unknown>
  at[parts[parts.length - 1]] = value
}

function componentSelf(engine: { data: Record<string, unknown>; setData: (p: Record<string, unknown>) => void }, host: WeappHost): Config {
  return { data: host.logic.toLogic(engine.data), setData: (p: Record<string, unknown>) => engine.setData(enginePaths(JSON.parse(JSON.stringify(p)))) }
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

  /** The input element itself: the test id may sit on it or on a wrapper. */
  private inputOf(testId: string): ExparserNode {
    const el = this.find(testId)!
    const seek = (n: TaroNode): TaroNode | null => (/^(input|textarea)$/i.test(n.nodeName) ? n : (n.childNodes ?? []).reduce<TaroNode | null>((hit, c) => hit ?? seek(c), null))
    const input = seek(el)
    if (!input) throw new Error(`${this.route}: "${testId}" has no input inside`)
    return this.engineNode(input, `the input of "${testId}"`)
  }
}
