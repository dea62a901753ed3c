/** Free text passes WeChat's content check (msgSecCheck v2) before a handler sees it. */
import type * as z from 'zod'
import { AppError, commonError } from '../core/contract/errors'
import { checkedTexts, hasCheckedText, type TextValue } from '../core/contract/walk'
import type { Ctx } from './context'

type CheckCtx = Pick<Ctx, 'cloud' | 'openid' | 'log'>

const hasText = new WeakMap<z.ZodType, boolean>()

/**
 * Every content-checked free-text field of the parsed input (core/contract/text.ts), one check per
 * field in parallel; a risky one → CONTENT_RISKY with the field in `details`, so the page can show
 * it there. If the check itself cannot run (open API down), the text is let through and logged:
 * staff read what is stored, and a resident should not lose their request to an outage.
 */
export async function assertSafeInput(ctx: CheckCtx, schema: z.ZodType, input: unknown): Promise<void> {
  let any = hasText.get(schema)
  if (any === undefined) hasText.set(schema, (any = hasCheckedText(schema)))
  if (!any) return
  const risky = (await Promise.all(checkedTexts(schema, input).map(async (t) => ((await isRisky(ctx, t)) ? t : null)))).filter((t) => t !== null)
  if (risky.length) throw commonError('CONTENT_RISKY', risky.map((t) => ({ path: t.path, message: `${t.label}含有不合适的词语，请修改` })))
}

async function isRisky(ctx: CheckCtx, t: TextValue): Promise<boolean> {
  try {
    const res = (await ctx.cloud.openapi.security.msgSecCheck({ content: t.text, version: 2, scene: 2, openid: ctx.openid })) as {
      result?: { suggest?: string }
    }
    return res?.result?.suggest === 'risky'
  } catch (err) {
    if (err instanceof AppError) throw err
    if ((err as { errCode?: number })?.errCode === 87014) return true
    ctx.log('msgSecCheck unavailable, text let through', err)
    return false
  }
}
