/**
 * The words of the example data: Chinese names, the units of a municipal bureau, and phrases for
 * plans, record books, summaries, evaluations and feedback. Plain lists; the generator combines
 * them with a seeded stream so every person's year reads differently.
 */
import type { PositionCategory } from '../domain';
import type { Random } from './random';

// ---- Names ----

/** Common surnames, weighted roughly by frequency (王李张刘陈 first). */
// prettier-ignore
export const SURNAMES: readonly (readonly [string, number])[] = [
  ['王', 72], ['李', 70], ['张', 66], ['刘', 52], ['陈', 46], ['杨', 33], ['黄', 25], ['赵', 23],
  ['吴', 21], ['周', 20], ['徐', 16], ['孙', 15], ['马', 14], ['朱', 13], ['胡', 12], ['郭', 12],
  ['何', 11], ['林', 10], ['高', 10], ['罗', 10], ['郑', 9], ['梁', 9], ['谢', 8], ['宋', 7], ['唐', 7],
  ['许', 7], ['韩', 6], ['冯', 6], ['邓', 6], ['曹', 6], ['彭', 5], ['曾', 5], ['肖', 5], ['田', 5],
  ['董', 5], ['袁', 5], ['潘', 4], ['于', 4], ['蒋', 4], ['蔡', 4], ['余', 4], ['杜', 4], ['叶', 4],
  ['程', 4], ['苏', 4], ['魏', 4], ['吕', 4], ['丁', 3], ['任', 3], ['沈', 3], ['姚', 3], ['卢', 3],
  ['姜', 3], ['崔', 3], ['钟', 3], ['谭', 3], ['陆', 3], ['汪', 3], ['范', 3], ['金', 3], ['石', 3],
  ['廖', 2], ['贾', 2], ['夏', 2], ['韦', 2], ['付', 2], ['方', 2], ['白', 2], ['邹', 2], ['孟', 2],
  ['熊', 2], ['秦', 2], ['邱', 2], ['江', 2], ['尹', 2], ['薛', 2], ['闫', 2], ['段', 2], ['雷', 2],
  ['侯', 2], ['龙', 2], ['史', 2], ['黎', 1], ['贺', 1], ['顾', 1], ['毛', 1], ['郝', 1], ['龚', 1],
  ['邵', 1], ['万', 1], ['钱', 1], ['覃', 1], ['武', 1], ['戴', 1], ['欧阳', 1], ['上官', 0.3],
];

/** Characters of given names; two-character names are drawn from the pair, one-character from either. */
// prettier-ignore
const GIVEN_FIRST = [
  '建', '志', '国', '文', '明', '海', '永', '晓', '俊', '子', '思', '雨', '欣', '家', '佳', '嘉', '宇', '浩', '梓',
  '博', '天', '立', '世', '新', '德', '振', '学', '春', '秋', '丽', '静', '雪', '美', '玉', '淑', '慧', '晨', '若',
  '一', '诗', '雅', '安', '承', '泽', '景', '瑞', '锦', '润', '亚', '红',
];
// prettier-ignore
const GIVEN_SECOND = [
  '华', '明', '军', '伟', '强', '平', '刚', '杰', '涛', '斌', '辉', '超', '峰', '磊', '鹏', '宁', '勇', '林', '波',
  '成', '龙', '飞', '凯', '洋', '轩', '然', '航', '宇', '晨', '阳', '琳', '芳', '娟', '敏', '燕', '霞', '婷', '颖',
  '婧', '怡', '萍', '玲', '丹', '洁', '蕾', '琪', '悦', '涵', '瑶', '彤', '昕',
];

/** A plausible Chinese personal name: a surname and one or two given-name characters. */
export function chineseName(rng: Random): string {
  const surname = rng.weighted(SURNAMES);
  const given = rng.chance(0.22)
    ? rng.pick(rng.chance(0.5) ? GIVEN_FIRST : GIVEN_SECOND)
    : rng.pick(GIVEN_FIRST) + rng.pick(GIVEN_SECOND);
  return surname + given;
}

/** Matches names `chineseName` makes (and any name of 2–4 CJK characters). */
export const CHINESE_NAME_RE = /^[\u4e00-\u9fff]{2,4}$/;

// ---- Units ----

export type UnitTheme = {
  name: string;
  /** The field of work, as it completes "开展…监督检查" and the like. */
  field: string;
  category: PositionCategory;
};

