import { childEnv, run } from './run'

test('children do not inherit the SDK environment of a cloud hosted by the parent', () => {
  const parent = { PATH: '/bin', TCB_CONTEXT_CNFG: '{"URL":"http://127.0.0.1:1/admin"}', TENCENTCLOUD_RUNENV: 'SCF', WX_OPENID: 'o1', TCB_ENV: 'x', LINLI_TEST_CLOUD_FILE: '/tmp/f', SILENCE: 'true' }
  expect(childEnv({ NODE_ENV: 'production' }, parent)).toEqual({ PATH: '/bin', SILENCE: 'true', NODE_ENV: 'production' })
})

test('a spawned process really sees the clean environment', async () => {
  const saved = process.env.TCB_CONTEXT_CNFG
  process.env.TCB_CONTEXT_CNFG = '{"URL":"http://127.0.0.1:1/admin"}'
  try {
    await expect(run(process.execPath, ['-e', 'process.exit(process.env.TCB_CONTEXT_CNFG ? 3 : 0)'], { quiet: true })).resolves.toBeGreaterThanOrEqual(0)
  } finally {
    if (saved === undefined) delete process.env.TCB_CONTEXT_CNFG
    else process.env.TCB_CONTEXT_CNFG = saved
  }
})
