/**
 * 用户隐私保护指引: what 邻里帮 collects, why, who sees it, how long it is kept, and the person's
 * rights. One source for the privacy page in the app and docs/privacy.md (generated, kept fresh by a
 * test). The same items must be declared in 小程序后台 → 设置 → 服务内容声明 → 用户隐私保护指引.
 */
export interface PrivacyItem {
  /** What is collected, as the WeChat privacy guide names it. */
  what: string
  /** Why, in the words a resident understands. */
  why: string
  /** Who can see it. */
  who: string
}

export const PRIVACY_UPDATED = '2026-12-05'

export const PRIVACY_ITEMS: readonly PrivacyItem[] = [
  { what: '姓名', why: '让网格员、志愿者知道帮的是谁，活动签到时认人', who: '您本人；您所在网格的网格员、楼栋长；接了您单子的志愿者；社区管理员' },
  { what: '手机号', why: '志愿者接单后、网格员处理时联系您', who: '您本人看到完整号码；接单的志愿者、网格员、楼栋长、管理员看到完整号码；其他人看到的中间四位是 *' },
  { what: '住址（楼栋、单元）', why: '上门服务、按网格分派', who: '同上' },
  { what: '照片', why: '您点单或志愿者完工时拍的现场照片，让网格员和志愿者看清情况', who: '这张单子的居民、志愿者、网格员和管理员' },
  { what: '摄像头（扫码）', why: '工作人员在活动现场扫居民的签到码、兑换码', who: '只在扫码那一刻使用，不保存画面' },
  { what: '相册（保存图片）', why: '工作人员把活动海报码保存到手机相册，打印后贴到公告栏', who: '只保存这一张图，不读取您的相册' },
  { what: '志愿者申请（技能、方便的时间、自我介绍）', why: '网格员审核、按技能派单', who: '网格员、管理员' },
  { what: '调解案子（经过、双方的称呼和电话、协议和签字协议书的照片）', why: '社区调解矛盾纠纷、回访、提醒申请司法确认', who: '只有这件案子的当事人（看不到对方电话）、代为申请的楼栋长或网格员、调解员、本网格的网格员和社区管理员；从不公开列出，统计里只有件数' },
  { what: '微心愿受助孩子的姓名、电话、住址和监护人', why: '工作人员（常由学校或楼栋长转来）登记心愿，礼物在社区服务站交接，实现后向监护人确认；捐赠人只看到化名、年龄段和年级', who: '这个心愿所在网格的网格员和社区管理员；捐赠人和其他居民都看不到' },
  { what: '微心愿的照片', why: '让捐赠人看到礼物送到了；照片只拍礼物，孩子入镜要先有监护人同意（记下由谁记录、什么时候）', who: '认领这个心愿的捐赠人、网格员和管理员' },
  { what: '您的需求、活动报名和签到、积分记录', why: '办理您点的服务、活动名额和签到、爱心银行的积分和兑换', who: '您本人；办理这件事的网格员、志愿者、管理员' },
]

export const PRIVACY_RIGHTS: readonly string[] = [
  '这些信息只用于社区互助服务，不卖给任何人，不用于广告。',
  '在「我的 → 我的数据」可以看到我们保存的您的全部资料，也可以注销账户：注销后资料删除，单子和活动记录里的姓名、电话改为「已注销用户」，积分清零。',
  '需求、照片等内容在办完后保留，用于社区统计和回访；注销后不再和您的姓名、电话相连。',
  '有疑问请联系您所在社区的网格员或社区居委会。',
]