/** 内设机构 of a municipal 市场监督管理局, in the usual order. */
export const UNIT_THEMES: readonly UnitTheme[] = [
  { name: '办公室', field: '机关综合协调', category: 'comprehensive' },
  { name: '人事科', field: '干部人事', category: 'comprehensive' },
  { name: '政策法规科', field: '法治建设', category: 'comprehensive' },
  { name: '财务装备科', field: '财务资产', category: 'comprehensive' },
  { name: '登记注册科', field: '市场主体登记', category: 'comprehensive' },
  { name: '信用监督管理科', field: '企业信用监管', category: 'comprehensive' },
  { name: '价格监督检查科', field: '价格监督', category: 'enforcement' },
  { name: '网络交易监督管理科', field: '网络交易监管', category: 'enforcement' },
  { name: '质量发展科', field: '质量提升', category: 'comprehensive' },
  { name: '产品质量安全监督管理科', field: '产品质量安全', category: 'enforcement' },
  { name: '食品生产安全监督管理科', field: '食品生产安全', category: 'enforcement' },
  { name: '食品经营安全监督管理科', field: '食品经营安全', category: 'enforcement' },
  { name: '药品化妆品监督管理科', field: '药品化妆品监管', category: 'enforcement' },
  { name: '医疗器械监督管理科', field: '医疗器械监管', category: 'enforcement' },
  { name: '特种设备安全监察科', field: '特种设备安全', category: 'professional' },
  { name: '计量科', field: '计量监督', category: 'professional' },
  { name: '标准化科', field: '标准化', category: 'professional' },
  { name: '认证认可与检验检测科', field: '检验检测机构监管', category: 'professional' },
  { name: '知识产权保护科', field: '知识产权保护', category: 'comprehensive' },
  { name: '消费者权益保护科', field: '消费维权', category: 'comprehensive' },
  { name: '执法稽查科', field: '案件查办', category: 'enforcement' },
  { name: '信息化建设科', field: '智慧监管', category: 'professional' },
  { name: '新闻宣传科', field: '宣传舆情', category: 'comprehensive' },
];

/** Places for 市场监督管理所 once the 内设机构 run out. */
// prettier-ignore
const PLACES = [
  '城关', '东城', '西城', '南湖', '北山', '新港', '开发区', '高新区', '河东', '河西', '青石', '白沙', '清水', '桃源', '柳林', '长岭',
  '石桥', '双河', '金山', '龙泉', '凤凰', '临江', '太平', '永安',
];

/** The theme of the `i`-th 科室 (0-based). */
export function unitTheme(i: number): UnitTheme {
  const theme = UNIT_THEMES[i];
  if (theme) return theme;
  const j = i - UNIT_THEMES.length;
  const place = PLACES[j % PLACES.length]!;
  const round = Math.floor(j / PLACES.length);
  return {
    name: `${place}${round > 0 ? String(round + 1) : ''}市场监督管理所`,
    field: `${place}辖区市场监管`,
    category: 'enforcement',
  };
}

// ---- Plans ----

