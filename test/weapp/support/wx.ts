/**
 * A recording `wx`: every API of WeChat's typings exists (Taro wraps only the APIs present at start),
 * every call is recorded with its arguments, and the ones the app's journeys need behave: storage in
 * memory, the cloud through the local cloud's dev entry as the chosen person, navigation through the
 * host, answers to prompts (modal, subscribe, scan, photos) scripted by the test, and WeChat's
 * privacy consent before privacy-scoped APIs.
 */
import fs from 'node:fs'
import path from 'node:path'

export interface WxCall {
  api: string
  /** The first argument without its callbacks (JSON), as a test asserts it. */
  args: unknown
}

/** What a test decides for the person in front of the phone. */
export interface Script {
  /** showModal: tap 确定 (default) or the cancel button. */
  modalConfirm: boolean
  /** requestSubscribeMessage: 'accept' (default) or 'reject' for every template asked. */
  subscribe: 'accept' | 'reject'
  /** scanCode: what the camera reads next (a queue). */
  scans: string[]
  /** chooseMedia: the photos picked next (temp paths the fake file system knows). */
  media: string[]
  /** no signal: cloud calls fail as WeChat's do without a network */
  offline: boolean
  /** shareFileMessage: the chat is picked (default) or the picker closed */
  shareFile: 'send' | 'cancel'
}

export interface HostBridge {
  navigate(kind: 'navigateTo' | 'redirectTo' | 'reLaunch' | 'switchTab', url: string): Promise<void>
  back(delta: number): Promise<void>
  cloudUrl: string
  openid: () => string | undefined
  toLogic<T>(v: T): T
  /** After the test closed the host: nothing more goes out to the cloud. */
  closed(): boolean
  /** Wait for the person's consent (the app's prompt) before a privacy-scoped API; false = refused. */
  privacyConsent(api: string): Promise<boolean>
}

/** WeChat's official API typings (a dependency of j-component, resolved from it). */
const TYPINGS = require.resolve('miniprogram-api-typings/types/wx/lib.wx.api.d.ts', { paths: [path.dirname(require.resolve('j-component'))] })

