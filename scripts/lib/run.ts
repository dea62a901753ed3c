import { spawn } from 'node:child_process'

/** Run a command to completion (output inherited unless quiet); resolves with its duration in ms. */
export function run(cmd: string, args: string[], opts: { quiet?: boolean; env?: NodeJS.ProcessEnv } = {}): Promise<number> {
  const started = Date.now()
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { stdio: opts.quiet ? ['ignore', 'pipe', 'pipe'] : 'inherit', env: { ...process.env, ...opts.env } })
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
