import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { buildSync } from 'esbuild'
import { filesWithZod, h5Gzip, weappPackages } from './size-report'

function tree(files: Record<string, string>): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'size-'))
  for (const [rel, body] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true })
    fs.writeFileSync(path.join(root, rel), body)
  }
  return root
}

test('weapp files split into the main package and the subpackages named in app.json', () => {
  const appJson = JSON.stringify({ pages: ['pages/home/index'], subPackages: [{ root: 'volunteer' }, { root: 'staff/' }] })
  const dist = tree({
    'app.json': appJson,
    'app.js': 'x'.repeat(1000),
    'pages/home/index.js': 'x'.repeat(200),
    'volunteer/pages/home/index.js': 'x'.repeat(300),
    'staff/pages/users/index.js': 'x'.repeat(50),
    'staffing/not-a-subpackage.js': 'x'.repeat(7), // a prefix is not a root
  })
  const { main, subs } = weappPackages(dist)
  const bytes = (xs: { bytes: number }[]) => xs.reduce((s, x) => s + x.bytes, 0)
  expect(bytes(main)).toBe(appJson.length + 1000 + 200 + 7)
  expect(bytes(subs.volunteer)).toBe(300)
  expect(bytes(subs.staff)).toBe(50)
})

test('H5 size counts gzip of JS and CSS only', () => {
  const dir = tree({ 'js/app.js': 'const a = 1;'.repeat(500), 'css/app.css': 'a{color:red}'.repeat(500), 'index.html': '<html>'.repeat(500) })
  const h = h5Gzip(dir)
  expect(h.files).toBe(2)
  expect(h.raw).toBe(12 * 500 * 2)
  expect(h.js).toBeGreaterThan(0)
  expect(h.js).toBeLessThan(200) // repetitive text compresses well: gzip, not raw bytes
  expect(h.css).toBeGreaterThan(0)
})

test('zod in the main package is found by its class-name strings, also in minified code', () => {
  const minified = buildSync({
    stdin: { contents: "import * as z from 'zod'; console.log(z.string().parse('x'))", resolveDir: path.resolve(__dirname, '..') },
    bundle: true,
    minify: true,
    write: false,
  }).outputFiles[0].text
  const dist = tree({ 'app.json': '{"pages":[]}', 'app.js': 'var a=1;', 'common.js': minified, 'pages/home/index.js': 'var t="ZodTypeAhead";' })
  const { main } = weappPackages(dist)
  expect(filesWithZod(main, dist)).toEqual(['common.js'])
})
