/**
 * Check-in codes (pure; the server supplies the HMAC, so this file needs no crypto):
 * - the event's rotating code, shown by staff and typed or scanned by attendees: 6 digits derived
 *   from HMAC(secret, `<eventId>:<window>`), a new one every CODE_WINDOW_MS; the previous window is
 *   still accepted so a code read just before it changes works;
 * - an attendee's personal code, scanned by staff: `linli:ci:<eventId>:<openid>:<sig>`.
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

const PERSONAL = /^linli:ci:([A-Za-z0-9_-]{1,40}):([^:]{1,64}):([0-9a-f]{12})$/

export function personalCode(hmac: Hmac, eventId: string, openid: string): string {
  return `linli:ci:${eventId}:${openid}:${hmac(`person:${eventId}:${openid}`).slice(0, 12)}`
}

export function parsePersonalCode(text: string): { eventId: string; openid: string; sig: string } | null {
  const m = PERSONAL.exec(text.trim())
  return m ? { eventId: m[1], openid: m[2], sig: m[3] } : null
}

export function verifyPersonalCode(hmac: Hmac, text: string): { eventId: string; openid: string } | null {
  const p = parsePersonalCode(text)
  if (!p || hmac(`person:${p.eventId}:${p.openid}`).slice(0, 12) !== p.sig) return null
  return { eventId: p.eventId, openid: p.openid }
}
