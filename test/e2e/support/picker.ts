import type { Locator, Page } from 'playwright-core'

/** Taro H5's picker wheel: rows of 34 px; the selected row sits where the content is moved to 102 px. */
const ROW = 34
const TOP = 102

/** Which row of a wheel is selected now (from the content's translate3d). */
async function selectedRow(group: Locator): Promise<number> {
  const y = await group.locator('.weui-picker__content').evaluate((el) => new DOMMatrix(getComputedStyle(el).transform).m42)
  return Math.round((TOP - y) / ROW)
}

/** One finger stroke on a wheel, `dy` px up (negative) or down, in small steps as a finger moves. */
async function drag(page: Page, group: Locator, dy: number): Promise<void> {
  const box = (await group.boundingBox())!
  const x = box.x + box.width / 2
  const y = box.y + box.height / 2
  await page.mouse.move(x, y)
  await page.mouse.down()
  const steps = Math.max(2, Math.ceil(Math.abs(dy) / 20))
  for (let s = 1; s <= steps; s++) await page.mouse.move(x, y + (dy * s) / steps)
  await page.mouse.up()
  await page.waitForTimeout(350) // the wheel settles (0.3 s transition)
}

/**
 * Turn Taro H5's picker (opened by tapping `opener`) to the given text in each wheel, as a finger
 * does: drag each wheel by whole rows, then tap 确定. `wheels` holds one text per column
 * ('2026年', '12月', '8日' for a date; '14', '30' for a time); null leaves that column alone.
 */
export async function turnPicker(page: Page, opener: Locator, wheels: (string | null)[]): Promise<void> {
  await opener.click()
  const picker = page.locator('.weui-picker').filter({ visible: true })
  await picker.waitFor()
  // it slides up from the bottom: a drag before it has arrived lands outside it
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'))
  await page.waitForFunction(() => {
    const sheet = Array.from(document.querySelectorAll('.weui-picker')).find((el) => el.getBoundingClientRect().height > 0 && getComputedStyle(el).display !== 'none')
    return !!sheet && sheet.getBoundingClientRect().bottom <= window.innerHeight + 1
  })
  for (const [i, want] of wheels.entries()) {
    if (want === null) continue
    const group = picker.locator('taro-picker-group').nth(i)
    // the month and day wheels are rebuilt when an earlier one changes: read them now
    const texts = (await group.locator('.weui-picker__item').allTextContents()).map((t) => t.trim())
    const from = await selectedRow(group)
    const candidates = texts.map((t, k) => (t === want ? k : -1)).filter((k) => k >= 0)
    if (!candidates.length) throw new Error(`the picker's wheel ${i} has no "${want}" (it has ${texts.slice(0, 12).join(' ')}…)`)
    const to = candidates.reduce((a, b) => (Math.abs(b - from) < Math.abs(a - from) ? b : a))
    // in strokes of at most two rows: a pointer that leaves the wheel ends the drag
    for (let at = from, strokes = 0; at !== to; strokes++) {
      if (strokes > 40) throw new Error(`the picker's wheel ${i} did not reach "${want}"`)
      const rows = Math.max(-2, Math.min(2, at - to))
      await drag(page, group, rows * ROW)
      const next = await selectedRow(group)
      if (next === at) throw new Error(`the picker's wheel ${i} did not move from row ${at}`)
      at = next
    }
    const now = await selectedRow(group)
    const got = (await group.locator('.weui-picker__item').allTextContents())[now]?.trim()
    if (got !== want) throw new Error(`the picker's wheel ${i} stopped at "${got}", not "${want}"`)
  }
  await picker.locator('.weui-picker__action').getByText('确定', { exact: true }).click()
  await picker.waitFor({ state: 'hidden' })
}
