import * as assert from 'assert';
import { findExclusions, overlapsAny } from '../../server/src/core/exclusions';

describe('exclusions', () => {
  const covered = (text: string, part: string) => {
    const spans = findExclusions(text);
    const at = text.indexOf(part);
    return overlapsAny(spans, at, at + part.length);
  };

  const cases: Array<[string, string]> = [
    ['电话：0086-10-82081166-6059', '82081166'],
    ['传真：0086-10-82081900', '82081900'],
    ['邮箱：alltech@china.org.cn', 'alltech'],
    ['网站联系邮箱:435 227 67@qq.com', '435'],
    ['琼ICP备2022009675号-3', '2022009675'],
    ['京公网安备 11010502030143号', '11010502030143'],
    ['见 https://www.example.com/a/123', '123'],
    ['(LIVE.100EC.CN)', '100'],
    ['手机13912345678', '13912345678'],
    ['© 2012-2020 财经快报网', '2012'],
    ['沪深300指数', '300'],
    ['3·15晚会', '15'],
    ['双11期间', '11'],
    ['版本v2.3', '2.3'],
    ['升级到3.2.1', '3.2.1'],
    ['体系1.0产品', '1.0'],
    ['GB/T 15835-2011', '15835'],
    ['致电010-82081166', '82081166'],
    ['拨打400-820-8820', '820'],
    ['或+86 138 1234 5678', '1234'],
    ['备案号：A12345', '12345'],
    ['营业执照 91330100MA27', '91330100'],
  ];
  for (const [text, part] of cases) {
    it(`covers ${part} in ${text}`, () => assert.ok(covered(text, part)));
  }

  const kept: Array<[string, string]> = [
    ['增长3.5个百分点', '3.5'],
    ['超64万项', '64'],
    ['平台3.6万个', '3.6'],
    ['涉案金额达38.87亿', '38.87'],
    ['2023-03-23 19:06:55', '2023'],
    ['举报3万次', '3'],
  ];
  for (const [text, part] of kept) {
    it(`leaves ${part} in ${text}`, () => assert.ok(!covered(text, part)));
  }

  it('merges overlapping spans and answers overlap queries', () => {
    const spans = findExclusions('请拨打电话：010-12345678 邮箱：a@b.cn');
    for (let i = 1; i < spans.length; i++) assert.ok(spans[i].start > spans[i - 1].end);
    assert.ok(!overlapsAny(spans, 0, 2));
  });
});
