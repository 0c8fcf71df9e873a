import { describe, expect, it } from 'vitest';
import { findSnippet, normaliseQuery, searchText } from '../../../shared/domain';

describe('findSnippet', () => {
  const text =
    '本月完成了全局2020年至2025年文书档案的数字化扫描工作,共扫描档案3200卷,并对扫描质量进行了抽查复核。';

  it('shows the match with up to 20 characters each side, marking cut text with …', () => {
    expect(findSnippet(text, '扫描质量')).toBe('…字化扫描工作,共扫描档案3200卷,并对扫描质量进行了抽查复核。');
    expect(findSnippet(text, '本月')).toBe('本月完成了全局2020年至2025年文书档案…');
  });

  it('matches Latin letters without regard to case', () => {
    expect(findSnippet('使用OCR识别扫描件', 'ocr')).toBe('使用OCR识别扫描件');
    expect(findSnippet('使用ocr识别', 'OcR')).toBe('使用ocr识别');
  });

  it('treats the query literally and flattens line breaks', () => {
    expect(findSnippet('金额(万元)合计', '(万元)')).toBe('金额(万元)合计');
    expect(findSnippet('第一行\n第二行', '行 第')).toBe('第一行 第二行');
    expect(findSnippet('a.b', '.')).toBe('a.b');
    expect(findSnippet('abc', 'a.c')).toBeNull();
  });

  it('finds nothing for an empty query or a missing word', () => {
    expect(findSnippet(text, '   ')).toBeNull();
    expect(findSnippet(text, '培训')).toBeNull();
  });

  it('keeps characters outside the basic plane whole', () => {
    expect(findSnippet('𠀀'.repeat(30) + '目标' + '𠀀'.repeat(30), '目标', 2)).toBe('…𠀀𠀀目标𠀀𠀀…');
  });
});

describe('searchText', () => {
  it('returns every field that matches, in order, with its snippet', () => {
    const hits = searchText(
      [
        { field: '工作内容', text: '档案数字化', itemId: 'w1' },
        { field: '工作进度', text: '完成扫描' },
        { field: '差错事项', text: '档案编号错误' },
      ],
      ' 档案 ',
    );
    expect(hits).toEqual([
      { field: '工作内容', snippet: '档案数字化', itemId: 'w1' },
      { field: '差错事项', snippet: '档案编号错误' },
    ]);
  });

  it('normalises the query', () => {
    expect(normaliseQuery('  年度   计划 ')).toBe('年度 计划');
  });
});
