import { readFileSync } from 'node:fs'
import { cpus } from 'node:os'
import { Worker } from 'node:worker_threads'

/** A request that waits longer than this for /api/health means some endpoint held the server's event loop too long (#14). */
export const LOOP_HELD_LIMIT_MS = 50

// Polls /api/health every 5 ms from a thread of its own: the bench's main thread is busy reading
// responses (a whole CSV export), and a poll timed there would count that work as the server's.
// Around each poll it reads how much CPU the server's event-loop thread used meanwhile (schedstat, ns):
// on a loaded machine a poll can wait 200 ms while the loop ran 10 ms, the rest queued for a CPU.
const POLLER = `
const { readFileSync } = require('node:fs')
const { parentPort, workerData } = require('node:worker_threads')
const loopCpu = () => Number(readFileSync(workerData.schedstat, 'utf8').split(' ')[0]) / 1e6
let running = true
let polls = 0
const worst = { wallMs: 0, loopCpuMs: 0 }
parentPort.on('message', () => { running = false })
;(async () => {
  while (running) {
    const cpuBefore = loopCpu()
    const started = performance.now()
    const response = await fetch(workerData.url)
    await response.arrayBuffer()
    // The first poll opens the thread's connection and compiles its code (about 30 ms): not the server's doing.
    if (polls++ > 0) {
      worst.wallMs = Math.max(worst.wallMs, performance.now() - started)
      worst.loopCpuMs = Math.max(worst.loopCpuMs, loopCpu() - cpuBefore)
    }
    await new Promise((resolve) => setTimeout(resolve, 5))
  }
  parentPort.postMessage(worst)
})()
`

export interface LoopHeld {
  /** The longest /api/health round trip (ms): the loop busy elsewhere, or the process waiting for a CPU. */
  wallMs: number
  /** The most CPU the event-loop thread used during one /api/health round trip (ms): the loop's own work. */
  loopCpuMs: number
}

/** Starts polling the server (process `pid`) at `base`; `stop()` resolves to the worst seen meanwhile. */
export function watchHealth(base: string, pid: number): { stop(): Promise<LoopHeld> } {
  const worker = new Worker(POLLER, { eval: true, workerData: { url: `${base}/api/health`, schedstat: `/proc/${pid}/task/${pid}/schedstat` } })
  const worst = new Promise<LoopHeld>((resolve, reject) => {
    worker.once('message', (value: LoopHeld) => resolve(value))
    worker.once('error', reject)
  })
  return {
    stop: async () => {
      worker.postMessage('stop')
      const value = await worst
      await worker.terminate()
      return value
    },
  }
}

/**
 * What the server process has had of the machine, read from outside (/proc): CPU time of all its
 * threads (user + system, clock ticks of 10 ms), and of its main thread, the event loop, in ns from
 * schedstat with the time that thread was ready to run but waited for a CPU the neighbours held.
 */
export function processTimes(pid: number): { cpuMs: number; loopCpuMs: number; loopQueuedMs: number } {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ')
  const [onCpu, queued] = readFileSync(`/proc/${pid}/task/${pid}/schedstat`, 'utf8').split(' ').map(Number) as [number, number]
  return { cpuMs: (Number(fields[11]) + Number(fields[12])) * 10, loopCpuMs: onCpu / 1e6, loopQueuedMs: queued / 1e6 }
}

/** The 1-minute load average and the number of CPUs, to read the wall times against. */
export function machineLoad(): string {
  return `load ${readFileSync('/proc/loadavg', 'utf8').split(' ')[0]} on ${cpus().length} CPUs`
}

/**
 * Waits until the server has caught up with the work its jobs found at start (deadlines passed
 * while it was down, their notifications): until its event-loop thread used under 5% of a CPU for
 * two seconds in a row. The endpoints are measured after that, each on its own; the catch-up is
 * measured by itself, with /api/health polled throughout. Gives up after `limitMs`.
 */
export async function settle(base: string, pid: number, limitMs = Number(process.env.GROWTH_SETTLE_MS ?? 15 * 60_000)): Promise<{ ms: number; held: LoopHeld }> {
  const health = watchHealth(base, pid)
  const started = performance.now()
  let quiet = 0
  let last = processTimes(pid).loopCpuMs
  while (quiet < 4 && performance.now() - started < limitMs) {
    await new Promise((resolve) => setTimeout(resolve, 500))
    const now = processTimes(pid).loopCpuMs
    quiet = now - last < 25 ? quiet + 1 : 0
    last = now
  }
  return { ms: performance.now() - started, held: await health.stop() }
}
