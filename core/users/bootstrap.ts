/**
 * First admin, decided purely from configuration (docs/admin-bootstrap.md):
 * - LINLI_ADMIN_OPENIDS: comma-separated OPENIDs that may always make themselves admin;
 * - LINLI_ADMIN_INVITE: a one-time invite code; the first registered user who enters it becomes
 *   admin, and the code is then spent (recorded in the `settings` collection).
 */
export interface BootstrapConfig {
  adminOpenids: string[]
  inviteCode?: string
}

export function bootstrapConfig(env: Record<string, string | undefined>): BootstrapConfig {
  const adminOpenids = (env.LINLI_ADMIN_OPENIDS ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
  const code = env.LINLI_ADMIN_INVITE?.trim()
  // A short code is guessable: ignore codes under 8 characters.
  return { adminOpenids, inviteCode: code && code.length >= 8 ? code : undefined }
}

/** 'listed' | 'invite' when the caller may become admin this way, else the refusal code. */
export function bootstrapRoute(cfg: BootstrapConfig, openid: string, code: string | undefined): 'listed' | 'invite' | 'INVITE_INVALID' {
  if (cfg.adminOpenids.includes(openid)) return 'listed'
  if (cfg.inviteCode && code !== undefined && sameText(code.trim(), cfg.inviteCode)) return 'invite'
  return 'INVITE_INVALID'
}

/** Comparison that does not stop at the first differing character. */
function sameText(a: string, b: string): boolean {
  let diff = a.length ^ b.length
  for (let i = 0; i < Math.max(a.length, b.length); i++) diff |= (a.charCodeAt(i) || 0) ^ (b.charCodeAt(i) || 0)
  return diff === 0
}
