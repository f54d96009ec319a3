// growth-mismatch, share-mismatch, parts-exceed-total, sum-mismatch, percent-sum-over-100,
// multiple-mismatch: firing cases, near misses and rounding edges, through the real extractor.
import * as assert from 'assert';
import type { RuleCode } from '../../server/src/core/checks/types';
import { checkText, findingsOf } from './helpers';

function fires(code: RuleCode, text: string, at: string, message?: RegExp): void {
  const seen = findingsOf(code, text);
  assert.strictEqual(seen.length, 1, `${code} should fire once on ${text}; got ${JSON.stringify(checkText(text).map((s) => [s.code, s.at]))}`);
  assert.strictEqual(seen[0].at, at);
  if (message) assert.match(seen[0].finding.message.en, message);
  assert.ok(seen[0].finding.message.zh.length > 0);
}

function quiet(text: string): void {
  const loud = checkText(text).filter((s) => s.severity === 'error' || s.severity === 'warning');
  assert.deepStrictEqual(loud.map((s) => [s.code, s.at]), [], `no error or warning on ${text}`);
}

describe('rule growth-mismatch', () => {
  it('fires on a rate that does not follow from the before and after values', () => {
    fires('growth-mismatch', '公司营收从86.4亿元增长到103.7亿元，增长25.6%。', '25.6%', /86\.4亿元 → 103\.7亿元 is \+20\.0%, not \+25\.6%/);
    fires('growth-mismatch', '2022年公司营收103.7亿元，同比增长25.6%，上年同期为86.4亿元。', '25.6%');
    fires('growth-mismatch', '2022年公司营收103.7亿元，较上年的86.4亿元增长25.6%。', '25.6%');
    fires('growth-mismatch', '2021年公司营收86.4亿元，2022年公司营收103.7亿元，同比增长25.6%。', '25.6%');
    fires('growth-mismatch', '净利润从12.0亿元下降到10.0亿元，下降25%。', '25%', /-16\.7%/);
  });

  it('reads the base stated after a semicolon, or between the figure and its rate', () => {
    fires('growth-mismatch', '公司营业收入38.87亿元，同比增长12.3%；上年同期营业收入为36.2亿元。', '12.3%', /36\.2亿元 → 38\.87亿元 is \+7\.4%, not \+12\.3%/);
    quiet('公司营业收入38.87亿元，同比增长7.4%；上年同期营业收入为36.2亿元。');
    fires('growth-mismatch', '全年营业收入103.7亿元，上年为86.4亿元，同比增长25.6%。', '25.6%', /86\.4亿元 → 103\.7亿元 is \+20\.0%/);
    fires('growth-mismatch', '全年营业收入103.7亿元，上年同期营业收入为86.4亿元，同比增长25.6%。', '25.6%');
    quiet('全年营业收入103.7亿元，上年为86.4亿元，同比增长20.0%。');
    quiet('二季度营收30.1亿元，上季度为25.0亿元，同比增长25.6%。');
    // A year between two figures is the later one's, not a base: 50亿元 is the earlier figure.
    fires('growth-mismatch', '2022年销售额为50亿元，2023年销售额为60亿元，同比增长25%。', '25%', /50亿元 → 60亿元 is \+20\.0%/);
  });

  it('reads the base stated in the next sentence when it opens with the base period', () => {
    fires('growth-mismatch', '全年营业收入8650亿元，比上年增长6.2%。上年营业收入为8000亿元。', '6.2%', /8000亿元 → 8650亿元 is \+8\.1%, not \+6\.2%/);
    fires('growth-mismatch', '全年全市营业收入8650亿元，比上年增长6.2%。上年全市营业收入为8000亿元。', '6.2%');
    quiet('全年营业收入8650亿元，比上年增长8.1%。上年营业收入为8000亿元。');
    // A next sentence that does not open with the base period states something else.
    quiet('全年营业收入8650亿元，比上年增长6.2%。公司计划营业收入为8000亿元。');
    quiet('全年营业收入8650亿元，比上年增长6.2%。上年净利润为8000亿元。');
  });

  it('leaves rates in real terms alone: their levels are at current prices', () => {
    // 2024年 GDP 134.9万亿元 grew 5.0% at constant prices; 7.0% at current prices.
    quiet('2025年全国国内生产总值为134.9万亿元，同比增长5.0%，上年为126.1万亿元。');
    quiet('全年地区生产总值8650亿元，比上年增长6.2%；上年地区生产总值为8000亿元。');
    quiet('2024年规模以上工业增加值3000亿元。2025年规模以上工业增加值3300亿元，比上年增长6.0%。');
    quiet('城镇居民人均可支配收入52130元，扣除价格因素，实际增长4.9%；上年为48000元。');
    quiet('全年工业产值3300亿元，按可比口径计算，比上年增长6.0%，上年为3000亿元。');
    // Money growth of the same text is still checked.
    fires('growth-mismatch', '全年营业收入3300亿元，比上年增长6.0%，上年为3000亿元。', '6.0%');
  });

  it('near misses: the base names another measure', () => {
    quiet('营收38.87亿元，同比增长12.3%，上年同期净利润为3.2亿元。');
    quiet('营收38.87亿元，同比增长12.3%；上年同期净利润为3.2亿元。');
    quiet('营收103.7亿元，上年净利润为8.4亿元，同比增长25.6%。');
  });

  it('finds the base of a year-on-year rate in another paragraph: the same metric a year before', () => {
    const report = '2023年度报告\n2022年，公司实现营业收入148.9亿元，净利润16.8亿元，毛利率31.5%。\n报告期内，公司实现营业收入156.3亿元，同比增长12.5%；净利润18.2亿元，同比增长8.3%。\n毛利率为33.0%，同比提高1.5个百分点。';
    fires('growth-mismatch', report, '12.5%', /148\.9亿元 → 156\.3亿元 is \+5\.0%, not \+12\.5%/);
    const [f] = findingsOf('growth-mismatch', report);
    assert.deepStrictEqual(f.finding.related.map((r) => report.slice(r.start, r.end)), ['148.9亿元', '156.3亿元']);
    // The base's paragraph comes after the rate's, or the rate's year is stated: the same.
    fires('growth-mismatch', '2023年，营业收入156.3亿元，同比增长12.5%。\n2022年营业收入为148.9亿元。', '12.5%');
    fires('growth-mismatch', '2023年一季度，营业收入35.2亿元，同比增长20%。\n2022年一季度，营业收入32.0亿元。', '20%', /\+10\.0%/);
  });

  it('near misses across paragraphs: the right rate, another year, another metric, a sub-scope, 环比', () => {
    quiet('2023年度报告\n2022年，公司实现营业收入148.9亿元。\n报告期内，公司实现营业收入156.3亿元，同比增长5.0%。');
    quiet('2023年度报告\n2021年，公司实现营业收入148.9亿元。\n报告期内，公司实现营业收入156.3亿元，同比增长12.5%。');
    quiet('2023年度报告\n2022年，公司实现净利润148.9亿元。\n报告期内，公司实现营业收入156.3亿元，同比增长12.5%。');
    quiet('2023年度报告\n2022年，其中营业收入148.9亿元。\n报告期内，公司实现营业收入156.3亿元，同比增长12.5%。');
    quiet('2023年度报告\n2022年，公司实现营业收入148.9亿元。\n报告期内，公司实现营业收入156.3亿元，环比增长12.5%。');
    quiet('2023年度报告\n2022年，公司实现营业收入148.9亿元。\n报告期内，公司实现营业收入156.3亿元，增长12.5%。');
  });

  it('fires on the wrong direction', () => {
    fires('growth-mismatch', '净利润从12.0亿元增长到10.0亿元。', '10.0亿元', /not a rise/);
    fires('growth-mismatch', '营收从86.4亿元增长到103.7亿元，下降20.0%。', '20.0%', /wrong direction/);
  });

  it('related locations name the before and after figures', () => {
    const [f] = findingsOf('growth-mismatch', '公司营收从86.4亿元增长到103.7亿元，增长25.6%。');
    assert.strictEqual(f.finding.related.length, 2);
    const text = '公司营收从86.4亿元增长到103.7亿元，增长25.6%。';
    assert.deepStrictEqual(f.finding.related.map((r) => text.slice(r.start, r.end)), ['86.4亿元', '103.7亿元']);
  });

  it('near misses: a correct rate, 同比 against another quarter, a rate without a base', () => {
    quiet('公司营收从86.4亿元增长到103.7亿元，增长20%。');
    quiet('公司营收从86.4亿元增长到103.7亿元，同比增长20.0%。');
    quiet('净利润从12.0亿元下降到10.0亿元，下降16.7%。');
    quiet('二季度营收30.1亿元，同比增长25.6%，一季度营收25.0亿元。');
    quiet('二季度营收30.1亿元，环比增长20.4%，上季度为25.0亿元。');
    quiet('二季度营收30.1亿元，同比增长20.4%，上季度为25.0亿元。');
    quiet('2022年营收103.7亿元，同比增长25.6%。');
    quiet('销售额从80亿元增长到100亿元，利润增长15%。');
    quiet('公司营收由2021年的86.4亿元增至2022年的103.7亿元，年均复合增长率为9.5%。');
    quiet('2022年，公司营收103.7亿元，比上年增长20.0%；净利润12.3亿元，比上年增长8.5%；上年同期净利润为11.3亿元。');
  });

  it('reads the base from a change amount (比上年增加 D) and from the year before in the paragraph', () => {
    fires('growth-mismatch', '全年粮食总产量68653万吨，比上年增加368万吨，增长0.8%。', '0.8%', /\+0\.5%/);
    quiet('全年粮食总产量68653万吨，比上年增加368万吨，增长0.5%。');
    fires('growth-mismatch', '全年共发生安全事故12起，比上年减少3起，下降25%。', '25%', /-20\.0%/);
    quiet('全年共发生安全事故12起，比上年减少3起，下降20%。');
    fires('growth-mismatch', '2021年公司营收86.4亿元，净利润10.2亿元。2022年公司营收103.7亿元，同比增长20.0%；净利润12.3亿元，同比增长26.0%。', '26.0%');
    quiet('2021年公司营收86.4亿元，净利润10.2亿元。2022年公司营收103.7亿元，同比增长20.0%；净利润12.3亿元，同比增长20.6%。');
  });

  it('fires when a stated rate has the wrong sign', () => {
    fires('growth-mismatch', '净利润从12.3亿元下降到10.1亿元，增长17.9%。', '17.9%', /wrong direction/);
    fires('growth-mismatch', '营收103.7亿元，同比下降20.0%，上年同期为86.4亿元。', '20.0%', /wrong direction/);
  });

  it('rounding edges: 86.4 → 103.7 allows 19.9%…20.15%', () => {
    quiet('营收从86.4亿元增长到103.7亿元，增长19.9%。');
    quiet('营收从86.4亿元增长到103.7亿元，增长20.2%。');
    fires('growth-mismatch', '营收从86.4亿元增长到103.7亿元，增长20.3%。', '20.3%');
    fires('growth-mismatch', '营收从86.4亿元增长到103.7亿元，增长19.8%。', '19.8%');
    quiet('营收从86.4亿元增长到103.7亿元，增长约20%。');
  });
});