/** Every method of WeChat's `wx` interface, from the official typings. */
export function wxApiNames(): string[] {
  const src = fs.readFileSync(TYPINGS, 'utf8')
  return [...new Set([...src.slice(src.indexOf('interface Wx {')).matchAll(/^\s{8}(\w+)(?:<[^>]*>)?\(/gm)].map((m) => m[1]))]
}

/** APIs that need the person's consent to the privacy guide first (the ones the app uses). */
export const PRIVACY_APIS = new Set(['chooseMedia', 'chooseImage', 'setClipboardData', 'getClipboardData', 'saveImageToPhotosAlbum'])

/** wx.env.USER_DATA_PATH: the one folder a mini-program may write files to. */
export const USER_DATA_PATH = 'wxfile://usr'

const SYSTEM = { platform: 'android', brand: 'test', model: 'weapp-host', system: 'Android 14', windowWidth: 375, windowHeight: 812, screenWidth: 375, screenHeight: 812, pixelRatio: 2, statusBarHeight: 24, SDKVersion: '3.7.0', version: '8.0.50', language: 'zh_CN', theme: 'light', safeArea: { top: 24, left: 0, right: 375, bottom: 812, width: 375, height: 788 } }

type Opts = Record<string, unknown> & { success?: (r: unknown) => void; fail?: (e: unknown) => void; complete?: (r: unknown) => void }
const plain = (o: unknown) => (o && typeof o === 'object' ? JSON.parse(JSON.stringify(o)) : o)

export function createWx(host: HostBridge, files: Map<string, Buffer>) {
  const calls: WxCall[] = []
  /** async APIs called and not yet answered */
  let pending = 0
  const storage = new Map<string, string>()
  const script: Script = { modalConfirm: true, subscribe: 'accept', scans: [], media: [], offline: false, shareFile: 'send' }
  let privacyListener: ((resolve: (o: unknown) => void, info: unknown) => void) | null = null

  /** Run an async API: `answer` gives the result (or throws an { errMsg }); callbacks or a promise. */
  const async =
    (api: string, answer: (o: Opts) => unknown | Promise<unknown>) =>
    (o: Opts = {}) => {
      calls.push({ api, args: plain(o) })
      pending++
      const run = (async () => {
        if (PRIVACY_APIS.has(api) && !(await host.privacyConsent(api))) throw { errMsg: `${api}:fail privacy permission is not authorized` }
        return { errMsg: `${api}:ok`, ...((await answer(o)) as object) }
      })()
      const done = run.finally(() => pending--).then(
        (r) => (o.success?.(host.toLogic(r)), o.complete?.(host.toLogic(r)), host.toLogic(r)),
        (e) => {
          const err = host.toLogic(e && typeof e === 'object' && 'errMsg' in e ? e : { errMsg: `${api}:fail ${String((e as Error)?.message ?? e)}` })
          o.fail?.(err)
          o.complete?.(err)
          if (!o.fail && !o.success) throw err
        },
      )
      return o.success || o.fail || o.complete ? undefined : done
    }
  const sync =
    (api: string, answer: (...a: unknown[]) => unknown) =>
    (...a: unknown[]) => {
      calls.push({ api, args: plain(a.length > 1 ? a : a[0]) })
      return host.toLogic(answer(...a))
    }

  const callDev = async (route: string, body: unknown) => {
    if (host.closed()) throw { errMsg: 'the test host is closed' }
    const res = await fetch(`${host.cloudUrl}${route}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })
    return (await res.json()) as Record<string, unknown>
  }

  /** WeChat's file system, as far as the app writes files: to the user data folder, kept in `files`. */
  const fileSystem = {
    writeFileSync(filePath: string, data: string, encoding = 'utf8') {
      calls.push({ api: 'fs.writeFileSync', args: { filePath, encoding } })
      if (!filePath.startsWith(`${USER_DATA_PATH}/`)) throw new Error(`writeFileSync:fail permission denied, open ${filePath}`)
      files.set(filePath, Buffer.from(data, encoding as BufferEncoding))
    },
  }

  const implemented: Record<string, unknown> = {
    env: { USER_DATA_PATH },
    getFileSystemManager: () => (calls.push({ api: 'getFileSystemManager', args: null }), fileSystem),
    // forwarding a file to a chat: it must exist, and the person may close the chat picker
    shareFileMessage: async('shareFileMessage', (o) => {
      if (!files.has(String(o.filePath))) throw { errMsg: `shareFileMessage:fail file not exist ${o.filePath}` }
      if (script.shareFile === 'cancel') throw { errMsg: 'shareFileMessage:fail cancel' }
    }),
    // a download is a real fetch (a local cloud URL), kept as a temp file
    downloadFile: async('downloadFile', async (o) => {
      const res = await fetch(String(o.url))
      const tempFilePath = `wxfile://tmp/download-${files.size}`
      files.set(tempFilePath, Buffer.from(await res.arrayBuffer()))
      return { tempFilePath, statusCode: res.status }
    }),
    saveImageToPhotosAlbum: async('saveImageToPhotosAlbum', (o) => {
      if (!files.has(String(o.filePath))) throw { errMsg: `saveImageToPhotosAlbum:fail file not exist ${o.filePath}` }
    }),
    // storage: strings of JSON, like WeChat's
    getStorageSync: sync('getStorageSync', (k) => (storage.has(String(k)) ? JSON.parse(storage.get(String(k))!) : '')),
    setStorageSync: sync('setStorageSync', (k, v) => void storage.set(String(k), JSON.stringify(v))),
    removeStorageSync: sync('removeStorageSync', (k) => void storage.delete(String(k))),
    getStorage: async('getStorage', (o) => {
      if (!storage.has(String(o.key))) throw { errMsg: 'getStorage:fail data not found' }
      return { data: JSON.parse(storage.get(String(o.key))!) }
    }),
    setStorage: async('setStorage', (o) => void storage.set(String(o.key), JSON.stringify(o.data))),
    removeStorage: async('removeStorage', (o) => void storage.delete(String(o.key))),
    // device
    getSystemInfoSync: sync('getSystemInfoSync', () => SYSTEM),
    getSystemInfo: async('getSystemInfo', () => SYSTEM),
    getWindowInfo: sync('getWindowInfo', () => SYSTEM),
    getDeviceInfo: sync('getDeviceInfo', () => SYSTEM),
    getAppBaseInfo: sync('getAppBaseInfo', () => SYSTEM),
    getMenuButtonBoundingClientRect: sync('getMenuButtonBoundingClientRect', () => ({ top: 28, left: 281, right: 368, bottom: 60, width: 87, height: 32 })),
    canIUse: sync('canIUse', () => true),
    nextTick: (fn: () => void) => void setTimeout(fn, 0),
    // navigation, through the host's page stack
    navigateTo: async('navigateTo', (o) => host.navigate('navigateTo', String(o.url))),
    redirectTo: async('redirectTo', (o) => host.navigate('redirectTo', String(o.url))),
    reLaunch: async('reLaunch', (o) => host.navigate('reLaunch', String(o.url))),
    switchTab: async('switchTab', (o) => host.navigate('switchTab', String(o.url))),
    navigateBack: async('navigateBack', (o) => host.back(Number(o.delta ?? 1))),
    // what the person answers
    showModal: async('showModal', () => ({ confirm: script.modalConfirm, cancel: !script.modalConfirm })),
    requestSubscribeMessage: async('requestSubscribeMessage', (o) => Object.fromEntries(((o.tmplIds as string[]) ?? []).map((t) => [t, script.subscribe]))),
    scanCode: async('scanCode', () => {
      const result = script.scans.shift()
      if (result === undefined) throw { errMsg: 'scanCode:fail cancel' }
      return { result, scanType: 'QR_CODE', charSet: 'utf-8' }
    }),
    chooseMedia: async('chooseMedia', () => {
      const picked = script.media.splice(0)
      if (!picked.length) throw { errMsg: 'chooseMedia:fail cancel' }
      return { type: 'image', tempFiles: picked.map((p) => ({ tempFilePath: p, size: files.get(p)?.length ?? 0, fileType: 'image' })) }
    }),
    // the phone makes a smaller copy (here: the same bytes under a new temp path)
    compressImage: async('compressImage', (o) => {
      const bytes = files.get(String(o.src))
      if (!bytes) throw { errMsg: `compressImage:fail file not found ${o.src}` }
      const tempFilePath = `${String(o.src).replace(/\.(\w+)$/, '')}-compressed.jpg`
      files.set(tempFilePath, bytes)
      return { tempFilePath }
    }),
    // privacy
    onNeedPrivacyAuthorization: sync('onNeedPrivacyAuthorization', (l) => void (privacyListener = l as typeof privacyListener)),
    getPrivacySetting: async('getPrivacySetting', () => ({ needAuthorization: true, privacyContractName: '《邻里帮隐私保护指引》' })),
    // the cloud, as the chosen person, through the local cloud's dev entry (the H5 build's path)
    cloud: {
      init: sync('cloud.init', () => undefined),
      callFunction: async('cloud.callFunction', async (o) => {
        if (script.offline) throw { errMsg: 'cloud.callFunction:fail request:fail network unavailable', errCode: -1 }
        const body = await callDev('/dev/call', { name: o.name, data: o.data, openid: host.openid() })
        if (!('result' in body)) throw { errMsg: `cloud.callFunction:fail ${body.errCode} ${body.errMsg}` }
        return { result: body.result, requestID: 'local' }
      }),
      uploadFile: async('cloud.uploadFile', async (o) => {
        const bytes = files.get(String(o.filePath))
        if (!bytes) throw { errMsg: `cloud.uploadFile:fail no such temp file ${o.filePath}` }
        const body = await callDev('/dev/upload', { cloudPath: o.cloudPath, base64: bytes.toString('base64') })
        if (!body.fileID) throw { errMsg: `cloud.uploadFile:fail ${body.errMsg}` }
        return { fileID: body.fileID, statusCode: 204 }
      }),
    },
  }

  const wx: Record<string, unknown> = { ...implemented }
  for (const name of wxApiNames()) {
    if (name in wx) continue
    // everything else succeeds with nothing to say (showToast, makePhoneCall, setClipboardData …)
    wx[name] = /Sync$/.test(name) ? sync(name, () => undefined) : /^(on|off)[A-Z]/.test(name) ? sync(name, () => undefined) : async(name, () => ({}))
  }
  return {
    wx,
    calls,
    /** How many async calls wait for their answer (the cloud, prompts…). */
    pending: () => pending,
    storage,
    script,
    /** WeChat's own request for consent, as the base library makes it before a privacy-scoped API. */
    privacyListener: () => privacyListener,
    /** A file the app wrote or downloaded, or a temp file a test added. */
    file: (p: string) => files.get(p),
    /** A picked photo (tests put files here before chooseMedia). */
    addTempFile(name: string, bytes: Buffer) {
      const p = `wxfile://tmp/${path.basename(name)}`
      files.set(p, bytes)
      return p
    },
  }
}

export type FakeWx = ReturnType<typeof createWx>
