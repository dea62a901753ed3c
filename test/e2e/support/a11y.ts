/**
 * What the accessibility walk checks on the page on screen (Taro H5 keeps earlier pages of the stack
 * in the DOM, hidden: only `.taro_page_show` counts): axe-core's critical and serious findings, text
 * smaller than the floor, tap targets smaller than the floor, and a page with nothing on it.
 */
import { AxeBuilder } from '@axe-core/playwright'
import type { Page } from 'playwright-core'
import { SHOWN } from './app'

export interface Floors {
  /** smallest text, CSS px */
  font: number
  /** smallest tap target side, CSS px */
  target: number
}

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']

/**
 * axe-core over the page on screen (WCAG 2.1 A/AA and best practice): its critical and serious
 * findings, and the ids of the rules it ran (for the walk's summary).
 */
export async function axeFindings(page: Page): Promise<{ findings: string[]; rules: string[] }> {
  // legacy mode: one axe.run in the page; the default also opens a blank page per run to merge
  // the results of iframes, and this app has none
  const r = await new AxeBuilder({ page }).options({ resultTypes: ['violations'] }).withTags(TAGS).include(SHOWN).setLegacyMode().analyze().catch((err: Error) => err)
  // e.g. no page on screen: a finding like any other, so the walk goes on and lists the rest
  if (r instanceof Error) return { findings: [`axe did not run: ${r.message.split('\n')[0]}`], rules: [] }
  const findings = r.violations
    .filter((v) => v.impact === 'critical' || v.impact === 'serious')
    .map((v) => `${v.id} (${v.impact}) at ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}: ${v.nodes[0]?.any[0]?.message ?? ''}`)
  const rules = [...r.passes, ...r.violations, ...r.incomplete, ...r.inapplicable].map((x) => x.id)
  return { findings, rules }
}

/**
 * Text under the font floor, and tap targets under the target floor: native controls (button,
 * input, textarea, link) and every element React gave an onClick (its props sit on the DOM node).
 */
export async function sizeFindings(page: Page, floors: Floors): Promise<{ findings: string[]; texts: number; targets: number }> {
  return page.evaluate(
    ({ sel, floors }) => {
      const root = document.querySelector(sel)
      if (!root) return { findings: ['no page on screen'], texts: 0, targets: 0 }
      const out: string[] = []
      let texts = 0
      const visible = (el: Element) => {
        const r = el.getBoundingClientRect()
        const s = getComputedStyle(el)
        return r.width > 0 && r.height > 0 && s.visibility !== 'hidden' && s.display !== 'none' && Number(s.opacity) > 0
      }
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT)
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const el = n.parentElement
        const text = (n.textContent ?? '').trim()
        if (!el || !text || !visible(el)) continue
        texts++
        const size = parseFloat(getComputedStyle(el).fontSize)
        if (size < floors.font - 0.01) out.push(`text ${size.toFixed(1)} px: "${text.slice(0, 20)}"`)
      }
      const clickable = (el: Element) => {
        const key = Object.keys(el).find((k) => k.startsWith('__reactProps$'))
        return !!key && typeof (el as unknown as Record<string, { onClick?: unknown }>)[key]?.onClick === 'function'
      }
      const natives = 'button, input:not([type=hidden]), textarea, a[href], taro-button-core, taro-input-core, taro-textarea-core, [role=button], [role=switch]'
      const targets = new Set([...root.querySelectorAll(natives), ...[...root.querySelectorAll('*')].filter(clickable)])
      for (const el of targets) {
        // the control inside a Taro wrapper is measured by its wrapper
        if (el.parentElement?.closest('taro-input-core, taro-textarea-core, taro-button-core') && /^(INPUT|TEXTAREA|BUTTON)$/.test(el.tagName)) continue
        if (!visible(el)) continue
        const r = el.getBoundingClientRect()
        if (r.height < floors.target - 0.5 || r.width < floors.target - 0.5) {
          out.push(`target ${Math.round(r.width)}×${Math.round(r.height)} px: <${el.tagName.toLowerCase()}> "${(el.textContent ?? '').trim().slice(0, 20)}"`)
        }
      }
      if (!(root as HTMLElement).innerText.trim()) out.push('blank page')
      return { findings: out, texts, targets: targets.size }
    },
    { sel: SHOWN, floors },
  )
}
