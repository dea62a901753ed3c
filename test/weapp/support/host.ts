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
import { PageHandle } from './page'
export { SETDATA_LIMIT } from './page'
import { compileTemplates, enginePaths, register, type Gwx } from './render'
import { createWx, type FakeWx } from './wx'

export const DIST = path.resolve(__dirname, '../../../dist')

export interface HostOptions {
  root?: string
  cloudUrl: string
  openid?: string
}

export interface TaroNode {
  sid: string
  nodeValue?: string
  uid?: string
  nodeName: string
  childNodes: TaroNode[]
  parentNode?: TaroNode | null
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
  private readonly appJson: { pages: string[]; subPackages?: { root: string; pages: string[] }[]; window?: Record<string, unknown> }
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

  /** A page's window settings as WeChat applies them: app.json's `window`, then the page's own json. */
  windowOf(route: string): Record<string, unknown> {
    const own = path.join(this.root, `${route}.json`)
    return { ...this.appJson.window, ...(fs.existsSync(own) ? (JSON.parse(fs.readFileSync(own, 'utf8')) as Record<string, unknown>) : {}) }
  }

  reLaunch(url: string) {
    return this.navigate('reLaunch', url)
  }

  /**
   * WeChat opened at a page the package does not have (an old share card or QR code): no page is
   * shown, and App.onPageNotFound is called with the path, as WeChat does at launch.
   */
  openMissing(url: string): void {
    const [pathPart, queryPart = ''] = url.split('?')
    const route = pathPart.replace(/^\/+/, '')
    if (this.pages().includes(route)) throw new Error(`${route} exists: not a missing page`)
    while (this.stack.length) this.stack.pop()!.unload()
    this.call(this.logic.app(), 'onPageNotFound', { path: route, query: Object.fromEntries(new URLSearchParams(queryPart)), isEntryPage: true })
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
  /** Wait until no call waits for its answer and the pages have drawn what the answers changed. */
  async settle(timeoutMs = 8000): Promise<void> {
    const until = Date.now() + timeoutMs
    for (let quiet = 0; quiet < 3; ) {
      if (Date.now() > until) throw new Error(`still ${this.fake.pending()} wx calls unanswered after ${timeoutMs} ms`)
      await new Promise((r) => setTimeout(r, 20))
      quiet = this.fake.pending() ? 0 : quiet + 1
    }
  }

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

function componentSelf(engine: { data: Record<string, unknown>; setData: (p: Record<string, unknown>) => void }, host: WeappHost): Config {
  return { data: host.logic.toLogic(engine.data), setData: (p: Record<string, unknown>) => engine.setData(enginePaths(JSON.parse(JSON.stringify(p)))) }
}
