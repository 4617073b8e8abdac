/** `npm run worker` (server/src/worker.ts) as a child process, its output kept for the test to read. */
import { spawn } from 'node:child_process'
import path from 'node:path'
import { ROOT } from '../support/server'

export interface WorkerProcess {
  output(): string
  stop(): Promise<void>
}

const READY = '通知发送进程已启动'

export async function startWorker(env: Record<string, string>): Promise<WorkerProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'server', 'src', 'worker.ts')], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  child.stdout.on('data', (chunk: Buffer) => (output += chunk))
  child.stderr.on('data', (chunk: Buffer) => (output += chunk))
  let exited = false
  const exit = new Promise<void>((resolve) => child.once('exit', () => resolve(void (exited = true))))
  const stop = async () => {
    if (exited) return
    child.kill('SIGTERM')
    const timer = setTimeout(() => child.kill('SIGKILL'), 5000)
    await exit
    clearTimeout(timer)
  }

  const deadline = Date.now() + 30_000
  while (!output.includes(READY)) {
    if (exited || Date.now() > deadline) {
      await stop()
      throw new Error(`the worker did not start. Its output:\n${output}`)
    }
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  return { output: () => output, stop }
}
