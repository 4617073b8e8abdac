import { randomBytes } from 'node:crypto'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { isIP } from 'node:net'
import { availableParallelism } from 'node:os'
import path from 'node:path'
import { RETENTION_KINDS, RETENTION_SCHEDULE, type RetentionPeriods } from './modules/privacy/retention-schedule'

export interface Config {
  port: number
  host: string
  /** Serve over HTTPS with a certificate made on this computer (phones on the LAN need a secure context). */
  https: boolean
  dataDir: string
  /** postgres://… to run on PostgreSQL; undefined means the embedded SQLite file in dataDir. */
  databaseUrl: string | undefined
  tokenSecret: string
  accessTokenTtlSeconds: number
  refreshTokenTtlDays: number
  sms: {
    provider: 'console' | 'http'
    apiBase: string | undefined
    apiKey: string | undefined
    codeTtlSeconds: number
    phonePerMinute: number
    phonePerDay: number
    /** Past phonePerDay a phone may still get one code per this many minutes (slowed, never banned). */
    phoneSlowMinutes: number
    ipPerMinute: number
    ipPerDay: number
  }
  wechat: { appId: string | undefined; secret: string | undefined; apiBase: string }
  h5Dir: string
  seedDemo: boolean
  logLevel: string
  /** Handed to Fastify: which peers may tell us the client's address in X-Forwarded-For. */
  trustProxy: TrustProxy
  /** S3-compatible object storage for photos; undefined keeps them on disk under dataDir. */
  s3: S3Config | undefined
  notifications: NotificationConfig
  uploads: UploadConfig
  /** How long each kind of personal data is kept, in the unit of its rule (modules/privacy/retention-schedule.ts). */
  retention: RetentionPeriods
  accountDeletion: {
    /** Days between a deletion request and its completion, during which logging in cancels it. */
    coolOffDays: number
  }
  /** Which rules complaints are handled under: the 市场监管 measures (by filing date) or the consumer association's rules. */
  ruleSetFamily: 'samr' | 'association'
  /** Where people open the app (H5), for links printed on paper: an agreement PDF's verification QR. */
  publicUrl: string
  /** How often the performance follow-up (履行回访) runs: asks on due dates, sends unanswered ones back. */
  performanceSweepSeconds: number
}

export interface UploadConfig {
  /** Photos processed at once; each holds up to ~100 MB of pixels while it runs. */
  concurrency: number
  /** Received photos that may wait for a processing slot; past it an upload is answered 503 with Retry-After. */
  queueLimit: number
}

export interface NotificationConfig {
  /** `outbox`: workers poll the deliveries table; `pgboss`: deliveries travel through pg-boss on PostgreSQL. */
  queue: 'outbox' | 'pgboss'
  /** Run the delivery worker inside the server process (off when `npm run worker` runs separately). */
  embeddedWorker: boolean
  maxAttempts: number
  /** How long a worker holds a delivery it is sending; a crashed worker's deliveries are retried after it. */
  leaseSeconds: number
  /** WeChat subscribe template ids the app asks for (≤ 3). */
  subscribeTemplates: string[]
  miniprogramState: 'formal' | 'trial' | 'developer'
  /** SMS for key events; off by default. */
  sms: boolean
}

export interface S3Config {
  endpoint: string
  bucket: string
  accessKeyId: string
  secretAccessKey: string
  region: string
}

/** false: use the socket address; addresses: trust only these proxies; hop function: trust that many hops. */
export type TrustProxy = false | string[] | ((address: string, hop: number) => boolean)

export class ConfigError extends Error {}

type Env = Record<string, string | undefined>

function int(env: Env, name: string, fallback: number, min = 0): number {
  const raw = env[name]
  if (raw === undefined || raw === '') return fallback
  const value = Number(raw)
  if (!Number.isInteger(value) || value < min) {
    throw new ConfigError(`环境变量 ${name} 必须是不小于 ${min} 的整数，当前值为 "${raw}"`)
  }
  return value
}

function bool(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name]
  if (raw === undefined || raw === '') return fallback
  if (['1', 'true', 'yes'].includes(raw.toLowerCase())) return true
  if (['0', 'false', 'no'].includes(raw.toLowerCase())) return false
  throw new ConfigError(`环境变量 ${name} 只能是 true 或 false，当前值为 "${raw}"`)
}

function url(env: Env, name: string, fallback?: string): string | undefined {
  const raw = env[name] || fallback
  if (raw === undefined) return undefined
  try {
    new URL(raw)
  } catch {
    throw new ConfigError(`环境变量 ${name} 不是有效的网址："${raw}"`)
  }
  return raw.replace(/\/$/, '')
}

const PROXY_NAMES = ['loopback', 'linklocal', 'uniquelocal']

function isAddressOrRange(value: string): boolean {
  if (PROXY_NAMES.includes(value)) return true
  const [address = '', prefix, ...rest] = value.split('/')
  const family = isIP(address)
  if (!family || rest.length) return false
  if (prefix === undefined) return true
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128)
}

