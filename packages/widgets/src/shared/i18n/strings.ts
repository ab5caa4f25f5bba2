// The widgets' words, one table per language. English is complete; other tables may leave keys out.
// Chinese wording follows the live-commerce field guide the product grew from (关注领福利, 入群解锁专属优惠, 开播提醒).

/** Every string a widget shows or announces. `{name}` marks a value filled in at run time. */
export interface WidgetStrings {
  close: string;
  retry: string;
  copy: string;
  copied: string;
  copyManual: string;
  loading: string;
  /** `{time}`: a localized date and time. */
  validUntil: string;
  'error.refused': string;
  'error.network': string;
  'error.timeout': string;
  'error.server': string;
  'error.invalid': string;
  setupTitle: string;
  /** Shown under setupTitle: which attributes to set. `{attrs}` is code, never translated. */
  setupHint: string;

  followHeadline: string;
  followBenefit: string;
  locked: string;
  followAction: string;
  followPending: string;
  followLinkOpened: string;
  followDone: string;
  unlocked: string;
  yourCode: string;
  useNow: string;
  rewardLoading: string;

  groupBadge: string;
  groupHeadline: string;
  groupBenefit: string;
  scanHint: string;
  wechatHint: string;
  phoneImageHint: string;
  openGroup: string;
  qrAlt: string;
  groupImageAlt: string;
  groupExpires: string;

  countdownLabel: string;
  startsIn: string;
  /** `{time}`: start time in the viewer's time zone. */
  startsAt: string;
  days: string;
  hours: string;
  minutes: string;
  seconds: string;
  startingSoon: string;
  liveNow: string;
  watchNow: string;
  defaultEventTitle: string;
  addToCalendar: string;
  calendarIcs: string;
  calendarGoogle: string;
  calendarOutlook: string;
  remindMe: string;
  contactAny: string;
  contactEmail: string;
  contactPhone: string;
  consentDefault: string;
  privacy: string;
  subscribe: string;
  subscribing: string;
  subscribed: string;
  invalidEmail: string;
  invalidPhone: string;
  invalidContact: string;
  consentRequired: string;

  flashOffer: string;
  /** `{time}`: mm:ss or h:mm:ss left. */
  endsIn: string;
  /** `{count}`: how many are left. */
  remaining: string;
  claim: string;
  claiming: string;
  claimed: string;
  claimedHint: string;
  soldOut: string;
  soldOutHint: string;
  expired: string;
  expiredHint: string;
}

export const en: WidgetStrings = {
  close: 'Close',
  retry: 'Try again',
  copy: 'Copy',
  copied: 'Copied',
  copyManual: 'Select the code to copy it',
  loading: 'Loading…',
  validUntil: 'Valid until {time}',
  'error.refused': "This isn't available to you right now.",
  'error.network': "Can't connect. Check your network and try again.",
  'error.timeout': 'The shop took too long to answer. Please try again.',
  'error.server': 'Something went wrong on our side. Please try again.',
  'error.invalid': 'Something went wrong. Please try again.',
  setupTitle: 'Finish setting up this widget',
  setupHint: 'Set {attrs}.',

  followHeadline: 'Follow us to unlock your reward',
  followBenefit: 'Followers get first word on every live deal.',
  locked: 'Locked',
  followAction: 'Follow & unlock',
  followPending: 'Confirming your follow…',
  followLinkOpened: 'Followed us in the new tab?',
  followDone: "I've followed",
  unlocked: 'Unlocked!',
  yourCode: 'Your code',
  useNow: 'Use it now',
  rewardLoading: 'Unlocking your reward…',

  groupBadge: 'Fan group',
  groupHeadline: 'Join our fan group',
  groupBenefit: 'Members get an exclusive discount and first pick of every drop.',
  scanHint: 'Scan with your phone to join',
  wechatHint: 'Long-press the QR code to join',
  phoneImageHint: 'Take a screenshot, then scan it from your photos in WeChat',
  openGroup: 'Join the group',
  qrAlt: 'QR code to join the fan group',
  groupImageAlt: 'Fan group QR code',
  groupExpires: 'QR code valid until {time}',

  countdownLabel: 'Time until the live stream starts',
  startsIn: 'Live in',
  startsAt: '{time}, your time',
  days: 'days',
  hours: 'hrs',
  minutes: 'min',
  seconds: 'sec',
  startingSoon: 'Starting any moment',
  liveNow: 'Live now',
  watchNow: 'Watch now',
  defaultEventTitle: 'Live stream',
  addToCalendar: 'Add to calendar',
  calendarIcs: 'Apple / Outlook (.ics)',
  calendarGoogle: 'Google Calendar',
  calendarOutlook: 'Outlook.com',
  remindMe: 'Remind me',
  contactAny: 'Email or phone number',
  contactEmail: 'Email',
  contactPhone: 'Phone number',
  consentDefault: 'I agree to get a reminder before this live stream.',
  privacy: 'Privacy policy',
  subscribe: 'Remind me',
  subscribing: 'Sending…',
  subscribed: "You're on the list. We'll remind you before it starts.",
  invalidEmail: 'Enter a valid email address.',
  invalidPhone: 'Enter a valid phone number.',
  invalidContact: 'Enter an email address or a phone number.',
  consentRequired: 'Please tick the box to agree.',

  flashOffer: 'Flash offer',
  endsIn: 'Ends in {time}',
  remaining: '{count} left',
  claim: 'Claim now',
  claiming: 'Claiming…',
  claimed: 'Claimed!',
  claimedHint: "It's in your account. Use it at checkout.",
  soldOut: 'All gone',
  soldOutHint: 'Stay tuned: the next offer is coming.',
  expired: 'This offer has ended',
  expiredHint: "Stay for the next one: there's more in this stream.",
};

