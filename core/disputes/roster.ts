import { createHash } from 'node:crypto'

/** The community's mediators: volunteers who mediate (e.g. 银发先锋) and professionals who come on fixed days. */
export interface RosterDoc {
  _id: string
  communityId: string
  kind: 'volunteer' | 'professional'
  /** Who acts in the app for them (a volunteer always; a professional if they have it). */
  openid: string | null
  name: string
  title: string
  phone: string
  days: string
  active: boolean
  updatedAt: number
}

/** A volunteer is on a community's roster once: their entry's id comes from both. */
export const volunteerEntryId = (communityId: string, openid: string): string => `mv${createHash('sha256').update(`${communityId}:${openid}`).digest('hex').slice(0, 20)}`
