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
