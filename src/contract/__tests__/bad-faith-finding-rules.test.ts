import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { appealWindowText, FINDING_APPEAL_WINDOW, FINDING_BASES, findingBasis, findingBasisLine } from '../bad-faith-finding-rules'

describe('bad-faith finding rules', () => {
  test('every basis says where it was checked; an unchecked one says so wherever it is shown', () => {
    assert.equal(new Set(FINDING_BASES.map((b) => b.code)).size, FINDING_BASES.length)
    for (const basis of FINDING_BASES) {
      assert.ok(basis.source.length > 0, basis.code)
      assert.equal(findingBasisLine(basis).includes('依据待核实'), !basis.verified, basis.code)
    }
    assert.equal(findingBasis('cpl-37-expose')?.article, '第三十七条')
    assert.equal(findingBasis('made-up'), undefined)
  })

  test('the appeal window is the association’s own procedure, counted in working days, and marked as not a statute', () => {
    assert.equal(FINDING_APPEAL_WINDOW.verified, false)
    assert.match(FINDING_APPEAL_WINDOW.source, /并非法律规定/)
    assert.equal(appealWindowText(), `${FINDING_APPEAL_WINDOW.days} 个工作日`)
    assert.equal(appealWindowText({ days: 15, dayKind: 'calendar' }), '15 个自然日')
  })
})
