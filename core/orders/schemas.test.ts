import { fileIdSchema, photosSchema } from './schemas'

describe('photo file ids', () => {
  it.each(['cloud://local.6c6f-local-1250000000/orders/it/a.png', 'cloud://prod-1a2b.7072-prod-1a2b-1300000000/orders/lq3x-ab12cd.jpg', 'cloud://e.b/orders/a..b.png'])('accepts %s', (id) => {
    expect(fileIdSchema.safeParse(id).success).toBe(true)
  })
  it.each([
    'https://evil.example/a.png',
    'cloud://e.b/private/idcard.png',
    'cloud://e.b/orders/../private/idcard.png',
    'cloud://e.b/orders/a/./b.png',
    'cloud://e.b/orders/',
    'cloud://e.b/orders/a b.png',
    'cloud://x/1',
  ])('refuses %s', (id) => {
    expect(fileIdSchema.safeParse(id).success).toBe(false)
  })
  it('at most 3, none by default', () => {
    expect(photosSchema.parse(undefined)).toEqual([])
    expect(photosSchema.safeParse(Array.from({ length: 4 }, (_, i) => `cloud://e.b/orders/${i}.png`)).success).toBe(false)
  })
})
