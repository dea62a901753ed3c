/**
 * The mini-program's appid comes from TARO_APP_ID (the shell, CI, or .env.local), never from an
 * edited file: Taro writes it into dist/project.config.json, and this writes it into the git-ignored
 * project.private.config.json at the repository root, which WeChat DevTools reads over
 * project.config.json when the root is opened (deploy reads TARO_APP_ID too).
 * Run before `taro build --type weapp` (npm run build:weapp). Without TARO_APP_ID it changes nothing.
 */
import fs from 'node:fs'
import path from 'node:path'

export const ROOT = path.resolve(__dirname, '..')

/** TARO_APP_ID from the environment, else from .env.local / .env (the files Taro reads). */
export function appIdFrom(env: NodeJS.ProcessEnv, root = ROOT): string | undefined {
  if (env.TARO_APP_ID) return env.TARO_APP_ID
  for (const f of ['.env.local', '.env']) {
    const file = path.join(root, f)
    if (!fs.existsSync(file)) continue
    const m = /^\s*TARO_APP_ID\s*=\s*"?([^"\s]+)"?/m.exec(fs.readFileSync(file, 'utf8'))
    if (m) return m[1]
  }
  return undefined
}

/** Write the appid into project.private.config.json (other fields there are kept). Returns what was written. */
export function writePrivateAppId(appid: string, root = ROOT): string {
  const file = path.join(root, 'project.private.config.json')
  const current = fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>) : {}
  fs.writeFileSync(file, JSON.stringify({ ...current, appid }, null, 2) + '\n')
  return file
}

if (require.main === module) {
  const appid = appIdFrom(process.env)
  if (appid) console.log(`appid ${appid} → ${path.relative(ROOT, writePrivateAppId(appid))}`)
}
