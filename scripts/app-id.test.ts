import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { appIdFrom, writePrivateAppId } from './app-id'

test('the appid comes from TARO_APP_ID, else .env.local, and lands in project.private.config.json', () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'appid-'))
  expect(appIdFrom({}, root)).toBeUndefined()
  fs.writeFileSync(path.join(root, '.env.local'), 'TARO_APP_TEMPLATE_ORDER=x\nTARO_APP_ID="wx0123456789abcdef"\n')
  expect(appIdFrom({}, root)).toBe('wx0123456789abcdef')
  expect(appIdFrom({ TARO_APP_ID: 'wxfromshell' }, root)).toBe('wxfromshell')
  fs.writeFileSync(path.join(root, 'project.private.config.json'), JSON.stringify({ setting: { compileHotReLoad: true } }))
  writePrivateAppId('wx0123456789abcdef', root)
  expect(JSON.parse(fs.readFileSync(path.join(root, 'project.private.config.json'), 'utf8'))).toEqual({ setting: { compileHotReLoad: true }, appid: 'wx0123456789abcdef' })
})