describe('rule share-mismatch', () => {
  it('finds the total of a sentence that opens with 其中 in the sentence before', () => {
    fires('share-mismatch', '全年共查处商标侵权案件3.2万件，涉案金额4.5亿元。其中，查处侵犯注册商标专用权案件2.1万件，占案件总数的75%。', '75%', /2\.1万件 \/ 3\.2万件 is 65\.6%, not 75%/);
    fires('share-mismatch', '全年共查处商标侵权案件3.2万件。其中，商标案件2.1万件，占75%。', '75%');
    quiet('全年共查处商标侵权案件3.2万件，涉案金额4.5亿元。其中，查处侵犯注册商标专用权案件2.1万件，占案件总数的65.6%。');
    // Two totals of the measure before: which one 其中 hangs from is not said.
    quiet('上半年查处案件3.2万件，下半年查处案件2.8万件。其中，商标案件2.1万件，占75%。');
    // 其中 inside the sentence (not opening it) hangs from a total of its own sentence only.
    quiet('全年共查处案件3.2万件。今年商标案件其中2.1万件，占75%。');
  });

  it('checks the shares of a 分别占 list against each other: each part and its share imply the whole', () => {
    const listed = '其中，专利案件4.1万件，商标案件13.2万件，著作权案件24.5万件，分别占新收案件的19.2%、29.6%和54.9%。';
    fires('share-mismatch', listed, '19.2%', /4\.1万件 at 19\.2% implies a whole of 21\.4万件, but the other shares listed with it imply 44\.6万件/);
    quiet('其中，专利案件4.1万件，商标案件13.2万件，著作权案件24.5万件，分别占新收案件的9.2%、29.6%和54.9%。');
    fires('share-mismatch', '线上销售额36亿元，线下销售额44亿元，批发销售额20亿元，占比分别为36%、54%和20%。', '54%');
    quiet('线上销售额36亿元，线下销售额44亿元，批发销售额20亿元，占比分别为36%、44%和20%。');
    const [f] = findingsOf('share-mismatch', listed);
    assert.deepStrictEqual(f.finding.related.map((r) => listed.slice(r.start, r.end)), ['4.1万件', '29.6%', '54.9%']);
  });

  it('near misses for 分别占: two shares (maybe two wholes), several wholes named, growth rates', () => {
    quiet('专利授权43.2万件、商标注册567.1万件，分别占全球的46.7%和29.3%。');
    quiet('三家企业营收分别为12亿元、8亿元和30亿元，分别占各自所在行业的5%、3%和1%。');
    quiet('甲市12万人、乙市8万人、丙市30万人，分别占全省和全国的5%、3%和1%。');
    quiet('线上销售额36亿元，线下销售额44亿元，批发销售额20亿元，分别增长36%、54%和20%。');
  });

  it('fires when part / whole is not the stated share', () => {
    fires('share-mismatch', '全年销售额80亿元，其中线上销售额36亿元，占40%。', '40%', /45\.0%/);
    fires('share-mismatch', '线上销售额36亿元，占全部80亿元的40%。', '40%');
    fires('share-mismatch', '公司员工1.20万人，其中研发人员6000人，占比45%。', '45%');
    // The share first, then the part it names.
    fires('share-mismatch', '该平台2022年营收为500亿元，其中广告收入占比为40%，广告收入为260亿元。', '40%', /52\.0%/);
  });

  it('near misses: rounding-compatible shares and shares of an unstated whole', () => {
    quiet('全年销售额80亿元，其中线上销售额32亿元，占40%。');
    quiet('该平台2022年营收为500亿元，其中广告收入占比为40%，广告收入为200亿元。');
    quiet('该平台2022年营收为500亿元，其中广告收入占比为40%，直播收入为260亿元。');
    quiet('公司员工1.2万人，其中研发人员4300人，占员工总数的35.8%。');
    quiet('公司销售额32亿元，占全国市场的5%。');
    quiet('报告期内，公司研发投入9.8亿元，占营业收入的9.5%。');
    quiet('公司拥有员工3.2万人，其中本科及以上学历占比65%，研发人员占比28%，女性员工占比42%。');
  });

  it('finds the whole by its subject elsewhere in the document (占营业收入的…)', () => {
    const report = '报告期内，公司实现营业收入156.32亿元，较上年同期增长12.45%。其中，境内收入98.5亿元，同比增长10.1%，占营业收入的63.0%；境外收入57.8亿元，同比增长16.6%，占营业收入的47.0%。公司研发投入12.6亿元，占营业收入的比例为8.1%。';
    fires('share-mismatch', report, '47.0%', /37\.0%/);
    quiet(report.replace('47.0%', '37.0%'));
  });

  it('rounding edges: 6000 / 1.20万 allows 49.79%…50.21%', () => {
    quiet('公司员工1.20万人，其中研发人员6000人，占比49.8%。');
    fires('share-mismatch', '公司员工1.20万人，其中研发人员6000人，占比49.7%。', '49.7%');
    quiet('公司员工1.20万人，其中研发人员6000人，占比50.2%。');
  });
});

