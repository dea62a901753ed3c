/**
 * Static gates on the weapp build (dist/), each with its negative control on a hand-made fixture.
 */
import path from 'node:path'
import { compileTemplates } from './support/render'
import { compileStyles, freeGlobals, projectCheck, unknownPagePaths } from './support/gates'
import { DIST } from './support/host'

const FIXTURES = path.resolve(__dirname, '../fixtures/weapp')
const fixture = (name: string) => path.join(FIXTURES, name)

describe('the weapp build', () => {
  test('every .wxml and .wxs compiles with wcc, every .wxss with wcsc', () => {
    expect(() => compileTemplates(DIST)).not.toThrow()
    expect(compileStyles(DIST).files).toBeGreaterThan(20)
  })
  test('app.json and every page json pass miniprogram-ci\'s project check (offline)', async () => {
    expect(await projectCheck(DIST)).toMatchObject({ ok: true })
  })
  test('every page path named in the bundle is in app.json', () => {
    expect(unknownPagePaths(DIST)).toEqual([])
  })
  test('the bundle reads no global the logic layer lacks (other than ones it feature-tests, and the reviewed ones)', () => {
    expect(freeGlobals(DIST)).toEqual({})
  })
})

describe('the gates fail when they should', () => {
  test('a broken stylesheet', () => {
    expect(() => compileStyles(fixture('bad-style'))).toThrow(/wcsc/)
    expect(compileStyles(fixture('mini')).files).toBe(1)
  })
  test('an app.json WeChat refuses', async () => {
    expect(await projectCheck(fixture('bad-json'))).toMatchObject({ ok: false, error: expect.stringMatching(/navigationBarTextStyle/) })
    expect(await projectCheck(fixture('mini'))).toMatchObject({ ok: true })
  })
  test('a page path app.json does not list, and a browser-only global', () => {
    expect(unknownPagePaths(fixture('bad-js'))).toEqual([{ path: 'pages/nowhere/index', file: 'pages/a/index.js' }])
    expect(freeGlobals(fixture('bad-js'))).toEqual({ navigator: ['pages/a/index.js'] })
    expect(freeGlobals(fixture('mini'))).toEqual({ localStorage: ['pages/a/index.js'] })
  })
})
