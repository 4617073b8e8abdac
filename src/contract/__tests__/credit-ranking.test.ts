import assert from 'node:assert/strict'
import { test } from 'node:test'
import { rankMonth, rankScope, scoreTenths, type RankingInput } from '../credit-ranking'

const input = (name: string, received: number, responded: number, settled: number, unanswered = 0, industry = 'food', region = '杭州市'): RankingInput => ({
  enterpriseId: `id-${name}`,
  name,
  industry,
  region,
  received,
  responded,
  settled,
  unanswered,
})

test('the score weighs answers 0.4 and settlements 0.6 and takes 10 points off per unanswered deadline', () => {
  assert.equal(scoreTenths(input('甲', 10, 10, 10)), 1000)
  assert.equal(scoreTenths(input('乙', 6, 5, 4)), 733)
  assert.equal(scoreTenths(input('丙', 7, 3, 1, 2)), 57)
})

test('fewer than 5 complaints are not ranked; equal scores go by name; an unanswered deadline keeps a business off the 红榜', () => {
  const ranked = rankScope([input('乙商店', 5, 5, 5), input('甲商店', 5, 5, 5), input('小店', 4, 0, 0), input('慢店', 10, 10, 10, 1), input('差店', 5, 1, 0)], '', '')
  const rows = ranked.map((row) => `${row.board}${row.place} ${row.name}`)
  // '乙' (U+4E59) sorts before '甲' (U+7532) by character code.
  assert.deepEqual(rows, ['red1 乙商店', 'red2 甲商店', 'black1 差店', 'black2 慢店'])
})

test('a month has boards for all, each industry, each region and each industry within a region', () => {
  const boards = rankMonth([input('甲', 5, 5, 5, 0, 'food', '杭州市'), input('乙', 5, 5, 4, 0, 'travel', '宁波市'), input('丙', 5, 5, 5, 0, 'food', '')])
  const scopes = [...new Set(boards.map((row) => `${row.industry}/${row.region}`))]
  assert.deepEqual(scopes, ['/', '/宁波市', '/杭州市', 'food/', 'food/杭州市', 'travel/', 'travel/宁波市'])
  assert.deepEqual(
    boards.filter((row) => row.industry === 'food' && row.region === '').map((row) => row.name),
    ['丙', '甲'],
  )
})