describe('rule parts-exceed-total', () => {
  it('fires when listed parts add up to more than the total', () => {
    fires('parts-exceed-total', '共查处案件120起，其中刑事案件80起、行政案件50起。', '120起', /130起/);
    fires('parts-exceed-total', '共查处案件120起，其中刑事案件150起。', '120起', /150起 is more than/);
    fires('parts-exceed-total', '全年共受理知识产权案件3685件，同比增长12.3%。其中，专利案件1200件，商标案件1800件，著作权案件885件。', '3685件');
  });

  it('near misses: subsets of one part, change figures, incomplete lists', () => {
    quiet('共查处案件120起，其中刑事案件80起、行政案件40起。');
    quiet('共查处案件120起，其中刑事案件80起，其中涉跨境的60起。');
    quiet('年末全市常住人口1500万人，比上年末增加12万人，其中城镇人口1200万人。');
    quiet('全年共受理知识产权案件3685件，同比增长12.3%；审结3502件，结案率95.0%。其中，专利案件1200件，商标案件1800件，著作权案件685件。');
    quiet('2022年全国居民人均可支配收入36883元，比上年增长5.0%。其中，城镇居民人均可支配收入49283元，增长3.9%；农村居民人均可支配收入20133元，增长6.3%。');
  });

  it('parts listed across ； after a total with a change figure', () => {
    fires('parts-exceed-total', '全年粮食总产量68653万吨，比上年增加368万吨，增长0.5%。其中，夏粮产量14740万吨，增长1.0%；早稻产量2812万吨，增长0.4%；秋粮产量52100万吨，增长0.4%。', '68653万吨');
    quiet('全年粮食总产量68653万吨，比上年增加368万吨，增长0.5%。其中，夏粮产量14740万吨，增长1.0%；早稻产量2812万吨，增长0.4%；秋粮产量51100万吨，增长0.4%。');
  });

  it('rounding edges: parts are compared at their lower bounds', () => {
    fires('parts-exceed-total', '共查处案件120起，其中刑事案件80起、行政案件41起。', '120起');
    quiet('共查处案件约120起，其中刑事案件80起、行政案件41起。');
    quiet('共查处案件1.2万起，其中刑事案件8000起、行政案件4400起。');
  });
});

