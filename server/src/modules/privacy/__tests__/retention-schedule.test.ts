import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { test } from 'node:test'
import { DEFAULT_RETENTION, RETENTION_KINDS, RETENTION_SCHEDULE, retentionCutoff } from '../retention-schedule'

test('every period is in the README configuration table with its default', () => {
  const readme = readFileSync(new URL('../../../../../README.md', import.meta.url), 'utf8')
  for (const kind of RETENTION_KINDS) {
    const rule = RETENTION_SCHEDULE[kind]
    assert.ok(readme.includes(`| \`${rule.env}\` | \`${rule.period}\` |`), rule.env)
    assert.ok(rule.period >= rule.min && rule.reason && rule.basis, kind)
  }
})

test('cutoffs: hours and days by the clock, years by the calendar', () => {
  const now = new Date('2028-02-29T12:00:00.000Z')
  assert.equal(retentionCutoff(DEFAULT_RETENTION, 'unattached_uploads', now), '2028-02-28T12:00:00.000Z')
  assert.equal(retentionCutoff(DEFAULT_RETENTION, 'sms_codes', now), '2028-02-22T12:00:00.000Z')
  assert.equal(retentionCutoff({ ...DEFAULT_RETENTION, closed_complaints: 1 }, 'closed_complaints', now), '2027-03-01T12:00:00.000Z')
})
