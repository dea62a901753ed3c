/**
 * miniprogram-ci's own check of a package (app.json, page json, sitemap, files), offline: a throwaway
 * RSA key and the default project attributes stand in for the upload key and WeChat's answer. Runs
 * as a child process and exits: the check leaves a compiler process alive. Prints one JSON line.
 *   tsx test/weapp/support/ci-check.ts <package dir>
 */
import { generateKeyPairSync } from 'node:crypto'
import path from 'node:path'

async function main(root: string) {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- untyped CommonJS
  const ci = require('miniprogram-ci')
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 1024, privateKeyEncoding: { type: 'pkcs1', format: 'pem' }, publicKeyEncoding: { type: 'spki', format: 'pem' } })
  const project = new ci.Project({ appid: 'wx0000000000000000', type: 'miniProgram', projectPath: path.resolve(root), privateKey, ignores: [] })
  project.attr = async () => ci.DefaultProjectAttr
  try {
    const files = await ci.getCompiledResult({ project, setting: { es6: false, minify: false }, onProgressUpdate: () => undefined })
    console.log(JSON.stringify({ ok: true, files: Object.keys(files).length }))
  } catch (err) {
    console.log(JSON.stringify({ ok: false, error: String((err as Error)?.message ?? err) }))
  }
  process.exit(0)
}

void main(process.argv[2] ?? 'dist')
