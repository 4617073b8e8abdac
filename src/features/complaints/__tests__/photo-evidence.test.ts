import assert from 'node:assert/strict'
import { createHash } from 'node:crypto'
import { describe, test } from 'node:test'
import { notUploadedText } from '../drafts/draft-model'
import { matchOriginal, matchText } from '../handling/match-original'

const sha = (text: string) => createHash('sha256').update(text).digest('hex')

describe('step 5 on photos that did not upload', () => {
  test('a photo refused for good is to be deleted: no 重试 is promised where the tile has none', () => {
    assert.equal(notUploadedText([{ rejected: true }]), '有 1 张照片无法上传，请在第 3 步点“删除”去掉它')
    assert.doesNotMatch(notUploadedText([{ rejected: true }, { rejected: true }]), /重试/)
  })

  test('network failures can be retried; a mix says which button is for which', () => {
    assert.equal(notUploadedText([{ rejected: false }, { rejected: false }]), '有 2 张照片没有上传成功，请在第 3 步点“重试”或删除它')
    assert.match(notUploadedText([{ rejected: false }, { rejected: true }]), /可以重试的点“重试”，对无法上传的点“删除”/)
  })
})

describe('核对原图: a photo from the gallery against the recorded hashes', () => {
  const evidence = [
    { sha256: sha('compressed 1'), originalSha256: sha('original 1') },
    { sha256: sha('original 2'), originalSha256: sha('original 2') },
    { sha256: sha('old upload 3'), originalSha256: null },
  ]
  const bytes = (text: string) => new TextEncoder().encode(text)

  test('the file the consumer picked matches its photo even though a compressed copy was uploaded', () => {
    const match = matchOriginal(bytes('original 1'), evidence)
    assert.deepEqual(match, { kind: 'same', photoNumber: 1, sha256: sha('original 1'), compressed: true })
    assert.match(matchText(match), /^一致：与证据照片 1 的原始文件完全相同/)
    assert.equal(matchOriginal(bytes('original 2'), evidence).kind, 'same')
    assert.equal(matchOriginal(bytes('old upload 3'), evidence).kind, 'same')
  })

  test('an edited or different photo does not match', () => {
    const match = matchOriginal(bytes('original 1 (edited)'), evidence)
    assert.equal(match.kind, 'different')
    assert.match(matchText(match), /^不一致/)
  })
})
