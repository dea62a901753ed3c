import { spawnSync } from 'node:child_process'
import path from 'node:path'

/**
 * The import boundaries through the project's own ESLint config, on virtual files in each part of
 * the code: each forbidden import is reported, each allowed one is not. (ESLint runs in a child
 * process: its config is an ES module.)
 */
const CASES: Array<{ file: string; code: string; refused: boolean }> = [
  { file: 'cloudfunctions/orders/actions/x.ts', code: "import { releaseAll } from '../../points/booth'", refused: true },
  { file: 'cloudfunctions/points/x.ts', code: "export { staffNames } from '../events/actions/lists'", refused: true },
  { file: 'cloudfunctions/orders/actions/x.ts', code: "import { mustGetOrder } from '../store'\nimport { tx } from '../../../server/db'\nimport { ORDERS } from '../../../core/collections'", refused: false },
  { file: 'core/orders/x.ts', code: "import { tx } from '../../server/db'", refused: true },
  { file: 'core/orders/x.ts', code: "import { EVENTS } from '../collections'", refused: false },
  { file: 'server/x.ts', code: "import { loadSla } from '../cloudfunctions/orders/sla'", refused: true },
  { file: 'localcloud/x.ts', code: "import { USERS } from '../core/collections'", refused: true },
  { file: 'src/pages/x.tsx', code: "import { tx } from '../../server/db'", refused: true },
  { file: 'src/pages/x.tsx', code: "import type { EventDoc } from '@core/events/model'", refused: false },
]

test('imports across parts that must stay apart are refused, with the reason', () => {
  const script = `
    import { ESLint } from 'eslint'
    const eslint = new ESLint()
    const out = []
    for (const c of JSON.parse(process.argv[1])) {
      const [r] = await eslint.lintText(c.code, { filePath: c.file })
      out.push(r.messages.filter((m) => m.ruleId === 'boundaries/imports').map((m) => m.message))
    }
    console.log(JSON.stringify(out))`
  const root = path.resolve(__dirname, '../..')
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', script, JSON.stringify(CASES)], { cwd: root, encoding: 'utf8' })
  expect(r.stderr).toBe('')
  const found = JSON.parse(r.stdout) as string[][]
  expect(CASES.map((c, i) => ({ file: c.file, refused: found[i].length > 0 }))).toEqual(CASES.map((c) => ({ file: c.file, refused: c.refused })))
  expect(found[0][0]).toBe("cloudfunctions/points is another function's folder: a function imports its own folder, core/ and server/ (move what is shared to server/)")
})
