import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import dayjs from 'dayjs'
import 'dayjs/locale/zh-cn'
import type { NotificationItem } from '../api/notification-shapes'
import { badgeText, destinationOf, lastSeqOf, mergeNewest, reconnectDelay, whenText } from '../inbox-model'

dayjs.locale('zh-cn')

const item = (seq: number, read = false): NotificationItem => ({
  id: `n${seq}`,
  seq,
  type: 'proposal_received',
  title: `通知 ${seq}`,
  body: '',
  link: null,
  complaintId: 'c1',
  createdAt: '2026-11-23T08:00:00.000Z',
  read,
})

describe('inbox rules', () => {
  test('the badge shows nothing at 0, the count up to 99, then 99+', () => {
    assert.equal(badgeText(0), null)
    assert.equal(badgeText(-1), null)
    assert.equal(badgeText(1), '1')
    assert.equal(badgeText(99), '99')
    assert.equal(badgeText(100), '99+')
  })

  test('a live event joins the list once, newest first, and a newer read flag wins', () => {
    const shown = [item(3), item(1)]
    const merged = mergeNewest(shown, [item(4), item(3, true)])
    assert.deepEqual(merged.map((n) => [n.seq, n.read]), [[4, false], [3, true], [1, false]])
    assert.equal(mergeNewest(merged, [item(4)]).length, 3)
  })

  test('the stream resumes after the highest seq seen', () => {
    assert.equal(lastSeqOf([item(2), item(7), item(5)]), 7)
    assert.equal(lastSeqOf([], 9), 9)
  })

  test('reconnecting waits 1 s, 2 s, 4 s … at most 30 s', () => {
    assert.deepEqual([1, 2, 3, 4, 5, 6, 7].map(reconnectDelay), [1000, 2000, 4000, 8000, 16000, 30000, 30000])
  })

  test('a tap opens the link, else the complaint, and never an outside address', () => {
    assert.equal(destinationOf({ link: '/packages/complaint/pages/detail/index?id=x', complaintId: 'y' }), '/packages/complaint/pages/detail/index?id=x')
    assert.equal(destinationOf({ link: null, complaintId: 'a b' }), '/packages/complaint/pages/detail/index?id=a%20b')
    assert.equal(destinationOf({ link: 'https://evil.example', complaintId: null }), null)
  })

  test('times read 刚刚, minutes or hours ago within a day, then a date', () => {
    const now = dayjs('2026-11-23T10:00:00Z')
    assert.equal(whenText('2026-11-23T09:59:30Z', now), '刚刚')
    assert.equal(whenText('2026-11-23T09:55:00Z', now), '5 分钟前')
    assert.equal(whenText('2026-11-23T07:00:00Z', now), '3 小时前')
    assert.match(whenText('2026-11-20T07:00:00Z', now), /^11月20日 \d\d:00$/)
    assert.equal(whenText('2025-03-01T07:00:00Z', now), '2025年3月1日')
  })
})
