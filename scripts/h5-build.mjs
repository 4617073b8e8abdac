// The H5 build behind `npm start`, with a percentage that moves and an estimate of the time left.
// Webpack's progress comes from config/index.ts (a ProgressPlugin switched on by WEIQUAN_BUILD_PROGRESS);
// the estimate follows how long the previous build on this machine took to reach each percentage.
import { spawn } from 'node:child_process'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'

export const PROGRESS_MARK = '@@weiquan-progress'

/**
 * [percent, seconds] of a first `taro build --type h5` measured on a shared 2-core machine
 * (Dec 2026): used until this machine has timed a build of its own.
 */
export const MEASURED_PROFILE = [
  [0, 0],
  [10, 40],
  [30, 80],
  [60, 120],
  [70, 140],
  [90, 190],
  [100, 210],
]

/** The percentage in one line of build output, or null for any other line. */
export function parseProgress(line) {
  const match = new RegExp(`^${PROGRESS_MARK} (\\d{1,3})$`).exec(line.trim())
  return match ? Math.min(100, Number(match[1])) : null
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
 * Seconds still to go: the reference build's time left from this percentage, scaled by how much
 * slower or faster this build has been so far (a busy machine stays busy).
 */
export function secondsLeft(profile, percent, elapsedSeconds) {
  const total = profile[profile.length - 1][1]
  const reached = secondsAt(profile, percent)
  const pace = reached >= 5 ? Math.min(3, Math.max(0.33, elapsedSeconds / reached)) : 1
  return Math.max(0, Math.round((total - reached) * pace))
}

function duration(seconds) {
  if (seconds < 60) return `${seconds} 秒`
  const minutes = Math.floor(seconds / 60)
  const rest = seconds % 60
  return rest ? `${minutes} 分 ${rest} 秒` : `${minutes} 分钟`
}

export function statusLine(percent, elapsedSeconds, profile) {
  const left = secondsLeft(profile, percent, elapsedSeconds)
  const tail = percent >= 100 ? '正在写入文件' : left > 0 ? `预计还需约 ${duration(left)}` : '马上就好'
  return `正在构建 H5 页面 ${String(percent).padStart(3)}%（已用 ${duration(elapsedSeconds)}，${tail}）`
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
  let shownStep = -1
  write(`${openingLine(timed)}\n`)

  const show = (percent) => {
    const elapsed = Math.round((now() - started) / 1000)
    if (profile[profile.length - 1][0] < percent) profile.push([percent, elapsed])
    if (isTTY) return write(`\r${statusLine(percent, elapsed, timed.profile)}\u001b[K`)
    const step = Math.floor(percent / 10)
    if (step === shownStep) return
    shownStep = step
    write(`${statusLine(percent, elapsed, timed.profile)}\n`)
  }

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
        const percent = parseProgress(line)
        if (percent === null) output += `${line}\n`
        else show(percent)
      }
    })
    child.stderr.on('data', (chunk) => (output += chunk))
    child.on('error', (error) => resolve({ ok: false, output: `${output}\n${error.message}`, seconds: 0 }))
    child.on('close', (code) => {
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
