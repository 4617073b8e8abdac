// The H5 build behind `npm start`, with a percentage that moves and an estimate of the time left.
// Webpack's progress comes from config/index.ts (a ProgressPlugin switched on by WEIQUAN_BUILD_PROGRESS);
// the estimate follows how long the previous build on this machine took to reach each percentage.
import { spawn } from 'node:child_process'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'

export const PROGRESS_MARK = '@@weiquan-progress'

/**
 * [percent, seconds] of a first `taro build --type h5` measured on the shared 2-core development
 * machine (3 Dec 2026, other builds running): webpack reaches 92 % in half a minute, then minifies
 * for about three minutes without moving. Used until this machine has timed a build of its own.
 */
export const MEASURED_PROFILE = [
  [0, 0],
  [10, 4],
  [19, 27],
  [92, 28],
  [93, 205],
  [100, 219],
]

const STEPS = { setup: '准备', building: '编译页面代码', build: '编译页面代码', sealing: '整理代码', minify: '压缩代码，这一步最慢', emitting: '写入文件', done: '完成' }

/** The percentage and step in one line of build output ("@@weiquan-progress 42 building"), or null. */
export function parseProgress(line) {
  const match = new RegExp(`^${PROGRESS_MARK} (\\d{1,3})(?: (\\w+))?$`).exec(line.trim())
  return match ? { percent: Math.min(100, Number(match[1])), step: match[2] ?? 'build' } : null
}

/** Seconds into a build (from a [percent, seconds] profile) at which `percent` was reached. */
function secondsAt(profile, percent) {
  for (let i = 1; i < profile.length; i++) {
    const [p1, s1] = profile[i]
    const [p0, s0] = profile[i - 1]
    if (percent <= p1) return p1 === p0 ? s1 : s0 + ((s1 - s0) * (percent - p0)) / (p1 - p0)
  }
  return profile[profile.length - 1][1]
}

/**
 * Seconds still to go: the reference build's length, scaled by how much slower or faster this
 * build reached its latest percentage, minus the time already spent. The scale is damped (square
 * root): on a busy 2-core machine compiling ran 4× slower than the reference but minifying only
 * 1.4×. Early percentages come too fast to judge the pace by.
 */
export function secondsLeft(profile, percent, reachedAfter, elapsed) {
  const total = profile[profile.length - 1][1]
  const reference = secondsAt(profile, percent)
  const pace = reference >= 20 ? Math.min(3, Math.max(0.5, Math.sqrt(reachedAfter / reference))) : 1
  return Math.max(0, Math.round(total * pace - elapsed))
}

function duration(seconds) {
  if (seconds < 60) return `${seconds} 秒`
  const minutes = Math.floor(seconds / 60)
  const rest = seconds % 60
  return rest ? `${minutes} 分 ${rest} 秒` : `${minutes} 分钟`
}

/** One line of progress: `reachedAfter` is when the build got to `percent`, `elapsed` is now. */
export function statusLine({ percent, step = 'build', reachedAfter, elapsed }, profile) {
  const left = secondsLeft(profile, percent, reachedAfter, elapsed)
  const tail = left > 0 ? `预计还需约 ${duration(left)}` : '比预计的慢，请再稍等'
  return `正在构建 H5 页面 ${String(percent).padStart(3)}%：${STEPS[step] ?? STEPS.build}（已用 ${duration(elapsed)}，${tail}）`
}

/** The first line, before any progress: how long it took last time here, or what it takes on 2 cores. */
export function openingLine(timed) {
  const total = duration(timed.profile[timed.profile.length - 1][1])
  return timed.measuredHere
    ? `正在构建 H5 页面（只在首次启动或代码更新后需要；这台电脑上次用了 ${total}）…`
    : `正在构建 H5 页面（只在首次启动或代码更新后需要；在 2 核电脑上约需 ${total}，更快的电脑会少一些）…`
}

export function readTiming(file) {
  try {
    const saved = JSON.parse(readFileSync(file, 'utf8'))
    if (Array.isArray(saved.profile) && saved.profile.length >= 2) return { profile: saved.profile, measuredHere: true }
  } catch {
    // Never built here: the measured reference is used.
  }
  return { profile: MEASURED_PROFILE, measuredHere: false }
}

/**
 * Runs `taro build --type h5` and reports progress through `write`: on a terminal one line that is
 * rewritten in place, otherwise a new line every 10 % (logs stay short). Resolves with the build's
 * whole output for when it fails.
 */
export function buildH5({ taroBin, timingFile, write = (text) => process.stdout.write(text), isTTY = !!process.stdout.isTTY, now = () => Date.now() }) {
  const timed = readTiming(timingFile)
  const started = now()
  const profile = [[0, 0]]
  let output = ''
  let pending = ''
  write(`${openingLine(timed)}\n`)

  let current = { percent: 0, step: 'setup', reachedAfter: 0 }
  let shownTenth = -1
  let shownStep = ''
  let shownAt = 0
  const show = (force = false) => {
    const elapsed = Math.round((now() - started) / 1000)
    const line = statusLine({ ...current, elapsed }, timed.profile)
    if (isTTY) return write(`\r${line}\u001b[K`)
    // In a log: a line per 10 % or new step, and one every 15 s while a long step shows no change.
    const tenth = Math.floor(current.percent / 10)
    if (!force && tenth === shownTenth && current.step === shownStep) return
    shownTenth = tenth
    shownStep = current.step
    shownAt = elapsed
    write(`${line}\n`)
  }
  const progressed = ({ percent, step }) => {
    const elapsed = Math.round((now() - started) / 1000)
    if (profile[profile.length - 1][0] < percent) profile.push([percent, elapsed])
    current = percent > current.percent ? { percent, step, reachedAfter: elapsed } : { ...current, step }
    show()
  }
  const ticker = setInterval(() => {
    if (isTTY || Math.round((now() - started) / 1000) - shownAt >= 15) show(true)
  }, 1000)

  return new Promise((resolve) => {
    const child = spawn(taroBin, ['build', '--type', 'h5'], {
      env: { ...process.env, WEIQUAN_BUILD_PROGRESS: PROGRESS_MARK },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    child.stdout.on('data', (chunk) => {
      pending += chunk
      const lines = pending.split('\n')
      pending = lines.pop() ?? ''
      for (const line of lines) {
        const progress = parseProgress(line)
        if (progress) progressed(progress)
        else output += `${line}\n`
      }
    })
    child.stderr.on('data', (chunk) => (output += chunk))
    child.on('error', (error) => {
      clearInterval(ticker)
      resolve({ ok: false, output: `${output}\n${error.message}`, seconds: 0 })
    })
    child.on('close', (code) => {
      clearInterval(ticker)
      const seconds = Math.round((now() - started) / 1000)
      if (isTTY) write('\n')
      if (code === 0) {
        if (profile[profile.length - 1][0] === 100) profile.pop()
        profile.push([100, seconds])
        try {
          mkdirSync(path.dirname(timingFile), { recursive: true })
          writeFileSync(timingFile, JSON.stringify({ profile, at: new Date().toISOString() }))
        } catch {
          // Only the next estimate is lost.
        }
        write(`H5 页面构建完成，用时 ${duration(seconds)}\n`)
      }
      resolve({ ok: code === 0, output: output + pending, seconds })
    })
  })
}
