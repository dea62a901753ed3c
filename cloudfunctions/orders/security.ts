/** Free text passes WeChat's content check (msgSecCheck v2) before it is stored. */
import { AppError, commonError } from '../../core/contract/errors'
import type { Ctx } from '../../server/context'

/**
 * risky → CONTENT_RISKY. If the check itself cannot run (open API down), the text is let through and
 * logged: staff read every order at triage, and a resident should not lose their request to an outage.
 */
export async function assertSafeText(ctx: Pick<Ctx, 'cloud' | 'openid' | 'log'>, ...texts: (string | null | undefined)[]): Promise<void> {
  const content = texts.filter((t): t is string => !!t && t.trim().length > 0).join('\n')
  if (!content) return
  try {
    const res = (await ctx.cloud.openapi.security.msgSecCheck({ content, version: 2, scene: 2, openid: ctx.openid })) as {
      result?: { suggest?: string }
    }
    if (res?.result?.suggest === 'risky') throw commonError('CONTENT_RISKY')
  } catch (err) {
    if (err instanceof AppError) throw err
    const code = (err as { errCode?: number })?.errCode
    if (code === 87014) throw commonError('CONTENT_RISKY')
    ctx.log('msgSecCheck unavailable, text let through', err)
  }
}
