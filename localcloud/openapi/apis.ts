import fs from 'node:fs'
import path from 'node:path'
import QRCode from 'qrcode'

/** What an open API handler answers: a JSON body (errcode 0 = success) or a binary body. */
export type ApiAnswer = { json: Record<string, unknown> } | { binary: Buffer; contentType: string; summary: Record<string, unknown> }

type Params = Record<string, unknown>
type Handler = (p: Params) => ApiAnswer | Promise<ApiAnswer>

const wxError = (errcode: number, errmsg: string): ApiAnswer => ({ json: { errcode, errmsg } })
const ok = (extra: Record<string, unknown> = {}): ApiAnswer => ({ json: { errcode: 0, errmsg: 'ok', ...extra } })

/** Local word list: label and word per line (risky-words.txt beside this file). */
export function loadWordList(file = path.join(__dirname, 'risky-words.txt')): Array<{ label: number; word: string }> {
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'))
    .map((l) => {
      const [label, ...rest] = l.split(/\s+/)
      return { label: Number(label), word: rest.join(' ').toLowerCase() }
    })
}

/** Longest allowed length per subscribe-message field kind (the cloud rejects longer values). */
const FIELD_LIMITS: Array<[RegExp, number]> = [
  [/^thing\d+$/, 20],
  [/^phrase\d+$/, 5],
  [/^name\d+$/, 10],
  [/^(character_string|number|letter)\d+$/, 32],
]

function sendSubscribeMessage(p: Params): ApiAnswer {
  if (typeof p.touser !== 'string' || !p.touser) return wxError(40003, 'invalid openid')
  if (typeof p.template_id !== 'string' || !p.template_id) return wxError(40037, 'invalid template_id')
  if (!p.data || typeof p.data !== 'object') return wxError(47003, 'argument invalid! data is empty')
  for (const [key, entry] of Object.entries(p.data as Record<string, unknown>)) {
    const value = (entry as { value?: unknown })?.value
    if (typeof value !== 'string' && typeof value !== 'number') return wxError(47003, `argument invalid! data.${key}.value invalid`)
    const limit = FIELD_LIMITS.find(([re]) => re.test(key))?.[1]
    if (limit !== undefined && [...String(value)].length > limit) return wxError(47003, `argument invalid! data.${key}.value exceeds max length ${limit}`)
  }
  if (p.miniprogram_state !== undefined && !['developer', 'trial', 'formal'].includes(String(p.miniprogram_state))) {
    return wxError(47003, 'argument invalid! miniprogram_state invalid')
  }
  return ok({ msgid: Date.now() })
}

function msgSecCheck(words: Array<{ label: number; word: string }>, p: Params): ApiAnswer {
  if (typeof p.content !== 'string') return wxError(47001, 'data format error')
  const text = [p.content, p.title, p.nickname, p.signature].filter((x) => typeof x === 'string').join('\n').toLowerCase()
  const hit = words.find((w) => text.includes(w.word))
  if (Number(p.version) !== 2) return hit ? wxError(87014, 'risky content') : ok()
  // v2 answers errcode 0 and a suggestion; openid and scene are required.
  if (typeof p.openid !== 'string' || !p.openid) return wxError(40003, 'invalid openid')
  if (![1, 2, 3, 4].includes(Number(p.scene))) return wxError(40097, 'invalid args: scene')
  const suggest = hit ? 'risky' : 'pass'
  const label = hit ? hit.label : 100
  return ok({
    result: { suggest, label },
    detail: [{ strategy: 'keyword', errcode: 0, suggest, label, ...(hit ? { keyword: hit.word } : {}) }],
    trace_id: `local-${Date.now().toString(36)}`,
  })
}

/** Bytes that make the local image check answer "risky" (WeChat's model is not available offline). */
export const RISKY_IMAGE_MARK = 'linli-risky-image'
const IMAGE_LIMIT = 1024 * 1024

/** security.imgSecCheck: 87014 for an image carrying the mark, 40006 above 1 MB, else ok. */
function imgSecCheck(p: Params): ApiAnswer {
  const media = p.media as { value?: Buffer } | undefined
  if (!media?.value?.length) return wxError(41005, 'media data missing')
  if (media.value.length > IMAGE_LIMIT) return wxError(40006, 'invalid media size')
  return media.value.includes(RISKY_IMAGE_MARK) ? wxError(87014, 'risky content') : ok()
}

const SCENE = /^[0-9A-Za-z!#$&'()*+,/:;=?@\-._~]{1,32}$/

async function getUnlimited(p: Params): Promise<ApiAnswer> {
  if (typeof p.scene !== 'string' || !SCENE.test(p.scene)) return wxError(40169, 'invalid length for scene, or the data is not json')
  if (p.page !== undefined && (typeof p.page !== 'string' || p.page.startsWith('/'))) return wxError(41030, 'invalid page')
  const w = Number(p.width ?? 430)
  const width = Number.isFinite(w) ? Math.min(1280, Math.max(280, w)) : 430
  const binary = await QRCode.toBuffer(p.scene, { type: 'png', width, margin: 2, errorCorrectionLevel: 'M' })
  return { binary, contentType: 'image/png', summary: { errcode: 0, contentType: 'image/png', bytes: binary.length, width } }
}

/** The open APIs the app uses, by the SDK's api name (`cloud.openapi.<api>`). */
export function openApis(words = loadWordList()): Record<string, Handler> {
  return {
    'subscribeMessage.send': sendSubscribeMessage,
    'security.msgSecCheck': (p) => msgSecCheck(words, p),
    'wxacode.getUnlimited': getUnlimited,
    'security.imgSecCheck': imgSecCheck,
  }
}
