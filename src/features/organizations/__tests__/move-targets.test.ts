import assert from 'node:assert/strict'
import { test } from 'node:test'
import type { Organization } from '@/contract/organization'
import { isWithin, moveTargets, pickerLabel } from '../components/move-targets'

const org = (id: string, parentId: string | null, depth: number): Organization => ({ id, name: `${id}消协`, level: 'county', regionCode: null, parentId, depth })
const TREE = [org('top', null, 0), org('prov', 'top', 1), org('city', 'prov', 2), org('a', 'city', 3), org('b', 'city', 3)]

test('移送 offers every other organization, 交办 only the children, 提级 only the parent', () => {
  assert.deepEqual(moveTargets('transfer', TREE, 'a').map((o) => o.id), ['top', 'prov', 'city', 'b'])
  assert.deepEqual(moveTargets('hand_down', TREE, 'city').map((o) => o.id), ['a', 'b'])
  assert.deepEqual(moveTargets('hand_down', TREE, 'a'), [])
  assert.deepEqual(moveTargets('take_up', TREE, 'a').map((o) => o.id), ['city'])
  assert.deepEqual(moveTargets('take_up', TREE, 'top'), [])
})

test('picker labels are indented by depth', () => {
  assert.equal(pickerLabel(TREE[3]!), '\u3000\u3000\u3000a消协')
})

test('a mover still sees the case only when it went to their organization or below', () => {
  assert.equal(isWithin(TREE, 'a', 'city'), true)
  assert.equal(isWithin(TREE, 'a', 'top'), true)
  assert.equal(isWithin(TREE, 'city', 'a'), false)
  assert.equal(isWithin(TREE, 'b', 'a'), false)
})

test('联盟移送 offers the partners of an alliance the holder or one above it is in, never its own line', () => {
  const tree = [...TREE, org('suzhou', 'top', 1), org('ningbo', 'prov', 2)]
  const alliance = { id: 'al', name: '环太湖联盟', members: [{ id: 'city', name: '' }, { id: 'suzhou', name: '' }] }
  assert.deepEqual(moveTargets('alliance', tree, 'a', [alliance]).map((o) => o.id), ['suzhou'])
  assert.deepEqual(moveTargets('alliance', tree, 'suzhou', [alliance]).map((o) => o.id), ['city'])
  assert.deepEqual(moveTargets('alliance', tree, 'ningbo', [alliance]), [])
})
