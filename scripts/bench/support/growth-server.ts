import { spawn, type ChildProcess } from 'node:child_process'
import path from 'node:path'
import pg from 'pg'

export const PG_URL = process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test'

/** The real API server (`server/src/server.ts`) on a scratch data dir and database, once /api/health answers. */
export async function startServer(dataDir: string, databaseUrl: string | undefined, tokenSecret: string) {
  const port = 20_000 + Math.floor(Math.random() * 20_000)
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'server/src/server.ts'], {
    env: {
      ...process.env,
      DATA_DIR: dataDir,
      DATABASE_URL: databaseUrl ?? '',
      PORT: String(port),
      HOST: '127.0.0.1',
      TOKEN_SECRET: tokenSecret,
      SEED_DEMO: 'false',
      LOG_LEVEL: 'warn',
      H5_DIR: path.join(dataDir, 'no-h5'),
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  })
  const base = `http://127.0.0.1:${port}`
  for (let i = 0; ; i++) {
    const up = await fetch(`${base}/api/health`).then(
      (r) => r.ok,
      () => false,
    )
    if (up) break
    if (i > 300 || child.exitCode !== null) throw new Error('bench: the server did not start')
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  return {
    base,
    pid: child.pid!,
    stop: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve())
        child.kill('SIGTERM')
      }),
  }
}

export async function pgReachable(): Promise<boolean> {
  const client = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 2000 })
  try {
    await client.connect()
    await client.end()
    return true
  } catch {
    return false
  }
}

/** One statement as the PostgreSQL superuser (creating and dropping the scratch schema). */
export async function adminQuery(text: string): Promise<void> {
  const client = new pg.Client({ connectionString: PG_URL })
  await client.connect()
  try {
    await client.query(text)
  } finally {
    await client.end()
  }
}
