import assert from 'node:assert/strict'
import { test } from 'node:test'
import { NOTIFICATION_CHANNEL_LABELS, NOTIFICATION_TYPE_LABELS } from '../notification'
import { CHANNEL_LABELS, NOTIFICATION_LABELS } from '../notification-labels'

test('the app shows the same type and channel names the contract defines', () => {
  assert.deepEqual(NOTIFICATION_LABELS, { ...NOTIFICATION_TYPE_LABELS })
  assert.deepEqual(CHANNEL_LABELS, NOTIFICATION_CHANNEL_LABELS)
})