/**
 * TRUST_PROXY: a hop count, or the proxies' addresses / CIDR ranges. `true` counts as one hop: only the
 * address our own proxy appended is believed, never what the client wrote further left in the header.
 */
function trustProxy(env: Env): TrustProxy {
  const raw = (env.TRUST_PROXY ?? '').trim()
  if (['', '0', 'false', 'no'].includes(raw.toLowerCase())) return false
  const hops = ['true', 'yes'].includes(raw.toLowerCase()) ? 1 : /^\d+$/.test(raw) ? Number(raw) : undefined
  if (hops !== undefined) {
    if (hops > 10) throw new ConfigError(`环境变量 TRUST_PROXY 的代理层数应在 1–10 之间，当前值为 "${raw}"`)
    return (_address, hop) => hop < hops
  }
  const entries = raw.split(',').map((entry) => entry.trim())
  const bad = entries.filter((entry) => !isAddressOrRange(entry))
  if (bad.length) {
    throw new ConfigError(
      `环境变量 TRUST_PROXY 应为 false、代理层数（如 1），或代理的 IP / CIDR 列表（如 10.0.0.0/8,127.0.0.1），无法识别："${bad.join(',')}"`,
    )
  }
  return entries
}

const S3_REQUIRED = ['S3_ENDPOINT', 'S3_BUCKET', 'S3_ACCESS_KEY_ID', 'S3_SECRET_ACCESS_KEY'] as const

/** Either every S3 variable is set (photos go to the bucket) or none is (photos stay on disk). */
function s3Config(env: Env): S3Config | undefined {
  const missing = S3_REQUIRED.filter((name) => !env[name])
  if (missing.length === S3_REQUIRED.length) return undefined
  if (missing.length) throw new ConfigError(`使用 S3 存储时还需要设置 ${missing.join('、')}（或都不设置以把照片存在本机）`)
  const bucket = env.S3_BUCKET!
  if (!/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(bucket)) {
    throw new ConfigError(`环境变量 S3_BUCKET 不是有效的存储桶名称（3–63 个小写字母、数字、点或连字符），当前值为 "${bucket}"`)
  }
  return {
    endpoint: url(env, 'S3_ENDPOINT')!,
    bucket,
    accessKeyId: env.S3_ACCESS_KEY_ID!,
    secretAccessKey: env.S3_SECRET_ACCESS_KEY!,
    region: env.S3_REGION || 'us-east-1',
  }
}

/** The token secret is generated once and kept in the data folder, so a fresh install needs no setup. */
function tokenSecret(env: Env, dataDir: string): string {
  if (env.TOKEN_SECRET) {
    if (env.TOKEN_SECRET.length < 32) throw new ConfigError('环境变量 TOKEN_SECRET 至少需要 32 个字符')
    return env.TOKEN_SECRET
  }
  const file = path.join(dataDir, 'token-secret')
  if (existsSync(file)) return readFileSync(file, 'utf8').trim()
  const secret = randomBytes(32).toString('hex')
  mkdirSync(dataDir, { recursive: true })
  writeFileSync(file, secret, { mode: 0o600 })
  return secret
}

function subscribeTemplates(env: Env): string[] {
  const raw = (env.WECHAT_SUBSCRIBE_TEMPLATES ?? '').trim()
  if (!raw) return []
  let ids: unknown
  try {
    ids = raw.startsWith('[') ? JSON.parse(raw) : raw.split(',').map((id) => id.trim()).filter(Boolean)
  } catch {
    ids = null
  }
  if (!Array.isArray(ids) || !ids.every((id) => typeof id === 'string' && /^[\w-]{1,128}$/.test(id)) || ids.length > 3) {
    throw new ConfigError(`环境变量 WECHAT_SUBSCRIBE_TEMPLATES 应为最多 3 个订阅消息模板 ID（逗号分隔或 JSON 数组），当前值为 "${raw}"`)
  }
  return ids as string[]
}

function notificationConfig(env: Env, databaseUrl: string | undefined): NotificationConfig {
  const queue = env.NOTIFY_QUEUE || 'outbox'
  if (queue !== 'outbox' && queue !== 'pgboss') throw new ConfigError(`环境变量 NOTIFY_QUEUE 只能是 outbox 或 pgboss，当前值为 "${queue}"`)
  if (queue === 'pgboss' && !databaseUrl) throw new ConfigError('NOTIFY_QUEUE=pgboss 需要 PostgreSQL：请同时设置 DATABASE_URL')
  const state = env.WECHAT_MINIPROGRAM_STATE || 'formal'
  if (state !== 'formal' && state !== 'trial' && state !== 'developer') {
    throw new ConfigError(`环境变量 WECHAT_MINIPROGRAM_STATE 只能是 formal、trial 或 developer，当前值为 "${state}"`)
  }
  return {
    queue,
    embeddedWorker: bool(env, 'NOTIFY_EMBEDDED_WORKER', true),
    maxAttempts: int(env, 'NOTIFY_MAX_ATTEMPTS', 6, 1),
    leaseSeconds: int(env, 'NOTIFY_LEASE_SECONDS', 30, 1),
    subscribeTemplates: subscribeTemplates(env),
    miniprogramState: state,
    sms: bool(env, 'NOTIFY_SMS', false),
  }
}

