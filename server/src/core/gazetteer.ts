// Names the stock segmenter tags unreliably: China's provinces and large cities, countries
// and regions, and the suffixes that end organisation names. Data only.

export const PLACES = (
  // Provinces, municipalities, autonomous regions, SARs (full and short forms).
  '北京 天津 上海 重庆 河北 山西 辽宁 吉林 黑龙江 江苏 浙江 安徽 福建 江西 山东 河南 湖北 湖南 广东 海南 四川 贵州 云南 陕西 甘肃 青海 台湾 ' +
  '内蒙古 广西 西藏 宁夏 新疆 香港 澳门 ' +
  // Large and provincial-capital cities and well-known districts.
  '石家庄 太原 沈阳 长春 哈尔滨 南京 杭州 合肥 福州 南昌 济南 郑州 武汉 长沙 广州 海口 成都 贵阳 昆明 西安 兰州 西宁 呼和浩特 南宁 拉萨 银川 乌鲁木齐 ' +
  '深圳 厦门 宁波 青岛 大连 苏州 无锡 常州 南通 温州 绍兴 嘉兴 金华 义乌 台州 湖州 佛山 东莞 珠海 中山 惠州 汕头 泉州 漳州 莆田 烟台 潍坊 临沂 ' +
  '徐州 扬州 镇江 盐城 泰州 芜湖 洛阳 宜昌 襄阳 株洲 岳阳 赣州 桂林 柳州 三亚 绵阳 遵义 大理 丽江 保定 唐山 廊坊 邯郸 秦皇岛 鄂尔多斯 包头 ' +
  '萧山 余杭 滨江 浦东 雄安 ' +
  // Countries and regions.
  '中国 美国 日本 韩国 朝鲜 英国 法国 德国 意大利 西班牙 葡萄牙 荷兰 比利时 瑞士 瑞典 挪威 芬兰 丹麦 波兰 俄罗斯 乌克兰 土耳其 希腊 奥地利 爱尔兰 ' +
  '加拿大 墨西哥 巴西 阿根廷 智利 秘鲁 哥伦比亚 澳大利亚 新西兰 印度 巴基斯坦 孟加拉国 越南 泰国 马来西亚 新加坡 印度尼西亚 印尼 菲律宾 缅甸 柬埔寨 老挝 ' +
  '沙特阿拉伯 沙特 阿联酋 卡塔尔 以色列 伊朗 伊拉克 埃及 南非 尼日利亚 肯尼亚 埃塞俄比亚 哈萨克斯坦 蒙古 ' +
  '欧洲 亚洲 非洲 北美 南美 拉美 东南亚 中东 欧盟 长三角 珠三角 粤港澳大湾区 京津冀 大湾区'
).split(' ');

/** Well-known Chinese companies and platforms that reports name without a suffix. */
export const KNOWN_ORGS = (
  '阿里巴巴 阿里 淘宝 天猫 京东 拼多多 抖音 快手 腾讯 微信 百度 华为 小米 字节跳动 美团 网易 新浪 微博 小红书 苏宁 唯品会 ' +
  '比亚迪 宁德时代 中国移动 中国联通 中国电信 国家电网 中石油 中石化 工商银行 建设银行 农业银行 中国银行 招商银行 ' +
  '国家统计局 国家知识产权局 国家版权局 市场监管总局 国家市场监督管理总局 海关总署 最高人民法院 最高人民检察院 国务院 商务部 公安部 工信部 工业和信息化部 发改委 国家发展改革委 央行 中国人民银行 证监会 银保监会 ' +
  '世界贸易组织 世界知识产权组织 联合国 国际货币基金组织 世界银行 FIFA'
).split(' ');

/** Suffixes that end organisation names, longest first. */
export const ORG_SUFFIXES = (
  '股份有限公司 有限责任公司 有限公司 集团公司 集团 公司 协会 学会 联合会 商会 研究院 研究所 研究中心 科学院 大学 学院 ' +
  '银行 医院 法院 检察院 公安局 公安厅 管理局 监督管理局 委员会 办公室 支队 大队 联盟 基金会 交易所 出版社 印书馆 电视台 日报 报社 事务所 ' +
  '中心 分局 总局 工作室 俱乐部 合作社 工厂 实验室'
)
  .split(' ')
  .sort((a, b) => b.length - a.length);

