/**
 * Redemption codes: 8 characters from an alphabet without look-alikes (no 0/O, 1/I/L), shown as
 * `ABCD-EFGH`, typed in any case with or without the dash. The code is derived from a hash of
 * (openid, client request id), so a retried request finds the same redemption.
 */
import { hash32 } from '../points/accounts'

export const CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ'
export const CODE_LENGTH = 8

export function codeFor(openid: string, requestId: string): string {
  let out = ''
  for (let i = 0; out.length < CODE_LENGTH; i++) {
    let h = hash32(`${i}:${openid}:${requestId}`)
    for (let k = 0; k < 4 && out.length < CODE_LENGTH; k++) {
      out += CODE_ALPHABET[h % CODE_ALPHABET.length]
      h = Math.floor(h / CODE_ALPHABET.length)
    }
  }
  return out
}

export function formatCode(code: string): string {
  return `${code.slice(0, 4)}-${code.slice(4)}`
}

/** What staff typed or scanned → the bare code, or null when it cannot be one. */
export function normalizeCode(input: string): string | null {
  const text = input.trim()
  const fromQr = /^linli:rd:(.+)$/i.exec(text)
  const bare = (fromQr ? fromQr[1] : text).toUpperCase().replace(/[\s-]/g, '')
  if (bare.length !== CODE_LENGTH) return null
  return [...bare].every((c) => CODE_ALPHABET.includes(c)) ? bare : null
}

/**
 * The QR payload shown to the resident (the app renders it; the booth scanner reads it). Upper case
 * so it fits the QR alphanumeric mode (smaller code, no byte mode); read back in any case.
 */
export const qrPayload = (code: string): string => `LINLI:RD:${code}`
