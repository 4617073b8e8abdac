import { parseArgs } from 'node:util'
import { loadConfig } from '../config'
import { createContext } from '../context-factory'
import { PHONE_PATTERN } from '../../../src/contract/rules'
import { runAdminCommand } from './admin-commands'

const USAGE = `用法：
  npm run admin -- create-staff --phone 13900000000 --name 姓名
  npm run admin -- create-enterprise --phone 13900000000 --name 姓名 --enterprise 企业名称 [--credit-code 统一社会信用代码]
  npm run admin -- list-users`

async function main() {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: { phone: { type: 'string' }, name: { type: 'string' }, enterprise: { type: 'string' }, 'credit-code': { type: 'string' } },
  })
  const command = positionals[0]
  if (!command) throw new Error(USAGE)
  if (values.phone !== undefined && !PHONE_PATTERN.test(values.phone)) throw new Error('手机号格式不正确（11 位，1 开头）')
  const { ctx, database } = await createContext(loadConfig())
  try {
    console.log(await runAdminCommand(ctx.db, command, values))
  } finally {
    await database.close()
  }
}

main().catch((error: Error) => {
  console.error(error.message)
  process.exit(1)
})
