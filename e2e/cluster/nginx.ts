/**
 * Debian's nginx as a round-robin load balancer on 127.0.0.1 in front of several API instances,
 * self-contained (its own prefix, config, pid and logs in a temp dir), run in the foreground as a
 * child process. Tuned like a real deployment of this app: live streams pass unbuffered and stay
 * open, uploads up to 12 MB. Each answer names the instance that served it in `X-Upstream`, so a
 * test can tell which instance did what.
 */
import { spawn, spawnSync } from 'node:child_process'
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { connect } from 'node:net'
import { tmpdir } from 'node:os'
import path from 'node:path'

export interface LoadBalancer {
  readonly baseUrl: string
  stop(): Promise<void>
}

export const nginxInstalled = () => spawnSync('sh', ['-c', 'command -v nginx'], { stdio: 'ignore' }).status === 0

function config(dir: string, listen: number, upstreams: number[]): string {
  return `
worker_processes 1;
pid ${dir}/nginx.pid;
error_log ${dir}/logs/error.log warn;
events { worker_connections 1024; }
http {
  access_log ${dir}/logs/access.log;
  client_body_temp_path ${dir}/tmp/body; proxy_temp_path ${dir}/tmp/proxy;
  fastcgi_temp_path ${dir}/tmp/fcgi; uwsgi_temp_path ${dir}/tmp/uwsgi; scgi_temp_path ${dir}/tmp/scgi;
  client_max_body_size 12m;
  upstream api {
${upstreams.map((port) => `    server 127.0.0.1:${port} max_fails=1 fail_timeout=2s;`).join('\n')}
    keepalive 32;
  }
  server {
    listen 127.0.0.1:${listen};
    location / {
      proxy_pass http://api; proxy_http_version 1.1; proxy_set_header Connection "";
      proxy_set_header Host $host; proxy_set_header X-Forwarded-For $remote_addr; proxy_set_header X-Forwarded-Proto $scheme;
      proxy_buffering off; proxy_cache off; proxy_read_timeout 1h;
      proxy_next_upstream error timeout http_502 http_503; proxy_next_upstream_tries 2;
      add_header X-Upstream $upstream_addr always;
    }
  }
}
`
}

const listening = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = connect({ host: '127.0.0.1', port })
    socket.once('connect', () => resolve(socket.end() && true))
    socket.once('error', () => resolve(false))
  })

export async function startLoadBalancer(listen: number, upstreams: number[]): Promise<LoadBalancer> {
  const dir = mkdtempSync(path.join(tmpdir(), 'weiquan-nginx-'))
  mkdirSync(path.join(dir, 'logs'))
  mkdirSync(path.join(dir, 'tmp'))
  // Started as root, nginx's workers run as "nobody" and buffer request bodies (photo uploads) here.
  chmodSync(dir, 0o755)
  chmodSync(path.join(dir, 'tmp'), 0o1777)
  const conf = path.join(dir, 'nginx.conf')
  writeFileSync(conf, config(dir, listen, upstreams))
  const child = spawn('nginx', ['-p', dir, '-c', conf, '-g', 'daemon off;'], { stdio: ['ignore', 'pipe', 'pipe'] })
  let output = ''
  child.stdout.on('data', (chunk: Buffer) => (output += chunk))
  child.stderr.on('data', (chunk: Buffer) => (output += chunk))
  let exited = false
  const exit = new Promise<void>((resolve) => child.once('exit', () => resolve(void (exited = true))))

  const stop = async () => {
    if (!exited) {
      child.kill('SIGTERM')
      await exit
    }
    rmSync(dir, { recursive: true, force: true })
  }
  const deadline = Date.now() + 10_000
  while (!(await listening(listen))) {
    if (exited || Date.now() > deadline) {
      await stop()
      throw new Error(`nginx did not listen on ${listen}: ${output}`)
    }
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  return { baseUrl: `http://127.0.0.1:${listen}`, stop }
}
