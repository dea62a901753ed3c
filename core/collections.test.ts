import indexes from '../database/indexes.json'
import * as collections from './collections'

test('the collections named in code are exactly those database/indexes.json declares', () => {
  const declared = Object.keys((indexes as { collections?: Record<string, unknown> }).collections ?? indexes).sort()
  expect(Object.values(collections).sort()).toEqual(declared)
})
