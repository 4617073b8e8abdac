import assert from 'node:assert/strict'
import { test } from 'node:test'
import type { Organization } from '@/contract/organization'
import { childRule, regionCodeProblem } from '../components/region-code'

const hangzhou: Organization = { id: 'hz', name: '杭州市消协', level: 'city', regionCode: '3301', parentId: 'p', depth: 2 }

test('a city adds counties with a 6-digit code inside its own; a county adds nothing', () => {
  assert.deepEqual(childRule(hangzhou), { level: 'county', length: 6 })
  assert.equal(regionCodeProblem(hangzhou, '330105'), null)
  assert.equal(regionCodeProblem(hangzhou, '3301'), '请填写 6 位行政区划代码')
  assert.equal(regionCodeProblem(hangzhou, '320505'), '下级组织的代码应以 3301 开头')
  assert.equal(childRule({ ...hangzhou, level: 'county' }), null)
})
