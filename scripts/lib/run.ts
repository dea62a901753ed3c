import { spawn } from 'node:child_process'

/**
 * Variables that point wx-server-sdk at one cloud and name its caller. A child process (seed, builds)
 * must not inherit them: the parent may itself host a local cloud (jest's integration globalSetup
 * exports its cloud into process.env before the e2e globalSetup starts another), and the SDK binds
 * to whatever these say when it is first required.
 */
const CLOUD_ENV = /^(TCB_|TENCENTCLOUD_|WX_|SCF_|LOCALCLOUD_URL$|LINLI_TEST_CLOUD_FILE$)/

/** process.env without the cloud/caller variables, plus `extra`. */
export function childEnv(extra: NodeJS.ProcessEnv = {}, base: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {}
  for (const [k, v] of Object.entries(base)) if (!CLOUD_ENV.test(k)) env[k] = v
  return { ...env, ...extra }
}

/** Run a command to completion (output inherited unless quiet); resolves with its duration in ms. */
export function run(cmd: string, args: string[], opts: { quiet?: boolean; env?: NodeJS.ProcessEnv } = {}): Promise<number> {
  const started = Date.now()
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { stdio: opts.quiet ? ['ignore', 'pipe', 'pipe'] : 'inherit', env: childEnv(opts.env) })
    let tail = ''
    const keep = (b: Buffer) => (tail = (tail + b.toString()).slice(-4000))
    child.stdout?.on('data', keep)
    child.stderr?.on('data', keep)
    child.on('error', reject)
    child.on('exit', (code) => {
      if (code === 0) resolve(Date.now() - started)
      else reject(new Error(`${cmd} ${args.join(' ')} exited with ${code}\n${tail}`))
    })
  })
}

/** `npm run <script>` (quiet keeps a tail of the output for the error message). */
export function npmRun(script: string, opts: { quiet?: boolean; env?: NodeJS.ProcessEnv } = {}): Promise<number> {
  return run('npm', ['run', '--silent', script], opts)
}
