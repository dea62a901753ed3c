import fs from 'node:fs'
import { PRIVACY_DOC, renderPrivacyDoc } from './gen-privacy-doc'

test('docs/privacy.md is up to date (run `npm run docs:api` after changing core/privacy/guide.ts)', () => {
  expect(fs.existsSync(PRIVACY_DOC) ? fs.readFileSync(PRIVACY_DOC, 'utf8') : '').toBe(renderPrivacyDoc())
})