/** Titles before a person's name (负责人徐骏表示). */
export const PERSON_TITLES = (
  '负责人 总经理 副总经理 经理 副经理 董事长 副董事长 总裁 副总裁 首席执行官 首席技术官 CEO CTO COO 创始人 联合创始人 合伙人 ' +
  '主任 副主任 局长 副局长 处长 部长 副部长 院长 副院长 校长 书记 主席 副主席 秘书长 会长 副会长 理事长 总监 主管 ' +
  '分析师 研究员 教授 副教授 专家 记者 律师 法官 检察官 警官 发言人 代表 委员 市长 省长 县长 区长'
)
  .split(' ')
  .sort((a, b) => b.length - a.length);

/** Common surnames, to tell a name (徐骏) from an ordinary word after a title. */
export const SURNAMES = new Set(
  ('王 李 张 刘 陈 杨 黄 赵 吴 周 徐 孙 马 朱 胡 郭 何 高 林 罗 郑 梁 谢 宋 唐 许 韩 冯 邓 曹 彭 曾 肖 田 董 袁 潘 于 蒋 蔡 余 杜 叶 程 苏 魏 吕 丁 任 沈 ' +
    '姚 卢 姜 崔 钟 谭 陆 汪 范 金 石 廖 贾 夏 韦 付 方 白 邹 孟 熊 秦 邱 江 尹 薛 闫 段 雷 侯 龙 史 陶 黎 贺 顾 毛 郝 龚 邵 万 钱 严 覃 武 戴 莫 孔 向 汤 ' +
    '常 温 康 施 文 牛 樊 葛 邢 安 齐 易 乔 伍 庞 颜 倪 庄 聂 章 鲁 岳 翟 殷 詹 申 欧 耿 关 兰 焦 俞 左 柳 甘 祝 包 宁 尚 符 舒 阮 柯 纪 梅 童 凌 毕 单 季 裴 ' +
    '霍 涂 成 苗 谷 盛 曲 翁 冉 骆 蓝 路 游 辛 靳 管 柴 蒙 鲍 华 喻 祁 蒲 房 滕 屈 饶 解 牟 艾 尤 阳 时 穆 农 司 卓 古 吉 缪 简 车 项 连 芦 麦 褚 娄 窦 戚 岑 ' +
    '景 党 宫 费 卜 冷 晏 席 卫 米 柏 宗 瞿 桂 全 佟 应 臧 闵 苟 邬 边 卞 姬 师 和 仇 栾 隋 商 刁 沙 荣 巫 寇 桑 郎 甄 丛 仲 虞 敖 巩 明 佘 池 查 麻 苑 迟 邝 ' +
    '欧阳 司马 上官 诸葛 东方 皇甫 令狐 慕容 尉迟 长孙').split(' '),
);

/**
 * Terms of report prose the stock dictionary cuts apart (可/支配收入): taught to the segmenter
 * so that subjects come out whole.
 */
export const REPORT_TERMS = (
  '可支配收入 人均可支配收入 社会消费品零售总额 国内生产总值 规模以上工业增加值 工业增加值 居民消费价格 城镇调查失业率 城镇登记失业率 ' +
  '进出口总额 货物贸易 服务贸易 固定资产投资 研发投入 研发费用 净利润 归母净利润 营业收入 营业利润 毛利率 净利率 经营性现金流 ' +
  '发明专利 实用新型 外观设计 商标注册 注册商标 著作权登记 涉案金额 涉案价值 犯罪嫌疑人 侵权链接 侵权商品 假货链接 入驻申请 ' +
  '市场主体 个体工商户 新设经营主体 活跃用户 月活跃用户 日活跃用户 付费用户 注册用户 成交额 交易额 订单量 客单价 复购率 ' +
  '投诉解决率 结案率 处置率 拦截率 准确率 覆盖率 普及率 渗透率 增长率 增速 同比增速'
).split(' ');
