import assert from 'node:assert/strict'
import { test } from 'node:test'
import type { Organization } from '@/contract/organization'
import { isWithin, matchTargets, moveTargets } from '../components/move-targets'

const org = (id: string, parentId: string | null, depth: number): Organization => ({ id, name: `${id}消协`, level: 'county', regionCode: null, parentId, depth })
const TREE = [org('top', null, 0), org('prov', 'top', 1), org('city', 'prov', 2), org('a', 'city', 3), org('b', 'city', 3)]

test('移送 offers every other organization, 交办 only the children, 提级 only the parent', () => {
  assert.deepEqual(moveTargets('transfer', TREE, 'a').map((o) => o.id), ['top', 'prov', 'city', 'b'])
  assert.deepEqual(moveTargets('hand_down', TREE, 'city').map((o) => o.id), ['a', 'b'])
  assert.deepEqual(moveTargets('hand_down', TREE, 'a'), [])
  assert.deepEqual(moveTargets('take_up', TREE, 'a').map((o) => o.id), ['city'])
  assert.deepEqual(moveTargets('take_up', TREE, 'top'), [])
})

test('typing narrows the targets to names containing every word typed', () => {
  const named = [
    { ...org('xh', 'city', 3), name: '杭州市西湖区消费者协会', regionCode: '330106' },
    { ...org('sc', 'city', 3), name: '杭州市上城区消费者协会', regionCode: '330102' },
    { ...org('hs', 'city', 3), name: '宁波市海曙区消费者协会', regionCode: '330203' },
  ]
  assert.deepEqual(matchTargets(named, '上城').map((o) => o.id), ['sc'])
  assert.deepEqual(matchTargets(named, ' 杭州  消费者 ').map((o) => o.id), ['xh', 'sc'])
  assert.deepEqual(matchTargets(named, '3302').map((o) => o.id), ['hs'])
  assert.deepEqual(matchTargets(named, '').length, 3)
  assert.deepEqual(matchTargets(named, '苏州'), [])
})

test('a mover still sees the case only when it went to their organization or below', () => {
  assert.equal(isWithin(TREE, 'a', 'city'), true)
  assert.equal(isWithin(TREE, 'a', 'top'), true)
  assert.equal(isWithin(TREE, 'city', 'a'), false)
  assert.equal(isWithin(TREE, 'b', 'a'), false)
})
