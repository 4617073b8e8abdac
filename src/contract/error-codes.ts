/** Every error the API can answer, with the Chinese text a user sees. */
export const ERROR_MESSAGES = {
  VALIDATION_FAILED: '提交的内容不符合要求，请检查后重试',
  INVALID_JSON: '请求内容格式错误',
  PAYLOAD_TOO_LARGE: '提交的内容太大了',
  UNSUPPORTED_MEDIA_TYPE: '不支持的内容类型',
  NOT_FOUND: '请求的内容不存在',
  METHOD_NOT_ALLOWED: '不支持的请求方式',
  UNAUTHENTICATED: '请先登录',
  TOKEN_EXPIRED: '登录已过期，请重新登录',
  TOKEN_INVALID: '登录状态无效，请重新登录',
  FORBIDDEN: '您没有权限进行此操作',
  SMS_CODE_INVALID: '验证码错误或已过期',
  SMS_TOO_FREQUENT: '验证码发送太频繁，请稍后再试',
  SMS_DAILY_LIMIT: '今天获取验证码的次数已用完，请明天再试',
  SMS_SEND_FAILED: '验证码发送失败，请稍后再试',
  WECHAT_NOT_CONFIGURED: '微信登录暂未开通，请使用手机号登录',
  WECHAT_LOGIN_FAILED: '微信登录失败，请重试或使用手机号登录',
  WECHAT_BUSY: '微信服务繁忙，请稍后再试',
  REFRESH_TOKEN_INVALID: '登录已失效，请重新登录',
  ACCOUNT_DISABLED: '账号已停用，请联系消协工作人员',
  RATE_LIMITED: '操作太频繁，请稍后再试',
  UNSUPPORTED_IMAGE: '只支持 JPG、PNG、WebP、HEIC 格式的照片',
  IMAGE_TOO_LARGE: '照片不能超过 10 MB',
  IMAGE_TOO_MANY_PIXELS: '照片尺寸过大（超过 4000 万像素），请截图或压缩后再上传',
  IMAGE_CORRUPT: '照片已损坏或不完整，无法读取，请重新拍摄',
  EMPTY_FILE: '文件是空的，请重新选择',
  FILE_REQUIRED: '请选择要上传的照片',
  EVIDENCE_INVALID: '有照片已失效或不属于您，请重新上传',
  TOO_MANY_PHOTOS: '最多上传 9 张照片',
  COMPLAINT_NOT_OPEN: '投诉已结束，不能再修改',
  IDEMPOTENCY_KEY_REQUIRED: '缺少提交编号，请刷新后重试',
  IDEMPOTENCY_KEY_REUSED: '这次提交与之前的内容不一致，请刷新后重试',
  INVALID_TRANSITION: '当前状态下不能进行此操作',
  LINK_EXPIRED: '链接已过期，请刷新页面',
  // ── notifications (#6) ──
  NOTIFICATION_NOT_FOUND: '这条消息不存在',
  STREAM_TICKET_INVALID: '实时消息连接已过期，请刷新页面',
  INBOX_ALWAYS_ON: '消息中心的通知不能关闭',
  CHANNEL_NOT_AVAILABLE: '这种通知方式暂不可用',
  SUBSCRIBE_TEMPLATE_UNKNOWN: '订阅的消息模板无效，请刷新后重试',
  // ── warnings (#7) ──
  WARNING_NOT_FOUND: '这条消费警示不存在或已下架',
  WARNING_TITLE_INVALID: '标题请填写 4–60 个字',
  WARNING_SUMMARY_INVALID: '摘要请填写 10–200 个字',
  WARNING_BODY_EMPTY: '正文不能为空（危险内容会被自动删除）',
  WARNING_ISSUER_INVALID: '请填写发布机构（2–60 个字）',
  WARNING_PUBLISH_TIME_INVALID: '发布时间不正确，请重新选择',
  WARNING_STATE_CONFLICT: '这条警示的状态已变化，请刷新后再操作',
  WARNING_COVER_NOT_FOUND: '封面图片不存在，请重新上传',
  WARNING_QUERY_TOO_SHORT: '请至少输入 2 个字再搜索',
  WARNING_IMAGE_NOT_FOUND: '图片不存在',
  // ── volunteers and field reports (#8) ──
  VOLUNTEER_APPLICATION_PENDING: '您已有一份申请正在审核，请耐心等待',
  VOLUNTEER_APPLICATION_DECIDED: '这份申请已经处理过了',
  NOT_A_VOLUNTEER: '该用户目前不是志愿者',
  FIELD_REPORT_EMPTY: '请至少拍一张照片或写几句说明',
  COORDINATES_OUT_OF_RANGE: '位置坐标不正确，请重新定位或手动填写地址',
  OBSERVED_AT_IN_FUTURE: '发现时间不能晚于现在',
  FIELD_REPORT_CLIENT_ID_REUSED: '这份报告与之前上传的同一份报告内容不一致，请检查后重新提交',
  FIELD_REPORT_ALREADY_DECIDED: '这份报告已经处理过了',
  // ── workflow and directory (#5) ──
  // ── uploads under load (#12) ──
  UPLOADS_BUSY: '现在上传照片的人较多，请稍后再试',
  // ── account deletion (#20) ──
  ACCOUNT_DELETION_PENDING: '您已提交注销申请，请勿重复提交',
  ACCOUNT_DELETION_NOT_PENDING: '没有等待中的注销申请',
  ACCOUNT_DELETION_NOT_ALLOWED: '工作人员和企业联络员的账号请联系消协管理员注销',
  ACCOUNT_DELETION_NEEDS_PHONE: '您的账号没有绑定手机号，无法接收验证码，请联系消协工作人员注销',
  // ── rule sets (#16) ──
  RULE_SET_NOT_FOUND: '这套处理规则不存在',
  RULE_SET_VERSION_CONFLICT: '这套规则刚刚有了新版本，请刷新后再保存',
  RULE_SET_DATES_INVALID: '失效日期不能早于施行日期',
  REFUSAL_GROUND_NOT_IN_RULES: '所选理由不在本案适用的规则中，请重新选择',
  CLOCK_PAUSE_NOT_IN_RULES: '本案适用的规则未规定检测、鉴定期间不计入期限，不能暂停计时',
  CLOCK_ALREADY_PAUSED: '计时已暂停，请先恢复计时',
  CLOCK_NOT_PAUSED: '计时没有暂停',
  NO_RUNNING_CLOCK: '当前步骤没有在计时的期限',
  // ── association network (#15) ──
  ORGANIZATION_NOT_FOUND: '没有找到这个消协组织',
  ORGANIZATION_NAME_TAKEN: '已有同名的消协组织',
  TRANSFER_TO_OWN_ORGANIZATION: '投诉已经由这个组织处理，请选择其他组织',
  TRANSFER_DIRECTION_INVALID: '交办只能交给直属下级组织，提级只能提到直属上级组织',
  TRANSFER_NOT_ALLOWED: '这件投诉现在不能移送、交办或提级',
  REFERRAL_DESTINATION_UNKNOWN: '所选部门不在可引导的部门中，请重新选择',
  // ── mediation agreements (#17) ──
  AGREEMENT_NOT_FOUND: '这件投诉还没有调解协议书',
  AGREEMENT_EXISTS: '这件投诉已经有调解协议书了，请修改现有的协议',
  AGREEMENT_NO_BUSINESS_ACCOUNT: '被投诉商家还没有开通企业账号，无法在线签署，请先为商家开通账号',
  AGREEMENT_VERSION_CHANGED: '协议刚刚被修改过，请刷新后在最新版本上修改',
  AGREEMENT_TEXT_CHANGED: '协议内容已经修改，请重新阅读最新的协议后再签署',
  AGREEMENT_ALREADY_SIGNED: '您已经签署过这一版协议了',
  AGREEMENT_EFFECTIVE: '双方已签署，协议已生效，不能再修改',
  AGREEMENT_NOT_A_PARTY: '只有协议的当事人才能签署',
  AGREEMENT_NO_PHONE: '您的账号没有绑定手机号，无法接收签署验证码',
  AGREEMENT_DATE_INVALID: '履行期限不正确，请选择今天或以后的日期',
  AGREEMENT_PDF_NOT_READY: '双方都签署后才能下载协议书',
  // ── general ──
  INTERNAL_ERROR: '服务器开小差了，请稍后再试',
  NETWORK_ERROR: '网络连接失败，请检查网络后重试',
} as const

export type ErrorCode = keyof typeof ERROR_MESSAGES

export interface ApiError {
  code: ErrorCode
  message: string
}

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(ERROR_MESSAGES, value)
}
