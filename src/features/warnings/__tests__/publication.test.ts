import assert from 'node:assert/strict'
import { test } from 'node:test'
import { publicationText } from '../staff/publication'

const now = new Date('2026-11-24T02:00:00Z')

test('a published warning due later reads as scheduled, with its time', () => {
  const text = publicationText({ status: 'published', publishedAt: '2026-11-30T01:00:00Z' }, now)
  assert.match(text, /^定时发布（11月30日 \d\d:00）$/)
})

test('drafts, published and archived ones read as their status', () => {
  assert.equal(publicationText({ status: 'draft', publishedAt: null }, now), '草稿')
  assert.equal(publicationText({ status: 'published', publishedAt: '2026-11-20T01:00:00Z' }, now), '已发布')
  assert.equal(publicationText({ status: 'archived', publishedAt: '2026-11-20T01:00:00Z' }, now), '已归档')
})
