// Dates, wording and style rules: invalid-date, weekday-mismatch, percent-point-confusion,
// qualifier-conflict, mixed-numeral-style, missing-unit, approx-redundant, and the cross-file
// rules conflicting-values and scale-slip.
import * as assert from 'assert';
import type { RuleCode } from '../../server/src/core/checks/types';
import { checkText, checkTexts, findingsOf } from './helpers';

function fires(code: RuleCode, text: string, at: string, message?: RegExp): void {
  const seen = findingsOf(code, text);
  assert.strictEqual(seen.length, 1, `${code} should fire once on ${text}; got ${JSON.stringify(checkText(text).map((s) => [s.code, s.at]))}`);
  assert.strictEqual(seen[0].at, at);
  if (message) assert.match(seen[0].finding.message.en, message);
}

function none(code: RuleCode, text: string): void {
  assert.deepStrictEqual(findingsOf(code, text).map((s) => s.at), [], `${code} must not fire on ${text}`);
}

function applyFix(text: string, code: RuleCode): string {
  const [f] = findingsOf(code, text);
  assert.ok(f && f.finding.fixes.length > 0, `a fix for ${code}`);
  const edits = [...f.finding.fixes[0].edits].sort((a, b) => b.start - a.start);
  let out = text;
  for (const e of edits) out = out.slice(0, e.start) + e.newText + out.slice(e.end);
  return out;
}

describe('rule invalid-date', () => {
  it('fires on dates that do not exist', () => {
    fires('invalid-date', '会议于2023年2月29日召开。', '2023年2月29日', /28 days/);
    fires('invalid-date', '会议于4月31日召开。', '4月31日');
    fires('invalid-date', '会议于2100年2月29日召开。', '2100年2月29日');
    fires('invalid-date', '会议于2023年13月1日召开。', '2023年13月1日');
    fires('invalid-date', '会议于二〇二三年二月三十日召开。', '二〇二三年二月三十日');
  });

  it('near misses: leap years and lunar dates', () => {
    none('invalid-date', '会议于2024年2月29日召开。');
    none('invalid-date', '会议于2000年2月29日召开。');
    none('invalid-date', '农历二月三十是个好日子。');
    none('invalid-date', '会议于2023年4月30日召开。');
  });
});

describe('rule weekday-mismatch', () => {
  it('fires on a weekday that does not match the date, with a fix', () => {
    fires('weekday-mismatch', '2023年3月24日（星期四），公司发布年报。', '2023年3月24日（星期四）', /Friday/);
    assert.strictEqual(applyFix('2023年3月24日（星期四），公司发布年报。', 'weekday-mismatch'), '2023年3月24日（星期五），公司发布年报。');
    fires('weekday-mismatch', '2023-03-23(周五)发布。', '2023-03-23(周五)');
  });

  it('near misses: a correct weekday, a year-less date in the publication year', () => {
    none('weekday-mismatch', '2023年3月24日（星期五），公司发布年报。');
    none('weekday-mismatch', '2023年3月23日（周四）发布。');
    none('weekday-mismatch', '3月24日（周五）公司发布年报。');
  });
});

describe('rule percent-point-confusion', () => {
  it('fires on a point difference written as %, with a fix to 个百分点', () => {
    fires('percent-point-confusion', '投诉率从18.0%提高到21.0%，提高了3%。', '3%', /3 percentage points/);
    assert.strictEqual(applyFix('投诉率从18.0%提高到21.0%，提高了3%。', 'percent-point-confusion'), '投诉率从18.0%提高到21.0%，提高了3个百分点。');
  });

  it('fires on 个百分点 used on amounts', () => {
    fires('percent-point-confusion', '营收从100亿元增长到120亿元，增长了20个百分点。', '20个百分点');
    fires('percent-point-confusion', '营收103.7亿元，同比增长5个百分点。', '5个百分点');
    fires('percent-point-confusion', '该省粮食产量达到1300万吨，比上年增长了10个百分点。', '10个百分点');
    fires('percent-point-confusion', '营收103.7亿元，较去年同期增长5个百分点。', '5个百分点');
    assert.strictEqual(applyFix('营收从100亿元增长到120亿元，增长了20个百分点。', 'percent-point-confusion'), '营收从100亿元增长到120亿元，增长了20%。');
  });

  it('near misses: points on rates, the relative change in %', () => {
    none('percent-point-confusion', '投诉率从18.0%提高到21.0%，提高了3个百分点。');
    none('percent-point-confusion', '投诉率从18.0%提高到21.0%，提高16.7%。');
    none('percent-point-confusion', '公司毛利率为35.2%，同比提升2.1个百分点。');
    none('percent-point-confusion', '营收增速为15%，同比提高5个百分点。');
    none('percent-point-confusion', '营收占比为15%，比上年增长5个百分点。');
    none('percent-point-confusion', '研发人员1200人，占比比上年增加2个百分点。');
  });

  it('a wrong point difference is a growth-mismatch, not a confusion', () => {
    const seen = checkText('投诉率从18.0%提高到21.0%，提高了5个百分点。');
    assert.deepStrictEqual(seen.map((s) => s.code), ['growth-mismatch']);
  });
});

