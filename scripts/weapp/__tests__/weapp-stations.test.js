/**
 * 找服务站 packages/stations/pages/finder in the built mini-program (dist/weapp, build first): with the
 * phone's position (wx.getLocation, gcj02) it lists the nearest stations under WeChat's <map>, a marker
 * per located station; tapping a marker or a station's 导航 opens WeChat's map page (wx.openLocation)
 * at that station, and 打电话 calls it. wx.request is answered here.
 * Run: npx jest -c jest.weapp.config.js scripts/weapp/__tests__/weapp-stations.test.js
 * @jest-environment jsdom
 */
const fs = require('fs')
const path = require('path')
const { ROOT, mountPage, unmountAll } = require('./taro-simulate.cjs')

const HERE = { latitude: 30.2741, longitude: 120.1551 }
/** The first page of a subpackage loads its vendors too: on a busy machine (a build beside it) that took over 2 s. */
const LOADED_WITHIN = 10_000

const station = (id, name, latitude, longitude, distanceMeters, extra = {}) => ({
  id,
  organizationId: 'o-xihu',
  organizationName: '杭州市西湖区消费者协会',
  name,
  hostKind: 'supermarket',
  hostName: null,
  address: `${name}地址`,
  latitude,
  longitude,
  openingHours: '周一至周五 9:00-17:00',
  phone: null,
  services: ['consult', 'file_complaint'],
  active: true,
  distanceMeters,
  ...extra,
})

const NEAREST = [
  station('s-1', '文三路消费维权服务站', 30.27736, 120.13627, 1600, { phone: '0571-88001234' }),
  station('s-2', '湖滨社区消费维权服务站', 30.25961, 120.16449, 1850),
  // No position recorded: listed, but neither a marker nor 导航.
  station('s-3', '古荡社区服务站', null, null, null),
]

function mountFinder() {
  const getLocation = jest.fn((opts) => setTimeout(() => opts.success({ errMsg: 'getLocation:ok', ...HERE, accuracy: 30 }), 0))
  const openLocation = jest.fn((opts) => Promise.resolve().then(() => opts.success?.({ errMsg: 'openLocation:ok' })))
  const makePhoneCall = jest.fn((opts) => Promise.resolve().then(() => opts.success?.({ errMsg: 'makePhoneCall:ok' })))
  const requests = []
  return mountPage('packages/stations/pages/finder/index', {
    wx: { getLocation, openLocation, makePhoneCall },
    respond: (opts) => {
      requests.push(opts.url)
      return opts.method === 'GET' && /\/api\/stations\?/.test(opts.url) ? { data: { items: NEAREST, nextCursor: null } } : null
    },
  }).then((p) => ({ p, getLocation, openLocation, makePhoneCall, requests }))
}

/**
 * The <map>'s props as Taro handed them to the page. Taro's template names them by short keys
 * (markers="{{i.p17||[]}}" in base.wxml): the keys are read from the built template, then the map's
 * node is found in the page data by its markers.
 */
function mapProps(p) {
  const template = fs.readFileSync(path.join(ROOT, 'base.wxml'), 'utf8').match(/<map [^>]*>/)[0]
  const keyOf = (attribute) => template.match(new RegExp(` ${attribute}="\\{\\{(?:xs\\.b\\()?i\\.(\\w+)`))[1]
  const keys = { markers: keyOf('markers'), latitude: keyOf('latitude'), longitude: keyOf('longitude'), showLocation: keyOf('show-location') }
  let found = null
  const walk = (node) => {
    if (!node || typeof node !== 'object' || found) return
    if (Array.isArray(node[keys.markers]) && node[keys.markers].some((m) => m && m.latitude !== undefined)) found = node
    else for (const value of Object.values(node)) walk(value)
  }
  walk(p.page.instance.data)
  return found && Object.fromEntries(Object.entries(keys).map(([name, key]) => [name, found[key]]))
}

afterEach(() => unmountAll())

describe('找服务站 packages/stations/pages/finder', () => {
  test('nearest first under a map with a marker per located station, centred on the phone', async () => {
    const { p, getLocation, requests } = await mountFinder()
    await p.waitForText('文三路消费维权服务站', LOADED_WITHIN)
    expect(getLocation).toHaveBeenCalledTimes(1)
    expect(getLocation.mock.calls[0][0].type).toBe('gcj02')
    expect(requests.some((url) => url.includes(`latitude=${HERE.latitude}`) && url.includes(`longitude=${HERE.longitude}`))).toBe(true)
    for (const text of ['离您最近的服务站', '1.6 公里', '湖滨社区消费维权服务站', '古荡社区服务站', '打电话']) expect(p.text()).toContain(text)

    expect(p.page.dom.querySelectorAll('wx-map')).toHaveLength(1)
    const map = mapProps(p)
    expect(map).toBeTruthy()
    expect([map.latitude, map.longitude, map.showLocation]).toEqual([HERE.latitude, HERE.longitude, true])
    expect(map.markers.map((m) => [m.id, m.title, m.latitude, m.longitude])).toEqual([
      [0, '文三路消费维权服务站', 30.27736, 120.13627],
      [1, '湖滨社区消费维权服务站', 30.25961, 120.16449],
    ])
    expect(map.markers[0].callout.content).toBe('文三路消费维权服务站')
    // Two 导航 buttons: the station without a position has none.
    expect(p.findAll('wx-button', '导航')).toHaveLength(2)
  })

  test('tapping a marker and a station’s 导航 open WeChat’s map at that station; 打电话 calls it', async () => {
    const { p, openLocation, makePhoneCall } = await mountFinder()
    await p.waitForText('湖滨社区消费维权服务站', LOADED_WITHIN)

    p.dispatch(p.page.dom.querySelector('wx-map'), 'markertap', { markerId: 1 })
    await p.waitFor(() => openLocation.mock.calls.length === 1, 2000, 'openLocation after the marker tap')
    expect(openLocation.mock.calls[0][0]).toMatchObject({ latitude: 30.25961, longitude: 120.16449, name: '湖滨社区消费维权服务站', address: '湖滨社区消费维权服务站地址' })

    p.tap(p.findAll('wx-button', '导航')[0])
    await p.waitFor(() => openLocation.mock.calls.length === 2, 2000, 'openLocation after 导航')
    expect(openLocation.mock.calls[1][0]).toMatchObject({ latitude: 30.27736, longitude: 120.13627, name: '文三路消费维权服务站' })

    p.tap(p.find('wx-button', '打电话'))
    await p.waitFor(() => makePhoneCall.mock.calls.length === 1, 2000, 'makePhoneCall')
    expect(makePhoneCall.mock.calls[0][0].phoneNumber).toBe('0571-88001234')
  })
})
