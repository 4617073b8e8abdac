import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { COMPLAINT_STATUSES, isOpen } from '../complaint-status'
import { availableActions, canTake, WORKFLOW, WORKFLOW_ACTIONS } from '../complaint-workflow'

describe('the complaint workflow', () => {
  test('the buttons each role gets', () => {
    assert.deepEqual(availableActions('enterprise_handling', 'enterprise'), ['propose', 'request_info', 'mark_settled'])
    assert.deepEqual(availableActions('enterprise_proposed', 'consumer'), ['accept_proposal', 'reject_proposal', 'withdraw'])
    assert.deepEqual(availableActions('awaiting_review', 'staff'), ['accept', 'reject', 'refer', 'assign', 'note', 'pause_clock', 'resume_clock'])
    assert.deepEqual(availableActions('closed', 'consumer'), ['rate'])
    assert.deepEqual(availableActions('mediating', 'volunteer'), [])
    assert.equal(canTake('escalate', 'enterprise_handling', 'system'), true)
    assert.equal(canTake('escalate', 'enterprise_handling', 'staff'), false)
  })

  test('nothing leaves a final status except rating, and every open status can be withdrawn', () => {
    for (const status of COMPLAINT_STATUSES.filter((s) => !isOpen(s))) {
      assert.deepEqual(
        WORKFLOW_ACTIONS.filter((action) => WORKFLOW[action].from.includes(status) && WORKFLOW[action].to !== null),
        [],
        status,
      )
    }
    for (const status of COMPLAINT_STATUSES.filter(isOpen)) assert.ok(WORKFLOW.withdraw.from.includes(status), status)
  })
})
