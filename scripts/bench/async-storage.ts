/**
 * What an enabled AsyncLocalStorage costs every promise made in the same process. Jest running test
 * files "in band" (in its own process, which hosts the local cloud in the integration and e2e runs)
 * leaves one enabled per test file; jest.config.js keeps test files in a worker for this reason.
 */
import { AsyncLocalStorage } from 'node:async_hooks'

const AWAITS = 300_000

async function awaitsMs(): Promise<number> {
  const t0 = process.hrtime.bigint()
  for (let i = 0; i < AWAITS; i++) await Promise.resolve(i)
  return Number(process.hrtime.bigint() - t0) / 1e6
}

async function main() {
  await awaitsMs() // warm up
  const base = await awaitsMs()
  for (const n of [0, 1, 10, 72]) {
    const stores = Array.from({ length: n }, (_, i) => {
      const s = new AsyncLocalStorage<{ file: number }>()
      s.enterWith({ file: i })
      return s
    })
    const ms = n === 0 ? base : await awaitsMs()
    console.log(`${String(n).padStart(3)} enabled AsyncLocalStorage: ${AWAITS.toLocaleString('en')} awaits in ${ms.toFixed(0).padStart(5)} ms (${(ms / base).toFixed(1)}× none)`)
    for (const s of stores) s.disable()
  }
}

void main()
