import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import { INDUSTRY_LABELS, charCount } from '../../../../src/contract/complaint-rules'
import { WARNING_KINDS } from '../../../../src/contract/warning-kinds'
import { WARNING_SEEDS } from '../warnings-content'

const ALLOWED_TAGS = new Set(['p', 'h3', 'h4', 'ul', 'ol', 'li', 'strong', 'table', 'thead', 'tbody', 'tr', 'th', 'td'])

function text(html: string): string {
  return html.replace(/<[^>]*>/g, '')
}

function hanCount(s: string): number {
  return (s.match(/\p{Script=Han}/gu) ?? []).length
}

const THEMES: Record<string, RegExp> = {
  预付式消费: /预付|办卡|充值|跑路|闭店/,
  保健品会销: /会销/,
  家装隐蔽工程: /水电|隐蔽工程/,
  未成年人网游充值: /未成年|孩子.*充值|游戏充值/,
  直播带货: /直播/,
  教育培训退费: /培训|教培/,
  养老诈骗: /以房养老|养老公寓|养老项目/,
  预售旅游券: /预售|旅游券|酒店套餐/,
  网约车: /网约车/,
  社区团购: /社区团购|团长/,
}

describe('warning seed content', () => {
  test('there are at least 26 warnings with unique titles', () => {
    assert.ok(WARNING_SEEDS.length >= 26, `only ${WARNING_SEEDS.length}`)
    assert.equal(new Set(WARNING_SEEDS.map((w) => w.title)).size, WARNING_SEEDS.length)
  })

  test('every kind appears, with at least 3 comparisons that each carry a results table', () => {
    for (const kind of WARNING_KINDS) assert.ok(WARNING_SEEDS.some((w) => w.kind === kind), kind)
    const comparisons = WARNING_SEEDS.filter((w) => w.kind === 'comparison')
    assert.ok(comparisons.length >= 3)
    for (const c of comparisons) {
      assert.match(c.bodyHtml, /<table><thead><tr>(<th>[^<]+<\/th>)+<\/tr><\/thead><tbody>/, c.title)
      const rows = c.bodyHtml.match(/<tr>/g)?.length ?? 0
      assert.ok(rows >= 7, `${c.title}: ${rows - 1} samples`)
    }
    for (const w of WARNING_SEEDS.filter((x) => x.kind !== 'comparison')) assert.doesNotMatch(w.bodyHtml, /<table/, w.title)
  })

  test('4 to 6 are urgent, and urgent ones are recent', () => {
    const urgent = WARNING_SEEDS.filter((w) => w.urgent)
    assert.ok(urgent.length >= 4 && urgent.length <= 6, `${urgent.length} urgent`)
    for (const w of urgent) assert.ok(w.publishedDaysAgo <= 30, w.title)
  })

  test('industries are known keys, dates within 0–300 days and spread out', () => {
    for (const w of WARNING_SEEDS) {
      assert.ok(Object.hasOwn(INDUSTRY_LABELS, w.industry), `${w.title}: ${w.industry}`)
      assert.ok(Number.isInteger(w.publishedDaysAgo) && w.publishedDaysAgo >= 0 && w.publishedDaysAgo <= 300, w.title)
    }
    const days = WARNING_SEEDS.map((w) => w.publishedDaysAgo)
    assert.ok(Math.max(...days) - Math.min(...days) >= 200)
    assert.ok(new Set(days).size >= WARNING_SEEDS.length - 2, 'dates should rarely coincide')
  })

  test('regions are nationwide for most, otherwise province+city written together', () => {
    const listed = WARNING_SEEDS.filter((w) => w.regions.length > 0)
    assert.ok(listed.length >= 3 && listed.length < WARNING_SEEDS.length / 2)
    for (const w of listed) {
      for (const r of w.regions) assert.match(r, /^(北京市|上海市|天津市|重庆市|[^省市]{2,8}(省|自治区)[^省市]{2,8}市)$/, `${w.title}: ${r}`)
    }
  })

  test('issuers are fictional associations', () => {
    for (const w of WARNING_SEEDS) assert.match(w.issuer, /^示例.*(消费者协会|消费者权益保护委员会)$/, w.title)
  })

  test('titles at most 40 characters, summaries 40–120', () => {
    for (const w of WARNING_SEEDS) {
      assert.ok(charCount(w.title) <= 40 && charCount(w.title) >= 8, `title ${charCount(w.title)}: ${w.title}`)
      const n = charCount(w.summary)
      assert.ok(n >= 40 && n <= 120, `summary ${n}: ${w.title}`)
    }
  })

  test('bodies use only the safe subset, with no attributes, links or images', () => {
    for (const w of WARNING_SEEDS) {
      for (const [, tag] of w.bodyHtml.matchAll(/<\/?([a-zA-Z0-9]+)[^>]*>/g)) assert.ok(ALLOWED_TAGS.has(tag!.toLowerCase()), `${w.title}: <${tag}>`)
      assert.doesNotMatch(w.bodyHtml, /<[a-z0-9]+\s[^>]*>/i, `${w.title}: attributes`)
      assert.doesNotMatch(w.bodyHtml, /https?:|www\./i, w.title)
      assert.doesNotMatch(text(w.bodyHtml), /[<>]/, `${w.title}: stray angle bracket`)
    }
  })

  test('body lengths: 250–700 Chinese characters, comparisons may be longer', () => {
    for (const w of WARNING_SEEDS) {
      const n = hanCount(text(w.bodyHtml))
      const max = w.kind === 'comparison' ? 1200 : 700
      assert.ok(n >= 250 && n <= max, `${n} Chinese characters: ${w.title}`)
    }
  })

  test('most warnings tell a typical case and give 3–5 points of advice', () => {
    const withCase = WARNING_SEEDS.filter((w) => w.bodyHtml.includes('<h3>典型案例</h3>'))
    assert.ok(withCase.length >= WARNING_SEEDS.filter((w) => w.kind !== 'comparison').length * 0.7)
    for (const w of WARNING_SEEDS) {
      const lists = [...w.bodyHtml.matchAll(/<(ol|ul)>(.*?)<\/\1>/g)]
      assert.ok(lists.length >= 1, w.title)
      const items = lists.at(-1)![2]!.match(/<li>/g)!.length
      assert.ok(items >= 3 && items <= 5, `${items} points: ${w.title}`)
    }
    assert.ok(WARNING_SEEDS.filter((w) => w.bodyHtml.includes('12315')).length >= WARNING_SEEDS.length / 2)
  })

  test('every theme is covered, and 会销 and 退款 each appear in several warnings', () => {
    const all = (w: (typeof WARNING_SEEDS)[number]) => `${w.title}${w.summary}${text(w.bodyHtml)}`
    for (const [theme, pattern] of Object.entries(THEMES)) {
      assert.ok(WARNING_SEEDS.some((w) => pattern.test(`${w.title}${w.summary}`)), theme)
    }
    assert.ok(WARNING_SEEDS.filter((w) => all(w).includes('会销')).length >= 3)
    assert.ok(WARNING_SEEDS.filter((w) => all(w).includes('退款')).length >= 6)
  })

  test('no real brand or platform names slip in', () => {
    const brands = /华为|小米|苹果手机|抖音|快手|淘宝|天猫|京东|拼多多|美团|饿了么|滴滴|海飞丝|飘柔|潘婷|小天才|腾讯|王者荣耀/
    for (const w of WARNING_SEEDS) assert.doesNotMatch(`${w.title}${w.summary}${w.bodyHtml}`, brands, w.title)
  })
})