export const zhCN: Partial<WidgetStrings> = {
  close: '关闭',
  retry: '重试',
  copy: '复制',
  copied: '已复制',
  copyManual: '请长按选中券码复制',
  loading: '加载中…',
  validUntil: '有效期至 {time}',
  'error.refused': '暂时无法领取，请稍后再试。',
  'error.network': '网络连接失败，请检查网络后重试。',
  'error.timeout': '商家响应超时，请重试。',
  'error.server': '服务开了个小差，请重试。',
  'error.invalid': '出了点问题，请重试。',
  setupTitle: '请完成组件设置',
  setupHint: '请设置 {attrs}。',

  followHeadline: '关注我们，解锁专属福利',
  followBenefit: '关注后第一时间收到直播福利通知。',
  locked: '待解锁',
  followAction: '关注并领取',
  followPending: '正在确认关注…',
  followLinkOpened: '已在新页面完成关注？',
  followDone: '我已关注',
  unlocked: '福利已解锁',
  yourCode: '券码',
  useNow: '立即使用',
  rewardLoading: '正在为你解锁福利…',

  groupBadge: '粉丝群',
  groupHeadline: '加入粉丝群',
  groupBenefit: '入群领取专属折扣，新品抢先看。',
  scanHint: '用手机扫码入群',
  wechatHint: '长按识别二维码入群',
  phoneImageHint: '截图保存后，在微信“扫一扫”中从相册选取',
  openGroup: '一键入群',
  qrAlt: '粉丝群入群二维码',
  groupImageAlt: '粉丝群二维码',
  groupExpires: '二维码有效期至 {time}',

  countdownLabel: '距离开播时间',
  startsIn: '距离开播',
  startsAt: '开播时间：{time}（你的当地时间）',
  days: '天',
  hours: '时',
  minutes: '分',
  seconds: '秒',
  startingSoon: '即将开播',
  liveNow: '正在直播',
  watchNow: '立即观看',
  defaultEventTitle: '直播',
  addToCalendar: '添加到日历',
  calendarIcs: '苹果 / Outlook 日历 (.ics)',
  calendarGoogle: 'Google 日历',
  calendarOutlook: 'Outlook.com',
  remindMe: '开播提醒',
  contactAny: '邮箱或手机号',
  contactEmail: '邮箱',
  contactPhone: '手机号',
  consentDefault: '我同意在开播前接收提醒。',
  privacy: '隐私政策',
  subscribe: '提醒我',
  subscribing: '提交中…',
  subscribed: '预约成功！开播前会提醒你。',
  invalidEmail: '请输入有效的邮箱地址。',
  invalidPhone: '请输入有效的手机号。',
  invalidContact: '请输入邮箱或手机号。',
  consentRequired: '请先勾选同意。',

  flashOffer: '限时福利',
  endsIn: '{time} 后结束',
  remaining: '仅剩 {count} 份',
  claim: '立即领取',
  claiming: '领取中…',
  claimed: '领取成功',
  claimedHint: '已放入你的账户，下单时即可使用。',
  soldOut: '已抢光',
  soldOutHint: '下一波福利马上来，别走开！',
  expired: '活动已结束',
  expiredHint: '别走开，直播间还有更多福利。',
};