describe('rule qualifier-conflict', () => {
  it('fires on contradicting or doubled bounds', () => {
    fires('qualifier-conflict', '现场来了近400余人。', '近400余人');
    fires('qualifier-conflict', '增长至少5倍以上。', '至少5倍以上');
    fires('qualifier-conflict', '超过1000余家企业参加。', '超过1000余家');
  });

  it('near misses: a single qualifier', () => {
    for (const t of ['现场来了400余人。', '现场来了近400人。', '增长5倍以上。', '超过1000家企业参加。', '主动删除假货链接近50万条。']) none('qualifier-conflict', t);
  });
});

describe('rule approx-redundant', () => {
  it('fires on two approximation words, fix removes the trailing one', () => {
    fires('approx-redundant', '现场来了约300人左右。', '约300人左右');
    assert.strictEqual(applyFix('现场来了约300人左右。', 'approx-redundant'), '现场来了约300人。');
    fires('approx-redundant', '平台覆盖大约5万元上下的商品。', '大约5万元上下');
  });

  it('near misses: one approximation word', () => {
    none('approx-redundant', '现场来了约300人。');
    none('approx-redundant', '现场来了300人左右。');
  });
});

describe('rule mixed-numeral-style', () => {
  it('fires on one kind of figure in both forms, fix to Arabic digits', () => {
    fires('mixed-numeral-style', '超过一万家原创商家受益，超过1000家品牌入驻。', '超过一万家');
    assert.strictEqual(applyFix('超过一万家原创商家受益，超过1000家品牌入驻。', 'mixed-numeral-style'), '超过1万家原创商家受益，超过1000家品牌入驻。');
  });

  it('fires on Arabic digits with 千 or 百 (GB/T 15835)', () => {
    const seen = findingsOf('mixed-numeral-style', '共有4千人参加，3百人获奖。');
    assert.deepStrictEqual(seen.map((s) => s.at), ['4千人', '3百人']);
    assert.strictEqual(applyFix('共有4千人参加。', 'mixed-numeral-style'), '共有4000人参加。');
  });

  it('near misses: adjacent approximate numbers, fixed words, one form only', () => {
    none('mixed-numeral-style', '三四千家企业参与了活动，另有1000家观望。');
    none('mixed-numeral-style', '十四五规划期间，1000家企业参与。');
    none('mixed-numeral-style', '超过一万家原创商家受益。');
    none('mixed-numeral-style', '一家公司和1000家企业。');
  });
});

describe('rule missing-unit', () => {
  it('fires on money without currency next to the same subject with 元, fix inserts 元', () => {
    fires('missing-unit', '涉案金额达38.87亿，另一案件涉案金额超6000万元。', '38.87亿');
    assert.strictEqual(applyFix('涉案金额达38.87亿，另一案件涉案金额超6000万元。', 'missing-unit'), '涉案金额达38.87亿元，另一案件涉案金额超6000万元。');
  });

  it('near misses: counts, and money figures with nothing to compare to', () => {
    none('missing-unit', '用户8.4亿，营收超6000万元。');
    none('missing-unit', '涉案金额达38.87亿。');
  });
});