/** 工作任务: `{f}` is the unit's field. */
export const TASKS: readonly string[] = [
  '开展{f}领域日常监督检查',
  '组织{f}专项整治行动',
  '完成{f}相关统计报表和数据分析',
  '起草{f}年度工作要点和半年、全年工作总结',
  '做好{f}政策文件的宣传解读',
  '办理{f}相关投诉举报和信访件',
  '配合开展{f}领域风险隐患排查治理',
  '组织{f}业务培训,提升科室人员业务能力',
  '完善{f}工作台账和档案管理',
  '推进{f}事项“一网通办”和流程优化',
  '开展{f}领域调查研究并形成调研报告',
  '落实{f}“双随机、一公开”抽查任务',
  '做好{f}相关行政许可和备案事项办理',
  '参与制定{f}相关规范性文件',
];
/** Everyone's plan has one or two of these as well. */
export const COMMON_TASKS: readonly string[] = [
  '参加机关党支部“三会一课”和理论学习',
  '完成领导交办的其他工作任务',
  '落实党风廉政建设“一岗双责”要求',
  '做好科室公文处理和信息报送',
];
export const TARGETS: readonly string[] = [
  '全年检查覆盖率达到100%,发现问题整改率100%',
  '按时报送,数据准确,无迟报漏报',
  '按期办结率100%,群众满意率95%以上',
  '形成高质量调研报告1篇以上',
  '按时完成,文稿经领导审定后印发',
  '全年组织培训不少于4次,参训率90%以上',
  '台账完整规范,资料归档及时',
  '办理时限压缩30%以上',
  '全年无重大责任事故,无有效投诉',
  '按上级部署完成,取得明显成效',
  '全年参加学习不少于24次,撰写心得体会4篇',
];
/** 对应岗位职责/能力席位标准 */
export const DUTIES: readonly string[] = [
  '岗位职责:负责{f}日常监管工作',
  '岗位职责:承担{f}相关文稿起草',
  '岗位职责:负责{f}数据统计与分析',
  '岗位职责:办理{f}相关投诉举报',
  '能力席位标准:熟悉{f}法律法规,能够独立开展检查',
  '能力席位标准:具备较强的文字综合能力',
  '能力席位标准:具备组织协调和沟通能力',
  '岗位职责:完成科室交办的综合性工作',
];
export const PLAN_RETURN_REASONS: readonly string[] = [
  '目标要求不够具体,请量化考核指标',
  '完成时限过于笼统,请按季度分解',
  '工作任务与岗位职责对应不够准确,请对照岗位说明书修改',
  '漏列了本年度科室重点工作,请补充',
];
export const APPROVAL_OPINIONS: readonly string[] = [
  '同意。',
  '计划符合岗位职责要求,同意。',
  '同意,请按计划抓好落实。',
  '目标明确,措施具体,同意实施。',
  '同意,注意与科室重点工作衔接。',
];

// ---- Record books ----

/** 工作进度 in a month: `{n}`, `{k}` are numbers filled in. */
export const PROGRESS: readonly string[] = [
  '本月检查{n}家单位,发现问题{k}个,已督促整改',
  '完成初稿起草,已征求相关科室意见',
  '按计划推进,完成阶段性任务',
  '办理{n}件,均在时限内办结',
  '整理归档资料{n}份,更新台账',
  '召开推进会1次,协调解决问题{k}个',
  '完成数据汇总和分析,按时报送',
  '参加培训{k}次,组织科室学习1次',
  '配合上级开展督查,提供材料{n}份',
  '走访企业{n}家,收集意见建议{k}条',
];
export const AD_HOC_WORK: readonly string[] = [
  '完成领导交办的会议材料准备',
  '参加全市安全生产大检查',
  '配合做好文明城市创建迎检工作',
  '参加单位值班值守',
  '协助办公室完成年度统计工作',
];
export const ERROR_MATTERS: readonly (readonly [string, string, string])[] = [
  ['报送统计报表时个别数据录入错误', '核对不够仔细', '已及时更正并重新报送'],
  ['公文格式不规范被退回', '对新版公文格式掌握不熟', '已按要求修改,并学习公文处理规范'],
  ['台账资料归档不及时', '工作安排不够合理', '已补齐归档,建立周清理制度'],
  ['检查记录填写不完整', '现场记录不够细致', '已补充完善,今后现场逐项核对'],
  ['投诉件回复超出承诺时限1天', '未及时跟踪办理进度', '已向投诉人说明情况并致歉,建立提醒机制'],
];

// ---- Summaries ----

export const SUMMARY_OPENINGS: readonly string[] = [
  '本季度,在科室负责同志的带领下,我认真履行岗位职责,按照年度工作计划扎实推进各项工作。',
  '本季度,我坚持以习近平新时代中国特色社会主义思想为指导,认真学习业务知识,较好完成了各项工作任务。',
  '回顾本季度工作,我能够按照年初计划,结合科室重点任务,认真做好本职工作。',
];
export const SUMMARY_SHORTCOMINGS: readonly string[] = [
  '存在的不足:一是理论学习的深度还不够;二是工作中主动思考、创新方法还不够。',
  '存在的不足:业务知识更新不够及时,个别工作推进节奏偏慢。',
  '存在的不足:统筹协调能力有待提高,工作总结提炼不够。',
];
export const SUMMARY_PLANS: readonly string[] = [
  '下季度,我将进一步加强学习,查缺补漏,确保全年任务按期完成。',
  '下一步,我将对照年度计划,倒排工期,抓好重点任务落实。',
  '下季度将重点推进未完成事项,同时做好迎接年度检查的准备。',
];

// ---- Evaluations and feedback ----

