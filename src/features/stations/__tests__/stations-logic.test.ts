import assert from 'node:assert/strict'
import { test } from 'node:test'
import { distanceText, type StationRegion } from '@/contract/station'
import { wgs84ToGcj02 } from '../location/gcj02'
import { childrenOf } from '../components/regions'
import { draftOf, fieldsOf } from '../components/station-draft'

test('distances read as a person says them: 米 under a kilometre, 公里 with one decimal below 10', () => {
  assert.equal(distanceText(3), '10 米')
  assert.equal(distanceText(847), '850 米')
  assert.equal(distanceText(1_560), '1.6 公里')
  assert.equal(distanceText(141_110), '141 公里')
})

test('a browser position (WGS-84) is moved to GCJ-02 by a few hundred metres in China, not abroad', () => {
  // 天安门: the published pair of coordinates differ by about 0.0014° latitude and 0.0062° longitude.
  const moved = wgs84ToGcj02(39.9087, 116.3975)
  assert.ok(Math.abs(moved.latitude - 39.9087 - 0.0014) < 0.0003, String(moved.latitude))
  assert.ok(Math.abs(moved.longitude - 116.3975 - 0.0062) < 0.0003, String(moved.longitude))
  assert.deepEqual(wgs84ToGcj02(48.8584, 2.2945), { latitude: 48.8584, longitude: 2.2945 })
})

test('the region picker starts below the top association (provinces), or at the top when it has no children', () => {
  const r = (id: string, parentId: string | null, depth: number): StationRegion => ({ id, name: id, parentId, depth })
  const tree = [r('top', null, 0), r('zj', 'top', 1), r('hz', 'zj', 2), r('xh', 'hz', 3)]
  assert.deepEqual(childrenOf(tree, null).map((x) => x.id), ['zj'])
  assert.deepEqual(childrenOf(tree, tree[1]!).map((x) => x.id), ['hz'])
  assert.deepEqual(childrenOf([r('top', null, 0)], null).map((x) => x.id), ['top'])
})

test('the station form says what is missing before sending', () => {
  const draft = draftOf(null, 'org-1')
  assert.equal(fieldsOf(draft), '请填写服务站名称（至少 2 个字）')
  const full = { ...draft, name: '某某服务站', address: '某路 1 号' }
  assert.equal(fieldsOf({ ...full, latitude: '30.1' }), '纬度和经度要一起填写（或都不填）')
  assert.equal(fieldsOf({ ...full, phone: '打我电话' }), '电话只能填数字和“-”，如 0571-88001234')
  assert.equal(fieldsOf({ ...full, services: [] }), '请至少选一项能办的事')
  const ok = fieldsOf({ ...full, latitude: '30.2842', longitude: '120.119' })
  assert.ok(typeof ok === 'object' && ok.latitude === 30.2842 && ok.hostName === null)
})