describe('rule conflicting-values', () => {
  it('fires at both statements of one metric with incompatible values', () => {
    const seen = findingsOf('conflicting-values', '截至2022年底，平台入驻商家15.2万家。报告显示，截至2022年底，平台入驻商家12.6万家。');
    assert.deepStrictEqual(seen.map((s) => s.at), ['15.2万家', '12.6万家']);
    assert.strictEqual(seen[0].severity, 'warning');
    assert.strictEqual(seen[0].finding.related.length, 1);
  });

  it('findings that name one figure share its related location (one object, the same words)', () => {
    const seen = findingsOf('conflicting-values', '截至2022年底，平台入驻商家15.2万家。报告显示，截至2022年底，平台入驻商家12.6万家。另据统计，截至2022年底，平台入驻商家9.1万家。');
    assert.deepStrictEqual(seen.map((s) => s.at), ['15.2万家', '12.6万家', '9.1万家']);
    const naming = (at: number) => seen.map((s) => s.finding.related.find((r) => r.start === seen[at].finding.start)).filter((r) => r !== undefined);
    for (let k = 0; k < 3; k++) {
      const [a, b] = naming(k);
      assert.ok(a && b, `figure ${k} is named by both other findings`);
      assert.strictEqual(a, b, `figure ${k}: one related location`);
      assert.deepStrictEqual(a.message, { en: `${seen[k].finding.message.en.split(' is ')[0]}: ${seen[k].at}`, zh: `${seen[k].finding.message.en.split(' is ')[0]}：${seen[k].at}` });
    }
  });

  it('names each contradicting figure once, with how many places state it', () => {
    const text = '截至2022年底，平台入驻商家15.2万家。报告显示，截至2022年底，平台入驻商家12.6万家。另据统计，截至2022年底，平台入驻商家12.6万家。';
    const [first] = findingsOf('conflicting-values', text);
    assert.strictEqual(first.at, '15.2万家');
    assert.match(first.finding.message.en, /here but 12\.6万家 \(2 places\) elsewhere;/);
    assert.match(first.finding.message.zh, /另处为 12\.6万家（2 处），/);
    assert.strictEqual(first.finding.related.length, 2, 'both places are still related');
  });

  it('relates the first place of each figure before the others, so that the first few show every figure', () => {
    const sentences = ['15.2万家', '12.6万家', '12.6万家', '12.6万家', '9.1万家'].map((v) => `截至2022年底，平台入驻商家${v}。`);
    const text = sentences.join('报告显示，');
    const seen = findingsOf('conflicting-values', text);
    const first = seen.find((s) => s.at === '15.2万家')!;
    const figures = first.finding.related.map((r) => text.slice(r.start, r.end));
    assert.deepStrictEqual(figures, ['12.6万家', '9.1万家', '12.6万家', '12.6万家']);
    assert.ok(first.finding.related[0].start < first.finding.related[2].start && first.finding.related[2].start < first.finding.related[3].start, 'the rest in text order');
    assert.match(first.finding.message.en, /here but 12\.6万家 \(3 places\), 9\.1万家 elsewhere;/);
  });

  it('names the report of a figure stated in another one, with its places', () => {
    const a = { path: 'a.txt', text: '阿里巴巴发布报告。截至2022年底，平台入驻商家15.2万家。' };
    const b = { path: 'b.txt', text: '阿里巴巴发布报告。截至2022年底，平台入驻商家12.6万家。报告显示，截至2022年底，平台入驻商家12.6万家。' };
    const [first] = checkTexts([a, b]).filter((s) => s.code === 'conflicting-values' && s.finding.path === 'a.txt');
    assert.match(first.finding.message.en, /here but 12\.6万家 \(b\.txt, 2 places\) elsewhere;/);
    assert.match(first.finding.message.zh, /另处为 12\.6万家 \(b\.txt\)（2 处），/);
  });

  it('names at most five figures and counts the places of the rest', () => {
    const values = ['15.2万家', '12.6万家', '12.6万家', '12.1万家', '11.8万家', '13.3万家', '11.2万家', '10.9万家'];
    const text = values.map((v) => `截至2022年底，平台入驻商家${v}。`).join('报告显示，');
    const first = findingsOf('conflicting-values', text).find((s) => s.at === '15.2万家')!;
    assert.match(first.finding.message.en, /here but 12\.6万家 \(2 places\), 12\.1万家, 11\.8万家, 13\.3万家, 11\.2万家 and 1 more elsewhere;/);
    assert.match(first.finding.message.zh, /另处为 12\.6万家（2 处）、12\.1万家、11\.8万家、13\.3万家、11\.2万家 等 7 处，/);
  });

  it('near misses: 超12万 vs 12.6万, 约13万 vs 12.6万, two different years, categories in one sentence', () => {
    none('conflicting-values', '截至2022年底，平台累计入驻商家超12万家。报告显示，平台入驻商家12.6万家。');
    none('conflicting-values', '截至2022年底，平台入驻商家约13万家。报告显示，平台入驻商家12.6万家。');
    none('conflicting-values', '2021年平台入驻商家10.2万家。2022年平台入驻商家12.6万家。');
    none('conflicting-values', '一线城市用户占30%，二线城市用户占40%，三线及以下城市用户占30%。');
    // The value a change starts from is last period's, not a restatement.
    none('conflicting-values', '公司营业收入从86.4亿元增长到103.7亿元。全年公司营业收入103.7亿元。');
    none('conflicting-values', '营收从86.4亿元增长到103.7亿元，增长20%。\n营收从86.4亿元增长到103.7亿元，增长20%。');
    none('conflicting-values', '2022年公司共抓捕犯罪嫌疑人1968名。其中，浙江抓捕犯罪嫌疑人500名。');
    none('conflicting-values', '2022年，公司营收103.7亿元，比上年增长20.0%；净利润12.3亿元，比上年增长8.5%；上年同期净利润为11.3亿元。');
    none('conflicting-values', '2022年全国居民人均可支配收入36883元。其中，城镇居民人均可支配收入49283元；农村居民人均可支配收入20133元。');
    none('conflicting-values', '城镇居民人均可支配收入49283元。农村居民人均可支配收入20133元。');
    none('conflicting-values', '公司营收103.7亿元。电商业务营收60.2亿元。');
    none('conflicting-values', '- 线上渠道：营收45.2亿元，占比43.6%\n- 线下门店：营收58.5亿元，占比56.4%\n');
    none('conflicting-values', '其中，境内收入98.5亿元，同比增长10.1%，占营业收入的63.0%；境外收入57.8亿元，同比增长16.6%，占营业收入的37.0%。');
  });

  it('fires on restated rates and on 超 figures below a restatement', () => {
    const rates = findingsOf('conflicting-values', '2022年公司营收同比增长20.0%。2022年，公司营收同比增长22.0%。');
    assert.deepStrictEqual(rates.map((s) => s.at), ['20.0%', '22.0%']);
    const over = findingsOf('conflicting-values', '截至2021年底，平台累计保护知识产权权利超64万项。截至2021年底，平台累计保护知识产权权利46万项。');
    assert.deepStrictEqual(over.map((s) => s.at), ['超64万项', '46万项']);
    assert.match(over[0].finding.message.en, /超64万项 here but 46万项/);
  });

  it('across files only for documents about the same organisation', () => {
    const a = { path: 'a.txt', text: '阿里巴巴发布报告。截至2022年底，平台入驻商家15.2万家。' };
    const b = { path: 'b.txt', text: '阿里巴巴发布报告。截至2022年底，平台入驻商家12.6万家。' };
    const c = { path: 'c.txt', text: '抖音电商发布报告。截至2022年底，平台入驻商家12.6万家。' };
    const ab = checkTexts([a, b]).filter((s) => s.code === 'conflicting-values');
    const ac = checkTexts([a, c]).filter((s) => s.code === 'conflicting-values');
    assert.deepStrictEqual(ab.map((s) => s.finding.path), ['a.txt', 'b.txt']);
    assert.strictEqual(ab[0].finding.related[0].path, 'b.txt');
    assert.deepStrictEqual(ac, []);
  });
});

describe('rule scale-slip', () => {
  it('fires on the same digits at another scale', () => {
    const seen = findingsOf('scale-slip', '2022年，涉案金额达38.87亿元。全年涉案金额38.87万元。');
    assert.deepStrictEqual(seen.map((s) => s.at), ['38.87亿元', '38.87万元']);
    none('conflicting-values', '2022年，涉案金额达38.87亿元。全年涉案金额38.87万元。');
  });

  it('fires when an earlier clause of the sentence only introduces the statement', () => {
    const seen = findingsOf('scale-slip', '涉案金额达38.87亿元。报告最后指出，涉案金额为38.87万元。');
    assert.deepStrictEqual(seen.map((s) => s.at), ['38.87亿元', '38.87万元']);
  });

  it('near miss: the same value written at another scale', () => {
    none('scale-slip', '2022年，涉案金额达38.87亿元。全年涉案金额388,700万元。');
    none('conflicting-values', '2022年，涉案金额达38.87亿元。全年涉案金额388,700万元。');
  });
});
