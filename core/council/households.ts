/**
 * A household (户): one home address of the community — building, unit and room of a resident's
 * profile. Supports and ballots are counted per household, not per person, so a family with three
 * phones has one say. A profile without a room belongs to no household yet.
 */

/** The room as people write it: "302", "302室", " 302 " and "３０２" are one. */
export function normalRoom(room: string): string {
  return room
    .normalize('NFKC')
    .replace(/\s+/g, '')
    .replace(/[室号]$/, '')
    .toUpperCase()
}

export function householdOf(u: { communityId: string; buildingId: string; unitId: string; room?: string | null }): string | null {
  const room = normalRoom(u.room ?? '')
  return room ? `${u.communityId}|${u.buildingId}|${u.unitId}|${room}` : null
}
