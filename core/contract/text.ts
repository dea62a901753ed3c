/**
 * Free text typed by people (names, titles, reasons, descriptions): one set of schemas for every
 * contract, so every such field is cleaned the same way and the server can find them all.
 *
 * - Invisible characters are removed: format characters (zero-width space/joiners, bidi marks and
 *   overrides, BOM, tags…), every default-ignorable code point (hangul fillers, variation
 *   selectors…) and the braille blank U+2800. Pasted text often carries them; alone they make a
 *   name that looks empty, and bidi overrides make text read differently from what is stored.
 * - Control characters (C0/C1: NUL, ESC of terminal escapes, carriage return…) and broken
 *   surrogates are refused with a plain message: a person never types them. Multi-line fields keep
 *   line breaks and tabs (a Windows CRLF becomes LF).
 * - Then the text is trimmed and its length checked.
 *
 * Every schema made here is registered in `freeText` with its label: the server sends the values of
 * checked fields to WeChat's content check (msgSecCheck), and the tests fuzz them.
 */
import * as z from 'zod'

export interface FreeTextMeta {
  /** What the field is, in Chinese (for messages). */
  label: string
  multiline: boolean
  /** Read by other people: passes the content check before it is stored. Search words are not. */
  check: boolean
}

export const freeText = z.registry<FreeTextMeta>()

const INVISIBLE = /[\p{Cf}\p{Default_Ignorable_Code_Point}\u2800]/gu
const CONTROL = /[\p{Cc}\p{Cs}]/u
const CONTROL_MULTILINE = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\p{Cs}]/u
const LETTER = /[\p{L}\p{N}]/u

export const CONTROL_MESSAGE = '含有看不见的控制字符，请删掉后重新输入'
export const NO_LETTER_MESSAGE = '请填写文字'

/** What the schemas do before checking length (exported for the unit tests and the fuzzers). */
export function stripInvisible(s: string, multiline = false): string {
  const text = s.normalize('NFC').replace(INVISIBLE, '')
  return multiline ? text.replace(/\r\n/g, '\n') : text
}

export function hasControl(s: string, multiline = false): boolean {
  return (multiline ? CONTROL_MULTILINE : CONTROL).test(s)
}

interface Options {
  min?: number
  multiline?: boolean
  check?: boolean
  /** Must contain a letter or a Chinese character (names, titles). */
  letter?: boolean
}

function cleaned(what: string, max: number, o: Options) {
  const multiline = o.multiline ?? false
  let s = z
    .string({ error: `请填写${what}` })
    .overwrite((v) => stripInvisible(v, multiline))
    .refine((v) => !hasControl(v, multiline), { error: `${what}${CONTROL_MESSAGE}`, abort: true })
    .trim()
  if (o.min) s = s.min(o.min, { error: o.min === 1 ? `请填写${what}` : `${what}至少${o.min}个字` })
  s = s.max(max, { error: `${what}最多${max}个字` })
  if (o.letter) s = s.refine((v) => v === '' || LETTER.test(v), { error: `${what}里要有文字` })
  return s.register(freeText, { label: what, multiline, check: o.check ?? true })
}

/** A required line of text (a name, a title, a place): not empty, at most `max` characters. */
export const text = (what: string, max: number, o: Omit<Options, 'multiline'> = {}) => cleaned(what, max, { min: 1, ...o })

/** A line of text that may be left out (or empty). */
export const optionalText = (what: string, max: number) => cleaned(what, max, {}).optional()

/** Required text over several lines (a description, a reason, a note). */
export const longText = (what: string, max: number, o: { min?: number } = {}) => cleaned(what, max, { min: 1, ...o, multiline: true })

/** Several lines that may be left out. */
export const optionalLongText = (what: string, max: number) => cleaned(what, max, { multiline: true }).optional()

/** Words to search by: cleaned like the rest, never stored or shown to others, so not content-checked. */
export const searchText = (max: number) => cleaned('搜索词', max, { check: false }).optional()

/** A person's name: must contain a letter or Chinese character. */
export const nameSchema = text('姓名', 20, { letter: true })

/**
 * A code typed or scanned by staff (redemption code, check-in code, invite code): printable ASCII
 * only, so nothing invisible can ride along.
 */
export const token = (what: string, min: number, max: number) =>
  z
    .string({ error: `请输入${what}` })
    .trim()
    .regex(new RegExp(`^[\\x20-\\x7e]{${min},${max}}$`), { error: `${what}格式不对` })
