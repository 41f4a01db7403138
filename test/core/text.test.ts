import { describe, expect, it } from 'vitest';
import { cleanName, cleanText, halfWidth, labelKey, simplified } from '../../src/core/text';

describe('the folded form headers are compared in', () => {
  it.each([
    ['下基层天数', '下基层天数'],
    ['下基層天數', '下基层天数'],
    ['下 基 层 天 数', '下基层天数'],
    ['下基层天数（天）', '下基层天数'],
    ['下基层天数(天)', '下基层天数'],
    ['聯繫戶數（戶）', '联系户数'],
    ['群眾測評', '群众测评'],
    ['黨員中心戶', '党员中心户'],
    ['入户情况/入户数', '入户情况入户数'],
    ['姓　名：', '姓名'],
    ['*领导评分', '领导评分'],
    ['ＡＢＣ', 'abc'],
  ])('%s → %s', (label, key) => {
    expect(labelKey(label)).toBe(key);
  });

  it('folds full-width digits and signs', () => {
    expect(halfWidth('１２％')).toBe('12%');
    expect(simplified('幹部')).toBe('干部');
  });

  it('removes padding from names but keeps their characters', () => {
    expect(cleanName(' 张\u3000 三\u00a0')).toBe('张三');
    expect(cleanName('額爾德木圖')).toBe('額爾德木圖');
    expect(cleanText('  宝力格　 嘎查 ')).toBe('宝力格 嘎查');
  });
});
