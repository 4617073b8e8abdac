import { verifyEvidencePackage } from '../modules/evidence-package/package-verifier'

// npm run verify-package -- FILE.zip: checks an evidence package offline; exit code 1 when anything fails.
async function main(args: string[]): Promise<number> {
  const file = args[0]
  if (!file || args.length > 1) {
    console.error('用法：npm run verify-package -- 证据包.zip')
    return 2
  }
  const result = await verifyEvidencePackage(file)
  if (!result.ok) {
    console.error(`✗ 证据包核验未通过（${result.problems.length} 处）：`)
    for (const problem of result.problems) console.error(`  - ${problem}`)
    return 1
  }
  const { summary } = result
  console.log(`✓ 证据包完好：投诉 ${summary.complaintNumber}，${summary.files} 个文件与清单一致，${summary.events} 个事件的哈希链完整`)
  console.log(`  链尾哈希 ${summary.headHash}`)
  console.log(`  清单指纹（manifest.json 的 SHA-256）${summary.manifestSha256}`)
  return 0
}

void main(process.argv.slice(2)).then((code) => {
  process.exitCode = code
})
