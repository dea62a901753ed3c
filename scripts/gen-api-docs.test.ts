import fs from 'node:fs'
import { ALL_ACTIONS } from '../core/registry'
import { API_DOC, renderApiDocs } from './gen-api-docs'

describe('docs/api.md', () => {
  const text = renderApiDocs()
  it('documents every registered action with roles and an input schema', () => {
    for (const c of ALL_ACTIONS) {
      const at = text.indexOf(`### \`${c.fn}.${c.action}\``)
      expect(at).toBeGreaterThan(0)
      expect(text.slice(at, at + 2000)).toMatch(/角色：.+\n- 错误码：.*`INVALID_INPUT`/)
    }
  })
  it('is up to date (run `npm run docs:api` after changing a contract)', () => {
    expect(fs.existsSync(API_DOC) ? fs.readFileSync(API_DOC, 'utf8') : '').toBe(text)
  })
})
