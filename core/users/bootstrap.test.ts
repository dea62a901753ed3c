import { bootstrapConfig, bootstrapRoute } from './bootstrap'

describe('admin bootstrap rules', () => {
  it('reads the OPENID list and the invite code; short codes are ignored', () => {
    expect(bootstrapConfig({ LINLI_ADMIN_OPENIDS: ' a, b ,,', LINLI_ADMIN_INVITE: 'abcdefgh' })).toEqual({ adminOpenids: ['a', 'b'], inviteCode: 'abcdefgh' })
    expect(bootstrapConfig({ LINLI_ADMIN_INVITE: 'short' })).toEqual({ adminOpenids: [], inviteCode: undefined })
  })
  it('listed OPENIDs need no code; others need the exact code', () => {
    const cfg = bootstrapConfig({ LINLI_ADMIN_OPENIDS: 'boss', LINLI_ADMIN_INVITE: 'invite-2024-xyz' })
    expect(bootstrapRoute(cfg, 'boss', undefined)).toBe('listed')
    expect(bootstrapRoute(cfg, 'x', ' invite-2024-xyz ')).toBe('invite')
    expect(bootstrapRoute(cfg, 'x', 'invite-2024-xy')).toBe('INVITE_INVALID')
    expect(bootstrapRoute(cfg, 'x', undefined)).toBe('INVITE_INVALID')
    expect(bootstrapRoute(bootstrapConfig({}), 'x', '')).toBe('INVITE_INVALID')
  })
})
