/**
 * Every sentence a user reads, Simplified Chinese first and English second.
 * Hosts and the sidebar take their text from here too, so nothing user-facing
 * is written anywhere else.
 */
export const MESSAGES = {
  // Reading ledgers
  cellInvalid: { zh: '“{text}” 不是有效的{label}', en: '"{text}" is not a valid {labelEn}' },
  cellInvalidDate: { zh: '“{text}” 不是可识别的日期', en: '"{text}" is not a date we can read' },
  dittoWithoutAbove: { zh: '“同上”上方没有可沿用的值', en: 'a ditto mark with nothing above it to repeat' },
  rowWithoutName: { zh: '这一行有数据但没有{label}，已跳过', en: 'this row has data but no {labelEn}; skipped' },
  columnMissing: { zh: '没有找到“{label}”列，相关指标不计分', en: 'no "{labelEn}" column found; the indicators that use it score nothing' },
  columnUnmapped: { zh: '无法识别的列“{header}”，可在侧边栏中手动对应', en: 'column "{header}" was not recognised; map it by hand in the sidebar' },
  duplicateColumn: { zh: '“{label}”对应了多列，使用第一列 {cell}', en: '"{labelEn}" matches several columns; using the first, {cell}' },
  periodUnknown: { zh: '无法确定这一行的考评月份（请在表名、标题或“月份”列写明）', en: 'cannot tell which month this row is for (name it in the sheet name, title or a month column)' },
  noLedger: { zh: '工作簿中没有找到{title}台账（需要包含“姓名”等列的表头）', en: 'no {titleEn} ledger found in the workbook (a header row with a name column is needed)' },
  noRecordsInPeriod: { zh: '{period}没有可考评的记录', en: 'no records to assess for {periodEn}' },
  duplicateRecord: { zh: '{name} 在 {period} 已有一条记录（{other}），两条都会考评', en: '{name} already has a record for {periodEn} ({other}); both are assessed' },
  // Assessment
  inputMissing: { zh: '{indicator}：缺少{inputs}，不计分', en: '{indicatorEn}: {inputsEn} missing, no points' },
  inputUnreadable: { zh: '{indicator}：{inputs}填写无法识别，不计分', en: '{indicatorEn}: {inputsEn} could not be read, no points' },
  ratioZero: { zh: '{denominator}为0，无法计算{label}', en: '{denominatorEn} is 0, so {labelEn} cannot be computed' },
  // Rule packs
  packInvalid: { zh: '规则包“{pack}”无效：{detail}', en: 'rule pack "{pack}" is invalid: {detail}' },
  packUnknownFact: { zh: '规则 {rule} 使用了不存在的数据项“{fact}”', en: 'rule {rule} uses an unknown fact "{fact}"' },
  packUnknownIndicator: { zh: '规则 {rule} 属于不存在的指标“{indicator}”', en: 'rule {rule} belongs to an unknown indicator "{indicator}"' },
  packValueType: { zh: '规则 {rule}：“{fact}”是{type}，条件值 {value} 的类型不符', en: 'rule {rule}: "{fact}" is {type}; the condition value {value} does not fit' },
  packDuplicateId: { zh: '编号“{id}”重复', en: 'duplicate id "{id}"' },
  packGradesOrder: { zh: '等次分数线必须从高到低排列', en: 'grade bands must go from the highest minimum to the lowest' },
  packNoSubject: { zh: '规则包必须有一列 role 为 subject（姓名）', en: 'a pack needs one column with role "subject" (the name)' },
  // Results and summary
  resultSheetTitle: { zh: '考评结果', en: 'Assessment results' },
  colName: { zh: '姓名', en: 'Name' },
  colBranch: { zh: '所驻村（支部）', en: 'Village (branch)' },
  colPeriod: { zh: '考评期', en: 'Period' },
  colTotal: { zh: '总分', en: 'Total' },
  colGrade: { zh: '等次', en: 'Grade' },
  colStars: { zh: '星级', en: 'Stars' },
  colRank: { zh: '排名', en: 'Rank' },
  colFlags: { zh: '提示与扣分原因', en: 'Flags' },
  colBasis: { zh: '计分依据', en: 'Rules applied' },
  colSource: { zh: '来源', en: 'Source' },
  resultNote: { zh: '由“台账考评”于 {time} 生成，规则包：{pack}。本表每次考评整体重写，请勿在此表录入数据。', en: 'Written by Ledger Rules at {time} with rule pack {pack}. Rewritten on every run; do not type data here.' },
  // CLI
  cliUsage: {
    zh: '用法：ledger-rules assess <工作簿.xlsx|.csv> [--period 2024-05] [--rules 规则包.json] [--out 结果.xlsx] [--json]',
    en: 'usage: ledger-rules assess <workbook.xlsx|.csv> [--period 2024-05] [--rules pack.json] [--out results.xlsx] [--json]',
  },
  cliUnreadable: { zh: '无法读取文件 {file}：{detail}', en: 'cannot read {file}: {detail}' },
  cliBadPeriod: { zh: '“{period}”不是有效的考评期（例如 2024-05、2024-Q2 或 2024）', en: '"{period}" is not a valid period (for example 2024-05, 2024-Q2 or 2024)' },
  cliWrote: { zh: '已写入 {file}', en: 'wrote {file}' },
  cliWarnings: { zh: '{count} 条提醒：', en: '{count} warnings:' },
  // Sidebar
  uiTitle: { zh: '台账考评', en: 'Ledger Rules' },
  uiLoading: { zh: '正在读取工作簿…', en: 'Reading the workbook…' },
  uiLedgers: { zh: '找到的台账', en: 'Ledgers found' },
  uiLedgerLine: { zh: '{records} 条记录 · 表头第 {header} 行', en: '{records} records · header row {header}' },
  uiNoLedger: { zh: '没有找到驻村干部台账。请确认台账有“姓名”“下基层天数”等表头，或在下方手动对应列。', en: 'No stationed-cadre ledger found. Check that a sheet has headers such as 姓名 and 下基层天数, or map columns by hand below.' },
  uiOtherSheets: { zh: '其他工作表（不是台账，不读取）：{sheets}', en: 'Other sheets (not ledgers, left alone): {sheets}' },
  uiMapping: { zh: '列对应', en: 'Column mapping' },
  uiMissingColumn: { zh: '缺少“{label}”列', en: 'no "{label}" column' },
  uiUnmapped: { zh: '未识别的列“{header}”', en: 'unrecognised column "{header}"' },
  uiMapTo: { zh: '对应为…', en: 'Map to…' },
  uiMapIgnore: { zh: '忽略此列', en: 'Ignore this column' },
  uiMappingSaved: { zh: '列对应已保存', en: 'Column mapping saved' },
  uiPeriod: { zh: '考评期', en: 'Period' },
  uiAllPeriods: { zh: '全部月份', en: 'All months' },
  uiRun: { zh: '考评', en: 'Assess' },
  uiRunning: { zh: '正在考评… {done}/{total}', en: 'Assessing… {done}/{total}' },
  uiWriting: { zh: '正在写入“考评结果”…', en: 'Writing the results sheet…' },
  uiWritten: { zh: '已写入“{sheets}”（{rows} 行），{time}', en: 'Wrote "{sheets}" ({rows} rows) at {time}' },
  uiOverview: { zh: '考评概况', en: 'Overview' },
  uiGradeCount: { zh: '{grade} {count} 名', en: '{grade}: {count}' },
  uiFlagged: { zh: '需关注的干部（{count}）', en: 'Cadres flagged ({count})' },
  uiNoFlagged: { zh: '没有需关注的干部。', en: 'No cadre is flagged.' },
  uiScoreLine: { zh: '{score} 分 · {grade} · 第 {rank}/{of} 名', en: '{score} points · {grade} · rank {rank}/{of}' },
  uiSummary: { zh: '考评小结', en: 'Summary' },
  uiWarnings: { zh: '数据提醒（{count}）', en: 'Data warnings ({count})' },
  uiGoToCell: { zh: '转到单元格', en: 'Go to cell' },
  uiError: { zh: '出错了：{detail}', en: 'Something went wrong: {detail}' },
  uiLanguage: { zh: 'English', en: '中文' },
  uiCopySummary: { zh: '复制小结', en: 'Copy summary' },
  uiCopied: { zh: '已复制', en: 'Copied' },
  // Branch assessment (党支部考核)
  subjectUnknown: { zh: '没有“{label}”列，标题和表名中也没有写明{label}，本表未读取', en: 'no "{labelEn}" column, and neither the title nor the sheet name gives one; sheet not read' },
  branchPackColumn: { zh: '{ledger}缺少必需的列“{fact}”', en: 'the {ledgerEn} needs a column with fact "{fact}"' },
  branchPackMeeting: { zh: '数据项 {fact} 引用了不存在的会议类型“{meeting}”', en: 'fact {fact} names an unknown meeting type "{meeting}"' },
  branchPackWorkColumn: { zh: '数据项 {fact} 引用了支部工作台账中没有的数量列“{column}”', en: 'fact {fact} names "{column}", which is not a count column of the work ledger' },
  meetingTypeUnknown: { zh: '“{text}”不是规则包中的会议类型，这一行未计入', en: '"{text}" is not a meeting type of the pack; row not counted' },
  meetingTypeMissing: { zh: '没有填写会议类型，这一行未计入', en: 'no meeting type; row not counted' },
  meetingNoDate: { zh: '没有填写会议日期，这一行未计入', en: 'no meeting date; row not counted' },
  meetingDuplicate: { zh: '与 {other} 重复（同一支部、会议类型、日期），只计一次', en: 'duplicates {other} (same branch, meeting type and date); counted once' },
  meetingOverAttended: { zh: '实到人数 {present} 多于应到人数 {expected}，请核实', en: '{present} present is more than the {expected} expected; please check' },
  rateMismatch: {
    zh: '填报的{label} {stated} 与台账数量不符：{numeratorLabel}{numerator}÷{denominatorLabel}{denominator}（{cells}）= {computed}，相差{diff}个百分点，按数量计算',
    en: 'the stated {labelEn} {stated} does not match the counts: {numerator} ÷ {denominator} ({cells}) = {computed}, {diff} points apart; the counts are used',
  },
  countExceeds: { zh: '{numeratorLabel}{numerator}大于{denominatorLabel}{denominator}，请核实', en: '{numeratorLabelEn} {numerator} is more than {denominatorLabelEn} {denominator}; please check' },
  nameUnmatched: {
    zh: '“{name}”对应不上{roster}中的任何支部，未计入（可在“支部名称对照”表中填写“台账中的写法”和“对应支部”两列）',
    en: '"{name}" matches no branch of the {rosterEn}; not counted (add it to a 支部名称对照 sheet: columns 台账中的写法 and 对应支部)',
  },
  cadreNoVillage: { zh: '驻村干部台账没有所驻村（支部）列，驻村干部考评结果无法计入各支部', en: 'the cadre ledger has no village column, so cadre results cannot be counted per branch' },
  noBranchLedger: { zh: '工作簿中没有找到三会一课记录或支部工作台账（需要包含“会议类型”或“支部名称”“承诺数”等列的表头）', en: 'no meeting records or branch work ledger found (a header with 会议类型, or with 支部名称 and counts such as 承诺数, is needed)' },
  coverageMissing: { zh: '{ledger}没有{months}的记录，{months}的相关要求不作判定（视为无数据，不算未达标）', en: 'the {ledgerEn} has no records for {monthsEn}; the items that need them are not judged there (no data, not failed)' },
  coverageThin: { zh: '{ledger}中{unit}只有{count}个支部有记录，不足以说明该期已登记，视为无数据（日期是否填错？）', en: 'the {ledgerEn} has rows for {unitEn} from only {count} branches: taken as no data (a date typed wrong?)' },
  noDataUncovered: { zh: '{label}：{ledger}没有{period}的记录，无数据，不作判定', en: '{labelEn}: the {ledgerEn} has no records for {periodEn}; no data, not judged' },
  noDataNotReported: { zh: '{label}：{ledger}中没有本支部{period}的记录，无数据，不作判定', en: '{labelEn}: the {ledgerEn} has no rows for this branch in {periodEn}; no data, not judged' },
  noDataNotRecorded: { zh: '{label}：{inputs}未填写，无数据，不作判定', en: '{labelEn}: {inputsEn} not filled in; no data, not judged' },
  noDataNoLedger: { zh: '{label}：工作簿中没有{ledger}，不作判定', en: '{labelEn}: no {ledgerEn} in the workbook; not judged' },
  noDataGrade: { zh: '无数据', en: 'no data' },
  scoreRescaled: { zh: '无数据的指标（{indicators}）不计入，得分按其余{max}分折算为百分制', en: 'indicators without data ({indicatorsEn}) are left out; the score is scaled from the other {max} points to 100' },
  scoreUnreported: { zh: '{indicators}：本支部未填报数据，不计分', en: '{indicatorsEn}: this branch reported no data; no points' },
  starsCapped: { zh: '{reason}，星级最高{max}星', en: '{reasonEn}: at most {max} stars' },
  starsQuota: { zh: '{stars}星名额不超过{share}（{allowed}个），按得分顺延为{lower}星', en: 'at most {share} ({allowed}) branches may have {stars} stars; moved to {lower} by score' },
  fallsShortLabel: { zh: '有必达要求未达标', en: 'a must-meet item failed' },
  branchSheetTitle: { zh: '支部汇总', en: 'Branch summary' },
  colBranchName: { zh: '支部名称', en: 'Branch' },
  colMeetingCount: { zh: '{type}（次）', en: '{type} (held)' },
  colLowestAttendance: { zh: '{label}（最低）', en: '{labelEn} (lowest)' },
  colScoreDetail: { zh: '得分明细', en: 'Points by indicator' },
  colFallsShort: { zh: '未达标', en: 'Falls short' },
  colRisk: { zh: '软弱涣散风险', en: 'At risk' },
  colFailedItems: { zh: '未达标事项', en: 'Failed items' },
  colNoData: { zh: '无数据与星级说明', en: 'No data and star notes' },
  colDeadline: { zh: '整改时限', en: 'Rectify by' },
  colNames: { zh: '台账中的写法', en: 'Names in the ledgers' },
  colEvidence: { zh: '依据（台账行）', en: 'Evidence (ledger rows)' },
  yes: { zh: '是', en: 'yes' },
  no: { zh: '否', en: 'no' },
  branchResultNote: { zh: '由“台账考评”于 {time} 生成，规则包：{pack}。未达标和软弱涣散风险的支部排在前面。本表每次考评整体重写，请勿在此表录入数据。', en: 'Written by Ledger Rules at {time} with rule pack {pack}. Branches that fall short come first. Rewritten on every run; do not type data here.' },
  cliUsageBranch: {
    zh: '  --period 可写 2024-05（月）、2024-Q2（季度）或 2024（年）；--rules 可重复，分别给出驻村干部和党支部规则包',
    en: '  --period takes 2024-05 (month), 2024-Q2 (quarter) or 2024 (year); --rules may be repeated, one cadre pack and one branch pack',
  },
  cliNoLedgerAtAll: { zh: '工作簿中既没有驻村干部台账，也没有三会一课记录或支部工作台账', en: 'the workbook has neither a stationed-cadre ledger nor meeting records or a branch work ledger' },
} as const satisfies Record<string, { zh: string; en: string }>;

export type MessageKey = keyof typeof MESSAGES;
export type Lang = 'zh' | 'en';
export type Params = Record<string, string | number>;

function fill(template: string, params: Params): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in params ? String(params[key]) : whole));
}

export function t(key: MessageKey, params: Params = {}, lang: Lang = 'zh'): string {
  return fill(MESSAGES[key][lang], params);
}

/** A message in both languages, as warnings and errors carry it. */
export interface Bilingual {
  message: string;
  messageEn: string;
}

export function both(key: MessageKey, params: Params = {}): Bilingual {
  return { message: t(key, params, 'zh'), messageEn: t(key, params, 'en') };
}

export function fillTemplate(template: string, params: Params): string {
  return fill(template, params);
}
