import type { Config } from './config'
import type { Db, Dialect } from './db/database'
import type { SmsSender } from './adapters/sms'
import type { WechatClient } from './adapters/wechat'
import type { ObjectStorage } from './storage/object-storage'

/** What route handlers and services need from the outside world; tests build their own. */
export interface AppContext {
  config: Config
  db: Db
  dialect: Dialect
  sms: SmsSender
  wechat: WechatClient
  storage: ObjectStorage
  now: () => Date
}
