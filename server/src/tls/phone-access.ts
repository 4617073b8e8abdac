import { networkInterfaces } from 'node:os'

/** Addresses a phone on the same Wi-Fi can open: every LAN IPv4 address when listening on all, else HOST itself. */
export function phoneAddresses(host: string): string[] {
  if (host === '127.0.0.1' || host === 'localhost' || host === '::1') return []
  if (host !== '0.0.0.0' && host !== '::') return [host]
  return Object.values(networkInterfaces())
    .flat()
    .filter((address) => address && address.family === 'IPv4' && !address.internal)
    .map((address) => address!.address)
}

/** What to open on a phone, printed at start; on plain http, why the phone will lack offline use and location. */
export function phoneAccessLines(https: boolean, port: number, addresses: string[]): string[] {
  const [first] = addresses
  if (!first) return []
  if (!https) {
    return [
      `手机（和电脑连同一个 Wi-Fi）可以打开 http://${first}:${port}/ ，但只能在线使用：`,
      '  普通 http 的局域网地址不是安全连接，手机浏览器不给离线功能（service worker）和定位。',
      '  要在手机上完整使用，请用 HTTPS=1 npm start 启动（见 README「在手机上使用」）。',
    ]
  }
  return [
    `手机（和电脑连同一个 Wi-Fi）打开：${addresses.map((address) => `https://${address}:${port}/`).join('  ')}`,
    '  证书是这台电脑自己生成的，手机会提示“您的连接不是私密连接”或“此连接非私人连接”：',
    '  点“高级”→“继续前往”即可登录、投诉和定位。',
    `  离线功能还需要手机信任这张证书：在手机上打开 https://${first}:${port}/weiquan-ca.crt 下载并安装，`,
    '  步骤见 README「在手机上使用」。',
  ]
}
