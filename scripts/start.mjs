#!/usr/bin/env node
// `npm start`: build the H5 app when it is missing or older than its sources, then run the server.
import { spawn, spawnSync } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import path from 'node:path'
import { buildH5 } from './h5-build.mjs'

const h5Index = path.join(process.env.H5_DIR || 'dist/h5', 'index.html')

function newestSource(dirs) {
  let newest = 0
  for (const dir of dirs) {
    for (const file of readdirSync(dir, { recursive: true })) {
      const full = path.join(dir, String(file))
      if (!full.includes('__tests__')) newest = Math.max(newest, statSync(full).mtimeMs)
    }
  }
  return newest
}

const stale = !existsSync(h5Index) || statSync(h5Index).mtimeMs < newestSource(['src', 'config'])
if (stale && !process.env.H5_DIR) {
  const build = await buildH5({
    taroBin: path.join('node_modules', '.bin', 'taro'),
    timingFile: path.join('node_modules', '.cache', 'weiquan', 'h5-build-timing.json'),
  })
  if (!build.ok) {
    console.error(`${build.output}\nH5 构建失败，请查看上面的错误信息`)
    process.exit(1)
  }
  console.log('正在压缩页面文件，供手机在慢网络上快速打开（约 20–40 秒）…')
  spawnSync(process.execPath, ['scripts/precompress.mjs', 'dist/h5'], { stdio: 'ignore' })
  console.log('正在启动服务…')
}

const server = spawn(process.execPath, ['--import', 'tsx', 'server/src/server.ts'], { stdio: 'inherit' })
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal))
server.on('exit', (code) => process.exit(code ?? 0))
