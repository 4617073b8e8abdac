import assert from 'node:assert/strict'
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { after, describe, test } from 'node:test'
import { buildH5, MEASURED_PROFILE, parseProgress, PROGRESS_MARK, secondsLeft, statusLine } from '../h5-build.mjs'

const dir = mkdtempSync(path.join(tmpdir(), 'weiquan-h5-build-'))
after(() => rmSync(dir, { recursive: true, force: true }))

/** A stand-in for `taro build --type h5` that prints webpack progress the way config/index.ts does. */
function fakeTaro(lines: string[], exitCode = 0): string {
  const file = path.join(dir, `taro-${Math.random().toString(36).slice(2)}.mjs`)
  writeFileSync(file, `#!${process.execPath}\nfor (const line of ${JSON.stringify(lines)}) console.log(line)\nprocess.exit(${exitCode})\n`)
  chmodSync(file, 0o755)
  return file
}

describe('npm start: the H5 build shows a percentage and an honest estimate', () => {
  test('progress lines are read; other build output is not', () => {
    assert.deepEqual(parseProgress(`${PROGRESS_MARK} 42 building`), { percent: 42, step: 'building' })
    assert.deepEqual(parseProgress(`${PROGRESS_MARK} 92 minify`), { percent: 92, step: 'minify' })
    assert.equal(parseProgress('Compiled successfully'), null)
  })

  test('the estimate follows the measured build, slowed down when this build runs slower', () => {
    const total = MEASURED_PROFILE[MEASURED_PROFILE.length - 1]![1]!
    assert.equal(secondsLeft(MEASURED_PROFILE, 0, 0, 0), total)
    // On pace at 92 % (28 s in): the long minifying step is still ahead, and said so.
    assert.equal(secondsLeft(MEASURED_PROFILE, 92, 28, 28), total - 28)
    assert.match(statusLine({ percent: 92, step: 'minify', reachedAfter: 28, elapsed: 60 }, MEASURED_PROFILE), /92%：压缩代码，这一步最慢（已用 1 分钟，预计还需约 2 分 39 秒）/)
    // Four times as slow to get there: about twice as long in all (minifying slows down less).
    assert.equal(secondsLeft(MEASURED_PROFILE, 92, 112, 112), total * 2 - 112)
    assert.match(statusLine({ percent: 95, step: 'sealing', reachedAfter: 28, elapsed: 400 }, MEASURED_PROFILE), /比预计的慢，请再稍等/)
  })

  test('a build prints its percentages (a line per 10 % in a log), remembers its timing and says so next time', async () => {
    const timingFile = path.join(dir, 'timing.json')
    let clock = 0
    let written = ''
    const progress = [0, 5, 10, 11, 15, 40, 70, 88, 92].map((p) => `${PROGRESS_MARK} ${p} ${p === 92 ? 'minify' : 'building'}`)
    const taroBin = fakeTaro(['Start building', ...progress, `${PROGRESS_MARK} 100 done`, 'Compiled'])
    const result = await buildH5({ taroBin, timingFile, isTTY: false, write: (text: string) => void (written += text), now: () => (clock += 1000) })
    assert.equal(result.ok, true)
    const lines = written.trim().split('\n')
    assert.match(lines[0]!, /^正在构建 H5 页面（只在首次启动或代码更新后需要；在 2 核电脑上约需 3 分 39 秒/)
    for (const percent of [0, 10, 40, 70, 88, 92]) assert.ok(lines.some((l) => l.includes(`${String(percent).padStart(3)}%：`)), `${percent}% shown:\n${written}`)
    assert.ok(!lines.some((l) => l.includes(' 11%：')), 'in a log, 11 % does not get its own line')
    assert.match(written, /92%：压缩代码，这一步最慢/)
    assert.match(lines[lines.length - 1]!, /^H5 页面构建完成，用时 \d+ 秒$/)
    assert.doesNotMatch(result.output, /@@weiquan-progress/, 'the progress lines are not part of the build log')
    assert.match(result.output, /Compiled/)

    const saved = JSON.parse(readFileSync(timingFile, 'utf8')) as { profile: number[][] }
    assert.deepEqual(saved.profile.at(-1)![0], 100)
    written = ''
    await buildH5({ taroBin, timingFile, isTTY: false, write: (text: string) => void (written += text), now: () => (clock += 1000) })
    assert.match(written, /这台电脑上次用了 \d+ 秒/)
  })

  test('on a terminal the line is rewritten in place; a failed build hands back its output', async () => {
    let written = ''
    const taroBin = fakeTaro([`${PROGRESS_MARK} 50 building`, 'Error: Module not found'], 1)
    const result = await buildH5({ taroBin, timingFile: path.join(dir, 'none.json'), isTTY: true, write: (text: string) => void (written += text) })
    assert.equal(result.ok, false)
    assert.match(written, /\r正在构建 H5 页面 {2}50%：编译页面代码/)
    assert.match(result.output, /Module not found/)
  })
})
