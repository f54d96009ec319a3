import * as assert from 'assert';
import fc from 'fast-check';
import { findEntities, nextEnumeration, ENUMERATION_RE } from '../../server/src/core/entities';

const types = (text: string, words = []) => findEntities(text, words).map((e) => `${e.type}:${e.text}`);

describe('entities', () => {
  it('finds works in 《》', () => {
    assert.deepStrictEqual(types('发布《2021知识产权保护年报》显示'), ['work:《2021知识产权保护年报》']);
  });

  it('finds organisations by suffix, walking back to the start of the name', () => {
    assert.ok(types('协助广州食药环侦支队开展打假行动').includes('org:广州食药环侦支队'));
    assert.ok(types('捷豹路虎(中国)有限公司知识产权副经理').includes('org:捷豹路虎(中国)有限公司'));
    assert.ok(types('与清华大学等高校合作').includes('org:清华大学'));
    assert.ok(types('中华商标协会、北京反侵权假冒联盟等').includes('org:中华商标协会'));
  });

  it('does not take generic heads for names', () => {
    assert.ok(!types('该公司表示').some((t) => t.startsWith('org:')));
    assert.ok(!types('行业协会').includes('org:行业协会'));
  });

  it('finds people after a title and before a speech verb', () => {
    assert.ok(types('阿里巴巴知识产权运营负责人徐骏表示').includes('person:徐骏'));
    assert.ok(types('副经理沈雅卿就表示').includes('person:沈雅卿'));
    assert.ok(types('“我们还通过合作。”徐骏称').includes('person:徐骏'));
  });

  it('does not take a relating word or a kind of company for an organisation', () => {
    // 归属于上市公司股东的净利润: 上市公司 is what kind of company, 归属于 relates it.
    assert.deepStrictEqual(types('归属于上市公司股东的净利润9.87亿元').filter((t) => t.startsWith('org:')), []);
    assert.deepStrictEqual(types('上市公司数量达5000家').filter((t) => t.startsWith('org:')), []);
    assert.ok(types('中国上市公司协会发布报告').includes('org:中国上市公司协会'));
    assert.ok(types('总部位于深圳的华为技术有限公司').includes('org:华为技术有限公司'));
  });

  it('finds transliterated names after a title, and speech verbs such as 宣布', () => {
    assert.ok(types('美国苹果公司首席执行官库克表示，销量增长。').includes('person:库克'));
    assert.ok(types('特斯拉首席执行官马斯克在社交媒体上表示').includes('person:马斯克'));
    assert.ok(types('小米集团创始人雷军在发布会上宣布。').includes('person:雷军'));
    // A title and its verb with no name between take nothing.
    assert.ok(!types('发言人在会上表示').some((t) => t.startsWith('person:')));
    assert.ok(!types('公司负责人介绍').some((t) => t.startsWith('person:')));
  });

  it('knows ministries and large companies, and takes the suffix after a known name', () => {
    assert.ok(types('中国人民银行、国家发展改革委和财政部联合发布通知。').includes('org:财政部'));
    assert.ok(types('特斯拉首席执行官马斯克表示').includes('org:特斯拉'));
    assert.ok(types('联想集团发布财报').includes('org:联想集团'));
    assert.ok(!types('联想集团发布财报').includes('org:联想'));
  });

  it('keeps the words of company names the tagger calls verbs (控股, 租赁)', () => {
    assert.ok(types('华辰控股集团发布公告').includes('org:华辰控股集团'));
    assert.ok(types('由华辰控股集团发布').includes('org:华辰控股集团'));
    // The kind of company without its name is not a name.
    assert.ok(!types('远航租赁有限公司').includes('org:租赁有限公司'));
  });

  it('finds people whose speech verb comes after where they spoke (在…上/时/中)', () => {
    assert.ok(types('国家知识产权局局长申长雨在新闻发布会上表示').includes('person:申长雨'));
    assert.ok(types('公司总裁王建国在接受采访时指出').includes('person:王建国'));
    assert.ok(types('院长李明在会上强调').includes('person:李明'));
    // 在 with no place and time after it is not that shape: nothing is taken for a name.
    assert.ok(!types('局长在会上表示').some((t) => t.startsWith('person:')));
    assert.ok(!types('书记张华在，表示').some((t) => t.startsWith('person:')));
  });

  it('types the items of an enumeration by its head noun', () => {
    const t = types('与福特、本田、吉利等汽车品牌合作，协助浙江、广东等地执法');
    for (const want of ['org:福特', 'org:本田', 'org:吉利', 'place:浙江', 'place:广东']) assert.ok(t.includes(want), `${want} in ${t}`);
    const p = types('查获“片仔癀”、“安宫牛黄丸”等假药');
    assert.ok(p.includes('product:片仔癀') && p.includes('product:安宫牛黄丸'), String(p));
  });

  it('does not cut a place out of another word', () => {
    const t = types('其中超过10亿消费者来自中国市场');
    assert.ok(t.includes('place:中国'), String(t));
    assert.ok(!t.includes('place:中国市'), String(t));
  });

  it('finds places and product models', () => {
    assert.ok(types('在厦门召开').includes('place:厦门'));
    assert.ok(types('新款iPhone 14上市').includes('product:iPhone 14'));
  });

  it('uses the user dictionary first', () => {
    const t = findEntities('嗨体和热玛吉合作', [{ word: '嗨体', type: 'product' }]);
    assert.deepStrictEqual(t.map((e) => `${e.type}:${e.text}`).slice(0, 1), ['product:嗨体']);
  });

  it('never returns overlapping entities', () => {
    const list = findEntities('捷豹路虎(中国)有限公司与中国版权保护中心在北京');
    for (let i = 1; i < list.length; i++) assert.ok(list[i].start >= list[i - 1].end);
  });

  it('finds the enumerations a plain search of the pattern finds, though it starts late', () => {
    const piece = fc.constantFrom('福特', '本田', '“片仔癀”', '"安宫牛黄丸"', 'Honda', '、', '等', '等汽车品牌', '等地', '等假药', '等等', '品牌', '，', '。', ' ', '1', '中', '"', '“', '”');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 30 }).map((a) => a.join('')), (text) => {
        const plain = new RegExp(ENUMERATION_RE.source, 'g');
        const want: Array<[number, string]> = [];
        let m: RegExpExecArray | null;
        while ((m = plain.exec(text)) !== null) want.push([m.index, m[0]]);
        const got: Array<[number, string]> = [];
        for (let from = 0; (m = nextEnumeration(text, from)) !== null; from = m.index + m[0].length) got.push([m.index, m[0]]);
        assert.deepStrictEqual(got, want);
      }),
      { numRuns: 500 },
    );
  });
});