function retentionPeriods(env: Env): RetentionPeriods {
  const periods = {} as Record<(typeof RETENTION_KINDS)[number], number>
  for (const kind of RETENTION_KINDS) {
    const rule = RETENTION_SCHEDULE[kind]
    periods[kind] = int(env, rule.env, rule.period, rule.min)
  }
  return periods
}

/** The cool-off must end well inside the 15 working days promised for completion. */
const COOL_OFF_MAX_DAYS = 14

function coolOffDays(env: Env): number {
  const days = int(env, 'ACCOUNT_DELETION_COOL_OFF_DAYS', 7, 1)
  if (days > COOL_OFF_MAX_DAYS) {
    throw new ConfigError(`环境变量 ACCOUNT_DELETION_COOL_OFF_DAYS 不能超过 ${COOL_OFF_MAX_DAYS} 天（注销须在 15 个工作日内完成），当前值为 "${days}"`)
  }
  return days
}

function ruleSetFamily(env: Env): 'samr' | 'association' {
  const value = env.RULE_SET_FAMILY || 'samr'
  if (value !== 'samr' && value !== 'association') {
    throw new ConfigError(`环境变量 RULE_SET_FAMILY 只能是 samr（市场监管投诉处理办法）或 association（消协受理规则），当前值为 "${value}"`)
  }
  return value
}

export function loadConfig(env: Env = process.env): Config {
  const dataDir = path.resolve(env.DATA_DIR || 'data')
  const databaseUrl = env.DATABASE_URL || undefined
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new ConfigError('环境变量 DATABASE_URL 必须以 postgres:// 开头（不设置则使用内置 SQLite）')
  }
  const smsProvider = env.SMS_PROVIDER || 'console'
  if (smsProvider !== 'console' && smsProvider !== 'http') {
    throw new ConfigError(`环境变量 SMS_PROVIDER 只能是 console 或 http，当前值为 "${smsProvider}"`)
  }
  const smsApiBase = url(env, 'SMS_API_BASE')
  if (smsProvider === 'http' && !smsApiBase) throw new ConfigError('SMS_PROVIDER=http 时必须设置 SMS_API_BASE')
  const appId = env.WECHAT_APPID || undefined
  const secret = env.WECHAT_SECRET || undefined
  if (Boolean(appId) !== Boolean(secret)) {
    throw new ConfigError('WECHAT_APPID 和 WECHAT_SECRET 需要同时设置（或都不设置以关闭微信登录）')
  }
  return {
    port: int(env, 'PORT', 3000),
    host: env.HOST || '0.0.0.0',
    https: bool(env, 'HTTPS', false),
    dataDir,
    databaseUrl,
    tokenSecret: tokenSecret(env, dataDir),
    accessTokenTtlSeconds: int(env, 'ACCESS_TOKEN_TTL_SECONDS', 15 * 60, 10),
    refreshTokenTtlDays: int(env, 'REFRESH_TOKEN_TTL_DAYS', 30, 1),
    sms: {
      provider: smsProvider,
      apiBase: smsApiBase,
      apiKey: env.SMS_API_KEY || undefined,
      codeTtlSeconds: int(env, 'SMS_CODE_TTL_SECONDS', 5 * 60, 30),
      phonePerMinute: int(env, 'SMS_PHONE_PER_MINUTE', 1, 1),
      phonePerDay: int(env, 'SMS_PHONE_PER_DAY', 10, 1),
      phoneSlowMinutes: int(env, 'SMS_PHONE_SLOW_MINUTES', 60, 1),
      ipPerMinute: int(env, 'SMS_IP_PER_MINUTE', 5, 1),
      ipPerDay: int(env, 'SMS_IP_PER_DAY', 50, 1),
    },
    wechat: { appId, secret, apiBase: url(env, 'WECHAT_API_BASE', 'https://api.weixin.qq.com')! },
    h5Dir: path.resolve(env.H5_DIR || 'dist/h5'),
    seedDemo: bool(env, 'SEED_DEMO', true),
    logLevel: env.LOG_LEVEL || 'warn',
    trustProxy: trustProxy(env),
    s3: s3Config(env),
    notifications: notificationConfig(env, databaseUrl),
    uploads: {
      concurrency: int(env, 'UPLOAD_CONCURRENCY', availableParallelism(), 1),
      queueLimit: int(env, 'UPLOAD_QUEUE_LIMIT', 32, 0),
    },
    retention: retentionPeriods(env),
    accountDeletion: { coolOffDays: coolOffDays(env) },
    ruleSetFamily: ruleSetFamily(env),
    performanceSweepSeconds: int(env, 'PERFORMANCE_SWEEP_SECONDS', 300, 1),
    publicUrl: (url(env, 'PUBLIC_URL') ?? `http://localhost:${int(env, 'PORT', 3000)}`).replace(/\/+$/, ''),
  }
}
