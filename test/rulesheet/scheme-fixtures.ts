import { type Scheme, SchemeSchema } from '../../src/core/scheme/schema';

/** 党员中心户季度测评 (seed 003): one ledger row per household a quarter, points per count, capped; the bottom 20% flagged with an action. */
export const HOUSEHOLD: Scheme = SchemeSchema.parse({
  id: 'household',
  version: 1,
  title: '党员中心户季度测评',
  titleEn: 'Party-member households, quarterly',
  subject: '党员中心户',
  subjectEn: 'party-member household',
  periodKind: 'quarter',
  params: [{ name: '优秀分数线', value: 90, note: '县里每年公布' }],
  ledgers: [
    {
      id: 'household',
      title: '党员中心户测评台账',
      columns: [
        { fact: 'name', label: '姓名', type: 'name', role: 'subject', aliases: ['中心户姓名'] },
        { fact: 'village', label: '所在嘎查（支部）', type: 'text', role: 'branch', aliases: ['所在村', '所在嘎查（社区）'] },
        { fact: 'quarter', label: '季度', type: 'period', role: 'period' },
        { fact: 'rating', label: '民主测评得分', type: 'number', range: { min: 0, max: 100 } },
        { fact: 'publicity', label: '政策宣传', type: 'number', aliases: ['政策宣传次数'] },
        { fact: 'service', label: '帮代办服务', type: 'number', aliases: ['帮办代办件数'] },
        { fact: 'opinions', label: '征求意见', type: 'number' },
        { fact: 'disputes', label: '调解纠纷', type: 'number', labelEn: 'Disputes settled' },
      ],
      ignoredColumns: ['序号', '备注'],
    },
  ],
  indicators: [
    { id: 'ratingPart', label: '民主测评', max: 60, hitPolicy: 'sum' },
    { id: 'publicityPart', label: '政策宣传', max: 10, hitPolicy: 'sum' },
    { id: 'servicePart', label: '帮代办服务', max: 10, hitPolicy: 'sum' },
    { id: 'opinionsPart', label: '征求意见', max: 10, hitPolicy: 'sum', onMissing: 'warn' },
    { id: 'disputesPart', label: '调解纠纷', max: 10, hitPolicy: 'sum' },
  ],
  rules: [
    { id: 'rating', indicator: 'ratingPart', points: { per: 'rating', each: 0.6, max: 60 } },
    { id: 'publicity', indicator: 'publicityPart', points: { per: 'publicity', each: 2, max: 10 } },
    { id: 'service', indicator: 'servicePart', points: { per: 'service', each: 2, max: 10 } },
    { id: 'opinions', indicator: 'opinionsPart', points: { per: 'opinions', each: 1, max: 10 } },
    { id: 'disputes', indicator: 'disputesPart', points: { per: 'disputes', each: 5, max: 10 } },
    { id: 'rating-low', indicator: 'ratingPart', when: [{ fact: 'rating', op: '<', value: 60 }], points: 0, flag: '民主测评低于60分（{rating}分）' },
  ],
  grades: [
    { min: 90, grade: '优秀', stars: 4 },
    { min: 75, grade: '良好', stars: 3 },
    { min: 60, grade: '合格', stars: 2 },
    { min: 0, grade: '不合格', stars: 0 },
  ],
  ranking: { bottomShare: 0.2, flag: '后20%', action: '补位调整或取消中心户资格', actionEn: 'replace or revoke the household' },
});

const aspect = (fact: string, label: string, max: number) => ({ fact, label, type: 'number' as const, range: { min: 0, max, cap: true } });

/** 村干部年度目标考评 (seed 004): six capped aspect scores, a veto, 优秀 at most 20%, pay coefficient by grade and pay as a product. */
export const VILLAGE_CADRE: Scheme = SchemeSchema.parse({
  id: 'village-cadre',
  version: 1,
  title: '村干部年度目标考评',
  subject: '村干部',
  periodKind: 'year',
  ledgers: [
    {
      id: 'targets',
      title: '村干部年度目标考评表',
      columns: [
        { fact: 'name', label: '姓名', type: 'name', role: 'subject' },
        { fact: 'village', label: '所在村', type: 'text', role: 'branch', aliases: ['嘎查村'] },
        { fact: 'post', label: '职务', type: 'text' },
        aspect('party', '党建工作', 25),
        aspect('economy', '经济发展', 20),
        aspect('livelihood', '民生实事', 15),
        aspect('safety', '平安稳定', 15),
        aspect('ecology', '生态环境', 10),
        aspect('satisfaction', '群众满意度', 15),
        { fact: 'vetoItem', label: '一票否决事项', type: 'text' },
        { fact: 'basePay', label: '基本绩效报酬', type: 'number', range: { min: 0 } },
      ],
      ignoredColumns: ['序号'],
    },
  ],
  facts: [{ fact: 'veto', label: '否决事项', source: 'value', ledger: 'targets', column: 'vetoItem' }],
  indicators: [
    { id: 'partyPart', label: '党建', max: 25, hitPolicy: 'sum' },
    { id: 'economyPart', label: '经济', max: 20, hitPolicy: 'sum' },
    { id: 'livelihoodPart', label: '民生', max: 15, hitPolicy: 'sum' },
    { id: 'safetyPart', label: '平安', max: 15, hitPolicy: 'sum' },
    { id: 'ecologyPart', label: '生态', max: 10, hitPolicy: 'sum' },
    { id: 'satisfactionPart', label: '满意度', max: 15, hitPolicy: 'sum' },
  ],
  rules: [
    { id: 'party', indicator: 'partyPart', points: { per: 'party', each: 1, max: 25 } },
    { id: 'economy', indicator: 'economyPart', points: { per: 'economy', each: 1, max: 20 } },
    { id: 'livelihood', indicator: 'livelihoodPart', points: { per: 'livelihood', each: 1, max: 15 } },
    { id: 'safety', indicator: 'safetyPart', points: { per: 'safety', each: 1, max: 15 } },
    { id: 'ecology', indicator: 'ecologyPart', points: { per: 'ecology', each: 1, max: 10 } },
    { id: 'satisfaction', indicator: 'satisfactionPart', points: { per: 'satisfaction', each: 1, max: 15 } },
  ],
  grades: [
    { min: 90, grade: '优秀', stars: 0 },
    { min: 75, grade: '称职', stars: 0 },
    { min: 60, grade: '基本称职', stars: 0 },
    { min: 0, grade: '不称职', stars: 0 },
  ],
  vetoes: [{ id: 'veto', fact: 'veto', flag: '一票否决', flagEn: 'vetoed' }],
  quota: { grade: '优秀', maxShare: 0.2 },
  outputs: [
    { id: 'coefficient', label: '绩效报酬系数', byGrade: { 优秀: 1.2, 称职: 1, 基本称职: 0.8, 不称职: 0.5 } },
    { id: 'pay', label: '绩效报酬', labelEn: 'Performance pay', product: ['basePay', 'coefficient'] },
  ],
});

