/**
 * Check-in codes (pure; the server supplies the HMAC, so this file needs no crypto):
 * - the event's rotating code, shown by staff and typed or scanned by attendees: 6 digits derived
 *   from HMAC(secret, `<eventId>:<window>`), a new one every CODE_WINDOW_MS; the previous window is
 *   still accepted so a code read just before it changes works;
 * - an attendee's personal code, scanned by staff: `LINLI:CI:<token>`, the token a random 16
 *   characters stored on the registration (80 bits), so the QR says nothing about who it is: it only
 *   works for staff who run that event, who look it up. Uppercase letters, digits and `:` only, so
 *   the QR uses its compact alphanumeric mode.
 */
export const CODE_WINDOW_MS = 60_000

export type Hmac = (message: string) => string // hex digest with the event's secret

export const windowOf = (now: number): number => Math.floor(now / CODE_WINDOW_MS)

export function codeFromHex(hex: string): string {
  return String(parseInt(hex.slice(0, 8), 16) % 1_000_000).padStart(6, '0')
}

export function rotatingCode(hmac: Hmac, eventId: string, now: number): { code: string; validUntil: number } {
  const w = windowOf(now)
  return { code: codeFromHex(hmac(`${eventId}:${w}`)), validUntil: (w + 1) * CODE_WINDOW_MS }
}

export function acceptsCode(hmac: Hmac, eventId: string, code: string, now: number): boolean {
  const w = windowOf(now)
  return [w, w - 1].some((x) => codeFromHex(hmac(`${eventId}:${x}`)) === code)
}

/** Crockford's base 32: no I, L, O, U to misread. */
const TOKEN_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'
export const TOKEN_LENGTH = 16
const PREFIX = 'LINLI:CI:'

/** A new token from 10 random bytes (16 characters of 5 bits). */
export function newCheckinToken(random10: Uint8Array): string {
  if (random10.length !== 10) throw new Error('a check-in token needs 10 random bytes')
  let bits = 0
  let value = 0
  let out = ''
  for (const byte of random10) {
    value = (value << 8) | byte
    bits += 8
    while (bits >= 5) {
      out += TOKEN_ALPHABET[(value >>> (bits - 5)) & 31]
      bits -= 5
    }
  }
  return out
}

export const attendeeCode = (token: string): string => `${PREFIX}${token}`

/**
 * The token in what a scanner read (or someone typed): case, spaces and dashes do not matter, and
 * letters people confuse with digits are read as them (O → 0, I / L → 1), as Crockford's base 32 says.
 */
export function tokenOf(text: string): string | null {
  const t = text.toUpperCase().replace(/[\s-]/g, '')
  const body = t.startsWith(PREFIX) ? t.slice(PREFIX.length) : t
  const token = body.replace(/O/g, '0').replace(/[IL]/g, '1')
  return token.length === TOKEN_LENGTH && [...token].every((c) => TOKEN_ALPHABET.includes(c)) ? token : null
}