export const PEER_SCOPES: readonly string[] = [
  '本科室同事',
  '本科室及相关科室同事',
  '科室全体人员',
  '分管领域干部职工',
];
export const PEER_GISTS: Readonly<Record<string, readonly string[]>> = {
  good: ['工作积极主动,业务熟练,同事评价高', '责任心强,敢于担当,乐于帮助同事'],
  fairlyGood: ['工作认真负责,能够按时完成任务', '团结同事,工作踏实'],
  average: ['能完成基本工作,主动性有待提高', '工作效率一般,个别事项拖沓'],
  poor: ['工作积极性不高,多次未按时完成任务', '纪律观念淡薄,同事反映较多'],
};
export const PUBLIC_FEEDBACK: readonly (readonly [string, string])[] = [
  ['服务对象回访', '办事群众对服务态度表示满意'],
  ['企业座谈会', '企业反映检查规范,指导到位'],
  ['12345热线回访', '投诉人对处理结果表示满意'],
  ['政务服务评价系统', '“好差评”全部为好评'],
];
export const EVALUATION_OPINIONS: Readonly<Record<string, readonly string[]>> = {
  good: [
    '该同志本季度工作成效突出,圆满完成各项任务,群众评价好。',
    '政治站位高,业务能力强,在重点工作中发挥了骨干作用。',
  ],
  fairlyGood: [
    '该同志本季度能够认真履职,较好完成了计划任务。',
    '工作态度端正,按期完成各项任务,希望进一步提高工作质量。',
  ],
  average: [
    '该同志本季度基本完成工作任务,但工作主动性不足,部分事项未按期完成。',
    '能完成日常工作,工作质量和效率有待提高。',
  ],
  poor: ['该同志本季度多项工作未按计划完成,工作纪律有待加强,需限期改进。'],
};
export const CORRECTION_REASONS: readonly string[] = [
  '漏计了本人参加专项行动的工作量,经复核予以更正',
  '部分指标评分录入有误,经核对更正',
  '经听取群众意见复核,对评鉴结果作相应调整',
];
export const BONUS_REASONS: Readonly<Record<string, readonly string[]>> = {
  commendation: ['获市级先进个人表彰', '所办案件被评为全市优秀案卷'],
  urgentTask: ['在防汛抢险中连续值守,表现突出', '承担专项整治攻坚任务,成效明显'],
  adoptedProposal: ['提出的优化办事流程建议被局党组采纳'],
};
export const FEEDBACK_PLACES: readonly string[] = [
  '局三楼会议室',
  '科长办公室',
  '分管局长办公室',
  '局二楼小会议室',
];
export const FEEDBACK_CONTENT: Readonly<Record<string, readonly string[]>> = {
  good: ['肯定了本季度取得的成绩,希望继续保持,发挥示范带头作用。'],
  fairlyGood: ['肯定了本季度工作,指出了在工作质量方面的提升空间。'],
  average: ['指出了本季度工作中存在的主要问题,明确了改进要求和时限。'],
  poor: ['进行了提醒谈话,逐项分析了未完成任务的原因,提出了限期整改要求。'],
};
export const IMPROVEMENTS: readonly string[] = [
  '加强业务学习,提高工作的主动性和预见性',
  '注重工作总结,提炼经验做法',
  '严格按照时限要求推进各项工作',
  '加强与相关科室的沟通协调',
];
export const ACK_TEXTS: readonly string[] = [
  '已知悉,感谢领导肯定和指导,我将继续努力。',
  '接受领导意见,下季度认真改进。',
  '同意评鉴意见,将按要求抓好整改。',
  '已阅,将在今后工作中加以改进。',
];
export const RECORD_RETURN_REASONS: readonly string[] = [
  '工作进度填写过于简单,请补充具体完成情况',
  '出勤情况与考勤记录不一致,请核对后重新提交',
  '未对应年度计划事项,请补充',
];
export const REGISTER_OPINIONS: readonly string[] = [
  '经审核,本季度评鉴程序规范,结果客观公正,同意备案。',
  '已按规定开展评鉴和结果反馈,同意报送备案。',
];

/** Fills `{f}`, `{n}` and `{k}` in a phrase. */
export function fill(phrase: string, values: { f?: string; n?: number; k?: number }): string {
  return phrase
    .replaceAll('{f}', values.f ?? '')
    .replaceAll('{n}', String(values.n ?? 0))
    .replaceAll('{k}', String(values.k ?? 0));
}