describe('rule sum-mismatch', () => {
  it('fires when a declared complete split does not add up', () => {
    fires('sum-mismatch', '上半年营收50亿元，其中一季度22亿元、二季度26亿元。', '50亿元', /48亿元/);
    fires('sum-mismatch', '线上32亿元、线下50亿元，合计80亿元。', '80亿元');
    fires('sum-mismatch', '全年进出口总额8000亿元，增长5.2%。其中，出口4800亿元，增长8.1%；进口3400亿元，增长1.1%。', '8000亿元');
  });

  it('near misses: a split that adds up, an incomplete list', () => {
    quiet('上半年营收50亿元，其中一季度24亿元、二季度26亿元。');
    quiet('全年进出口总额8000亿元，增长5.2%。其中，出口4800亿元，增长8.1%；进口3200亿元，增长1.1%。');
    quiet('共查处案件120起，其中刑事案件80起、行政案件30起。');
    quiet('2022年全市实现地区生产总值1.2万亿元，比上年增长3.5%。其中，第一产业增加值120.5亿元，增长4.1%；第二产业增加值4500.3亿元，增长2.8%；第三产业增加值7380.6亿元，增长3.9%。');
  });

  it('rounding edges: the sum interval of rounded parts', () => {
    quiet('上半年营收5.0亿元，其中一季度2.2亿元、二季度2.7亿元。');
    fires('sum-mismatch', '上半年营收5.0亿元，其中一季度2.2亿元、二季度2.6亿元。', '5.0亿元');
  });
});

