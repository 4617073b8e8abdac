#!/usr/bin/env node
// One Lighthouse run through its Node API, in plain Node: under tsx, esbuild's `__name` helper ends up
// in the functions Lighthouse serializes into the page ("__name is not defined").
// Usage: node lighthouse-run.mjs <url> <chrome debugging port>  → prints one JSON line.
import lighthouse from 'lighthouse'

const [url, port] = process.argv.slice(2)
const result = await lighthouse(url, { port: Number(port), output: 'json', logLevel: 'error', onlyCategories: ['performance', 'accessibility'] })
if (!result) throw new Error(`lighthouse gave no result for ${url}`)
const { lhr } = result
if (lhr.runtimeError) throw new Error(`lighthouse: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`)
const requests = lhr.audits['network-requests']?.details?.items ?? []
const failing = Object.values(lhr.audits)
  .filter((audit) => audit.score !== null && audit.score < 0.9 && ['binary', 'numeric'].includes(audit.scoreDisplayMode))
  .map((audit) => audit.id)
console.log(
  JSON.stringify({
    performance: Math.round((lhr.categories.performance?.score ?? 0) * 100),
    lcpMs: Math.round(lhr.audits['largest-contentful-paint']?.numericValue ?? NaN),
    accessibility: Math.round((lhr.categories.accessibility?.score ?? 0) * 100),
    jsTransferred: requests.filter((r) => r.resourceType === 'Script').reduce((sum, r) => sum + (r.transferSize ?? 0), 0),
    failing,
  }),
)
