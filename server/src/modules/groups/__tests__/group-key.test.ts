import assert from 'node:assert/strict'
import { test } from 'node:test'
import { groupKeyOf } from '../group-key'

const business = (over: Partial<Parameters<typeof groupKeyOf>[0]>) => ({ enterpriseId: null, creditCode: null, name: '西湖示例茶庄', region: '浙江省/杭州市/西湖区', ...over })

test('a business is its directory entry, else its credit code, else its normalised name within its region', () => {
  assert.equal(groupKeyOf(business({ enterpriseId: 'e-1', creditCode: '91330106MA2WQ16R1G' })), 'e:e-1')
  assert.equal(groupKeyOf(business({ creditCode: '91330106MA2WQ16R1G' })), 'c:91330106MA2WQ16R1G')
  assert.equal(groupKeyOf(business({ name: ' 西湖示例 茶庄（）' })), groupKeyOf(business({})))
  assert.notEqual(groupKeyOf(business({ region: '浙江省/杭州市/上城区' })), groupKeyOf(business({})))
  assert.equal(groupKeyOf(business({ region: null })), null, 'a bare name without a region is too loose to count')
})