describe('rule percent-sum-over-100', () => {
  it('fires when the shares of one breakdown pass 100%', () => {
    fires('percent-sum-over-100', '线上渠道占45%，线下门店占35%，其他渠道占25%。', '25%', /105\.0%/);
    fires('percent-sum-over-100', '三类用户分别占33%、34%、35%。', '35%');
  });

  it('near misses: rounding, two breakdowns, multiple choice, one category twice', () => {
    quiet('三类用户分别占33%、33%、35%。');
    quiet('线上占60%、线下占40%，男性用户占55%、女性用户占45%。');
    quiet('受访者中，使用手机支付的占85%，使用现金的占40%（可多选）。');
    quiet('线上销售额占比60%，线上用户占比70%。');
    quiet('男性用户占52.3%，女性用户占47.7%。');
    quiet('公司拥有员工3.2万人，其中本科及以上学历占比65%，研发人员占比28%，女性员工占比42%。');
    quiet('报告显示，95后用户占比达到42%，00后用户占比为28%，90后用户占比为30%。');
  });

  it('a Markdown list under a 构成/占比 heading is one breakdown', () => {
    const md = '## 用户构成\n\n- 一线城市：30%\n- 二线城市：40%\n- 其他：35%\n';
    const seen = findingsOf('percent-sum-over-100', md);
    assert.deepStrictEqual(seen.map((s) => [s.at, s.line]), [['35%', 4]]);
    quiet(md.replace('35%', '30%'));
    quiet('线上和线下销售额分别占各自市场的30%和80%。');
  });

  it('comma-separated shares count as one breakdown with a remainder, a pair, or a shared head', () => {
    fires('percent-sum-over-100', '一线城市用户占30%，二线城市用户占40%，三线及以下城市用户占35%。', '35%');
    fires('percent-sum-over-100', '男性用户占55.3%，女性用户占47.7%。', '47.7%');
  });
});

describe('rule multiple-mismatch', () => {
  it('fires on 倍 and 翻番 that contradict the figures', () => {
    fires('multiple-mismatch', '营收从2.0亿元增长到6.0亿元，翻了两番。', '翻了两番', /×3/);
    fires('multiple-mismatch', '今年营收8.0亿元，是去年2.0亿元的3倍。', '3倍', /×4/);
    fires('multiple-mismatch', '营收从2.0亿元增长到6.0亿元，增长了五倍。', '五倍');
  });

  it('near misses: 增长了两倍 read as ×3, a correct 翻番, a correct 是…的N倍', () => {
    quiet('营收从2.0亿元增长到6.0亿元，增长了两倍。');
    quiet('营收从2.0亿元增长到8.0亿元，翻了两番。');
    quiet('营收从2.0亿元增长到4.1亿元，翻了一番。');
    quiet('今年营收6.0亿元，是去年2.0亿元的3倍。');
    quiet('活动期间，平台销售额同比增长2.4倍，从1.5亿元增长到5.1亿元。');
  });

  it('rounding edges: single-digit 亿 figures are ±0.5亿', () => {
    quiet('今年营收8亿元，是去年2亿元的3倍。');
  });
});
