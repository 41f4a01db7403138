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
  packValueType: { zh: '规则 {rule}：“{fact}”的值应为{type}，条件值 {value} 的类型不符', en: 'rule {rule}: "{factEn}" is {typeEn}; the condition value {value} does not fit' },
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
  // Apps Script host: menu, sidebar and server errors
  addonTitle: { zh: '台账考评', en: 'Ledger Rules' },
  menuOpenSidebar: { zh: '打开侧边栏', en: 'Open sidebar' },
  menuAssessNow: { zh: '立即考评', en: 'Assess now' },
  sheetBeingWritten: { zh: '{sheet}（台账考评·写入中）', en: '{sheet} (Ledger Rules, being written)' },
  sheetSetAside: { zh: '{sheet}（台账考评·旧结果）', en: '{sheet} (Ledger Rules, previous)' },
  rpcBadArgs: { zh: '{fn} 收到的数据无效：{detail}', en: '{fn} received invalid data: {detail}' },
  rpcFailed: { zh: '{fn} 执行失败：{detail}', en: '{fn} failed: {detail}' },
  rpcBadResult: { zh: '{fn} 返回的数据不符合约定：{detail}', en: '{fn} returned data that breaks the contract: {detail}' },
  writeNotOwned: {
    zh: '不能写入工作表“{sheet}”：考评只写入插件自己的结果表（{owned}），台账不会被改动',
    en: 'cannot write sheet "{sheet}": results go only to the sheets the add-on owns ({owned}); ledgers are never changed',
  },
  writeDuplicateSheet: { zh: '结果表“{sheet}”出现了不止一次', en: 'result sheet "{sheet}" appears more than once' },
  writeRowWidth: { zh: '结果表“{sheet}”第 {row} 行有 {count} 个值，而表头有 {width} 列', en: 'result sheet "{sheet}" row {row} has {count} values but the header has {width} columns' },
  writeFailed: { zh: '写入考评结果失败，原有结果保持不变：{detail}', en: 'writing the results failed; the earlier results are unchanged: {detail}' },
  sheetMissing: { zh: '找不到工作表“{sheet}”', en: 'there is no sheet named "{sheet}"' },
  mappingTooLarge: { zh: '列对应设置太大（{size} 字节，上限 {limit}），未保存', en: 'the column mapping is too large ({size} bytes, limit {limit}); not saved' },
  // Local preview (npm start)
  previewTitle: { zh: '台账考评 · 本地预览', en: 'Ledger Rules · local preview' },
  previewExtensions: { zh: '扩展程序', en: 'Extensions' },
  previewDownload: { zh: '下载当前工作簿', en: 'Download this workbook' },
  previewInMemory: { zh: '工作簿只在内存中修改，原文件 {file} 不会被写入', en: 'changes stay in memory; {file} is never written' },
  previewRowsHidden: { zh: '还有 {count} 行未显示', en: '{count} more rows not shown' },
  previewSidebarClosed: { zh: '侧边栏已关闭，可从“扩展程序”菜单重新打开', en: 'the sidebar is closed; open it again from the Extensions menu' },
  previewClose: { zh: '关闭', en: 'Close' },
  previewListening: { zh: '本地预览已启动：{url}', en: 'local preview running at {url}' },
  previewNoFile: { zh: '找不到工作簿 {file}；用法：npm start -- <工作簿.xlsx>', en: 'no workbook at {file}; usage: npm start -- <workbook.xlsx>' },
  previewNoBuild: { zh: '缺少 {file}，请先运行 npm run build', en: '{file} is missing; run npm run build first' },
  // CLI
  cliUsage: {
    zh: '用法：ledger-rules assess <工作簿.xlsx|.csv> [--period 2024-05] [--rules 规则包.json] [--out 结果.xlsx] [--json]',
    en: 'usage: ledger-rules assess <workbook.xlsx|.csv> [--period 2024-05] [--rules pack.json] [--out results.xlsx] [--json]',
  },
  cliUnreadable: { zh: '无法读取文件 {file}：{detail}', en: 'cannot read {file}: {detail}' },
  cliBadPeriod: { zh: '“{period}”不是有效的考评期（例如 2024-05）', en: '"{period}" is not a valid period (for example 2024-05)' },
  cliWrote: { zh: '已写入 {file}', en: 'wrote {file}' },
  cliWarnings: { zh: '{count} 条提醒：', en: '{count} warnings:' },
  // Rule packs: what a condition's value must be
  packListNeeded: { zh: '规则 {rule}：“{fact}”的条件“{op}”需要一组值，例如 ["甲", "乙"]，而不是 {value}', en: 'rule {rule}: the "{op}" condition on "{factEn}" needs a list of values such as ["a", "b"], not {value}' },
  packListNotAllowed: { zh: '规则 {rule}：“{fact}”的条件“{op}”只能比较一个值，不能是一组值 {value}', en: 'rule {rule}: the "{op}" condition on "{factEn}" compares one value, not a list {value}' },
  packPointsPer: { zh: '规则 {rule}：按“{fact}”计分需要数值，而它的值应为{type}', en: 'rule {rule}: points per "{factEn}" need a number, but it is {typeEn}' },
  factTypeNumber: { zh: '数值', en: 'a number' },
  factTypePercent: { zh: '百分比', en: 'a percentage' },
  factTypeRatio: { zh: '比率', en: 'a ratio' },
  factTypeBoolean: { zh: '“是”或“否”', en: 'yes or no' },
  factTypeText: { zh: '文字', en: 'text' },
  factTypeName: { zh: '姓名', en: 'a name' },
  factTypeDate: { zh: '日期', en: 'a date' },
  factTypePeriod: { zh: '月份', en: 'a month' },
  // Reading ledgers: month columns
  cellInvalidMonth: { zh: '“{text}” 不是可识别的月份（如 2024年5月、2024-05，或在标题中写明年份）', en: '"{text}" is not a month we can read (write 2024年5月 or 2024-05, or give the year in the title)' },
  // CLI: input files
  cliNoFile: { zh: '找不到文件 {file}', en: 'no such file: {file}' },
  cliFileType: { zh: '无法读取 {ext} 文件 {file}：请在 WPS 或 Excel 中另存为 .xlsx（或 .csv）后再试', en: 'cannot read {ext} file {file}: save it as .xlsx (or .csv) in WPS or Excel and try again' },
  // CLI: rule pack files
  cliPackNotJson: { zh: '规则包文件 {file} 不是有效的 JSON：{detail}', en: 'rule pack file {file} is not valid JSON: {detail}' },
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
} as const satisfies Record<string, { zh: string; en: string }>;

export type MessageKey = keyof typeof MESSAGES;
export type Lang = 'zh' | 'en';
export type Params = Record<string, string | number>;

function fill(template: string, params: Params): string {
  if (!template.includes('{')) return template;
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
