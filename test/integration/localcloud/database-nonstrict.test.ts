/** Non-strict mode (strict: false): where() in a transaction runs outside it, as in the real cloud. */
import { startDbCloud, type Tx } from './fixtures/db-cloud'

test('non-strict mode runs where() outside the transaction (as the cloud does)', async () => {
  const loose = await startDbCloud({ strict: false })
  try {
    await loose.db.createCollection('acc')
    await loose.db.collection('acc').doc('a').set({ data: { v: 1 } })
    const found = await loose.db.runTransaction(async (tx: Tx) => (await tx.collection('acc').where({ v: 1 }).get()).data)
    expect(found).toEqual([{ _id: 'a', v: 1 }])
    expect(loose.logs.join('\n')).toContain('inside a transaction runs outside it')
  } finally {
    await loose.stop()
  }
})