/** A branch year from two ledgers, using every other way a fact is gathered. */
export const BRANCH_YEAR: Scheme = SchemeSchema.parse({
  id: 'branch-year',
  version: 1,
  title: '党支部年度考评',
  subject: '党支部',
  periodKind: 'year',
  params: [{ name: '出席率要求', value: '80%' }],
  ledgers: [
    {
      id: 'meetings',
      title: '三会一课记录',
      columns: [
        { fact: 'branch', label: '支部名称', type: 'text', role: 'subject' },
        { fact: 'date', label: '会议日期', type: 'date', role: 'period' },
        { fact: 'kind', label: '会议类型', type: 'text' },
        { fact: 'expected', label: '应到人数', type: 'number' },
        { fact: 'present', label: '实到人数', type: 'number', atMost: 'expected' },
      ],
    },
    {
      id: 'basics',
      title: '支部基本情况',
      titleEn: 'Branch basics',
      columns: [
        { fact: 'branchName', label: '党支部', type: 'text', role: 'subject' },
        { fact: 'secretary', label: '书记姓名', type: 'text' },
        { fact: 'vacantSince', label: '空缺日期', type: 'date' },
        { fact: 'satisfied', label: '满意人数', type: 'number' },
        { fact: 'surveyed', label: '测评人数', type: 'number' },
        { fact: 'satisfaction', label: '群众满意率', type: 'percent' },
      ],
    },
  ],
  facts: [
    { fact: 'lifeMeetings', label: '组织生活会次数', source: 'rows', ledger: 'meetings', op: 'count', where: { column: 'kind', values: ['组织生活会'] } },
    { fact: 'reviews', label: '民主评议次数', source: 'rows', ledger: 'meetings', op: 'count', where: { column: 'kind', values: ['民主评议党员', '民主评议'] }, years: 2 },
    { fact: 'presentTotal', label: '实到合计', source: 'rows', ledger: 'meetings', op: 'sum', column: 'present' },
    { fact: 'monthsWithout', label: '缺支委会月数', source: 'unitsWithout', ledger: 'meetings', per: 'month', where: { column: 'kind', values: ['支委会'] } },
    { fact: 'quartersWithout', label: '缺党课季度数', source: 'unitsWithout', ledger: 'meetings', per: 'quarter', min: 2, where: { column: 'kind', values: ['党课'] } },
    { fact: 'attendance', label: '出席率', source: 'attendance', ledger: 'meetings', present: 'present', expected: 'expected' },
    { fact: 'vacantMonths', label: '书记空缺月数', source: 'monthsSince', ledger: 'basics', column: 'vacantSince', where: { column: 'secretary', values: ['', '空缺'] } },
    { fact: 'countedRate', label: '测评满意率', source: 'ratio', numerator: 'satisfied', denominator: 'surveyed' },
    { fact: 'satisfactionRate', label: '满意率', source: 'either', facts: ['satisfaction', 'countedRate'] },
    { fact: 'cadreMean', label: '驻村干部平均分', source: 'results', scheme: 'stationed-cadre', op: 'meanScore' },
    { fact: 'cadresFailed', label: '不合格干部数', source: 'results', scheme: 'stationed-cadre', op: 'subjectsGraded', grades: ['不合格'] },
  ],
  indicators: [
    { id: 'meetingsPart', label: '组织生活', max: 60, hitPolicy: 'first' },
    { id: 'peoplePart', label: '群众满意', max: 40, hitPolicy: 'first' },
  ],
  rules: [
    { id: 'meetings-ok', indicator: 'meetingsPart', when: [{ fact: 'attendance', op: '>=', value: 0.8, param: '出席率要求' }], points: 60 },
    { id: 'meetings-low', indicator: 'meetingsPart', when: [{ fact: 'attendance', op: '<', value: 0.8, param: '出席率要求' }], points: 30, flag: '出席率低于{出席率要求}' },
    { id: 'people-ok', indicator: 'peoplePart', when: [{ fact: 'satisfactionRate', op: '>=', value: 0.6 }], points: 40 },
    { id: 'people-low', indicator: 'peoplePart', when: [{ fact: 'satisfactionRate', op: '<', value: 0.6 }], points: 0, flag: '群众满意率低于60%' },
  ],
  grades: [
    { min: 80, grade: '好', stars: 5 },
    { min: 60, grade: '中', stars: 3 },
    { min: 0, grade: '差', stars: 1 },
  ],
});
