#!/usr/bin/env node
// Writes zh-report.tmLanguage.json and zh-report.markdown-injection.json from the word lists
// below. TextMate rules are single regexes that cannot include each other, so a figure rule
// (qualifier + number + scale + unit + qualifier) is composed here instead of by hand.
// `node syntaxes/build-grammars.js --check` fails when the JSON files are out of date.
//
// Word lists come from the compiled analysis core (out/server/src/core/{units,qualifiers}.js,
// built by `tsc -p .`), so that what is coloured is what the analyser reads; a few measure words
// that mostly start ordinary words after a Chinese numeral (十分, 三国, 一点) are left out on
// purpose, and some qualifiers carry guards a single regex needs.
'use strict';
const fs = require('fs');
const path = require('path');
const core = (name) => {
  const file = path.join(__dirname, '..', 'out', 'server', 'src', 'core', `${name}.js`);
  if (!fs.existsSync(file)) throw new Error(`${file} is missing: run \`npx tsc -p .\` (npm run compile) first`);
  return require(file);
};
const { unitTexts, currencyPrefixTexts, matchUnit } = core('units');
const { PREFIX_QUALIFIERS, INNER_SUFFIXES, OUTER_SUFFIXES } = core('qualifiers');
/** The core's qualifier words of one kind, minus those the grammar writes with a guard. */
const qualifierWords = (table, q, guarded = []) => table.filter((w) => w.qualifier === q && !guarded.includes(w.text)).map((w) => w.text);

const SUFFIX = 'zh-report';
const sc = (name) => `${name}.${SUFFIX}`;

/** Escapes regex metacharacters of a literal word. */
const lit = (w) => w.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
/** An alternation of words, longest first, so that 个百分点 wins over 个. */
const alt = (words) => `(?:${[...new Set(words)].sort((a, b) => b.length - a.length || (a < b ? -1 : 1)).map(lit).join('|')})`;
const words = (s) => s.trim().split(/\s+/);

// ---------------------------------------------------------------------------------------------
// Building blocks

const D = '[0-9０-９]';
/** Arabic number: optional sign, ASCII thousands separators, decimal point (also full-width). */
const ARABIC = `[-−－+]?(?:${D}{1,3}(?:,${D}{3})+|${D}+)(?:[.．]${D}+)?`;
/** Not glued to a Latin word or another number (5G, H.264, LIVE.100EC are not figures). */
const NOT_AFTER_WORD = '(?<![0-9０-９A-Za-z_.．])';
const NOT_BEFORE_WORD = '(?![0-9０-９A-Za-z])';
/** 万/亿 after Arabic digits (38.87亿, 1.2万亿, 4千), but not the first character of 千克, 百分点… */
const SCALE = '(?:(?!千克|千米|千瓦|千卡|百分点|百分之|千分之|万分之)[百千万亿])+';

const CN_DIGIT = '[〇零一二两三四五六七八九壹贰貳叁參肆伍陆陸柒捌玖]';
const CN_SCALE = '[十百千万亿拾佰仟萬億]';
const CN_ANY = `(?:${CN_DIGIT}|${CN_SCALE}|几)`;
/** Chinese numeral with a scale character (一万, 两万五, 十几, 三千万); starts with a digit or 十. */
const CN_SCALED = `(?:(?:${CN_DIGIT}|几)(?:${CN_DIGIT}|几)*${CN_SCALE}${CN_ANY}*|[十拾]${CN_ANY}+)`;
/** Chinese digits only (三四, 五): a figure only before a unit; a lone 一 is an article (一个, 一起). */
const CN_PLAIN = `(?:(?!一(?!${CN_DIGIT})|二次)${CN_DIGIT}+|[十拾])`;
const NOT_AFTER_CN = '(?<![〇零一二两三四五六七八九十百千万亿壹贰貳叁參肆伍陆陸柒捌玖拾佰仟萬億几第数])';

// Qualifiers (server/src/core/qualifiers.ts), grouped by the contract's qualifier names.
// Some prefixes are guarded against the word they usually end (链接|近50万条 is not 接近).
const PREFIX = {
  over: `(?:${alt(qualifierWords(PREFIX_QUALIFIERS, 'over', ['超']))}|(?<![赶高])超)`,
  about: alt(qualifierWords(PREFIX_QUALIFIERS, 'about')),
  nearly: `(?:${alt(qualifierWords(PREFIX_QUALIFIERS, 'nearly', ['接近', '近']))}|(?<![链连衔直间对迎承])接近|(?<![最附邻靠贴亲])近(?!(?:[0-9０-９]+|[一二两三四五六七八九十几数]+)(?:年|个月|天|周|日|个季度)))`,
  under: alt(qualifierWords(PREFIX_QUALIFIERS, 'under')),
  'at-least': alt(qualifierWords(PREFIX_QUALIFIERS, 'at-least')),
  'at-most': alt(qualifierWords(PREFIX_QUALIFIERS, 'at-most')),
};
const INNER = { over: alt(qualifierWords(INNER_SUFFIXES, 'over')), about: alt(qualifierWords(INNER_SUFFIXES, 'about')) };
const OUTER = {
  'at-least': alt(qualifierWords(OUTER_SUFFIXES, 'at-least')),
  'at-most': alt(qualifierWords(OUTER_SUFFIXES, 'at-most')),
  about: `(?:${alt(qualifierWords(OUTER_SUFFIXES, 'about', ['上下']))}|上下(?![游文级班车楼限线]))`,
  over: `(?:${alt(qualifierWords(OUTER_SUFFIXES, 'over', ['多']))}|多(?![元样种方项次家个地维措层重媒彩端人少]))`,
};

// Units: the core's, plus the tenth 成 (read by a rule of its own); Latin units only count when
// not followed by a letter.
const NOT_COLOURED_UNITS = new Set(['分', '国', '点']);
const UNITS = [...unitTexts().filter((u) => !NOT_COLOURED_UNITS.has(u)), '成'];
const UNIT_ALT = alt(UNITS);
// A half inside a unit of time (三个半月, 两个半小时) or after a unit of time, a quantity or a
// multiple (两天半, 一年半, 一倍半; not 两吨半导体), as the scanner reads them.
const HALF_INSIDE = '个半(?:月|小时|钟头|星期|礼拜)';
const HALVED = alt(UNITS.filter((u) => ['duration', 'quantity', 'multiple'].includes(matchUnit(u, 0)?.kind)));
const HALF_AFTER = '半(?=[^\\u4e00-\\u9fff]|$|以|之|左|的|来|后|内|时间|期间|前)';
const UNIT = `(?:${HALF_INSIDE}|${HALVED}${HALF_AFTER}|${UNIT_ALT})(?:[/／]每?${UNIT_ALT})?`;
const CURRENCY_PREFIX = `(?:${alt(currencyPrefixTexts())})`;

// ---------------------------------------------------------------------------------------------
// A tiny composer: pieces are raw regex strings or [regex, scope] pairs that become numbered
// capture groups; optional([...]) wraps a sequence in (?:...)?.

function compose(pieces) {
  let re = '';
  const captures = {};
  let n = 0;
  const walk = (list) => {
    let out = '';
    for (const p of list) {
      if (typeof p === 'string') out += p;
      else if (Array.isArray(p)) {
        n += 1;
        if (p[1]) captures[n] = { name: p[1] };
        out += `(${p[0]})`;
      } else if (p.optional) out += `(?:${walk(p.optional)})?`;
      else if (p.oneOf) out += `(?:${p.oneOf.map((seq) => walk(seq)).join('|')})`;
    }
    return out;
  };
  re = walk(pieces);
  return { match: re, captures };
}
const optional = (...seq) => ({ optional: seq });
const oneOf = (...seqs) => ({ oneOf: seqs });

const qualifierScope = (q) => sc(`storage.modifier.qualifier.${q}`);
const prefixQualifier = optional(
  oneOf(...Object.entries(PREFIX).map(([q, re]) => [[re, qualifierScope(q)]])),
  '[ \\u00a0]?',
);
const innerQualifier = optional(oneOf(...Object.entries(INNER).map(([q, re]) => [[re, qualifierScope(q)]])));
const outerQualifier = optional(oneOf(...Object.entries(OUTER).map(([q, re]) => [[re, qualifierScope(q)]])));
const unit = (required) => (required ? [[UNIT, sc('keyword.other.unit')]] : [optional('[ \\u00a0]?', [UNIT, sc('keyword.other.unit')])]);

function figureRule(comment, pieces) {
  const { match, captures } = compose(pieces);
  return { comment, name: sc('meta.figure'), match, captures };
}

// ---------------------------------------------------------------------------------------------
// Rules

const CN_MONTH = '(?:十[一二]?|[一二三四五六七八九])';
const CN_DAY = '(?:三十一?|二十[一二三四五六七八九]?|十[一二三四五六七八九]?|[一二三四五六七八九])';
const YEAR = `(?:${D}{4}|[〇零一二三四五六七八九]{4})年`;
const MONTH = `(?:1[0-2]|0?[1-9]|１[０-２]|０?[１-９]|${CN_MONTH})月份?`;
const DAY = `(?:3[01]|[12][0-9]|0?[1-9]|[０-３]?[０-９]|${CN_DAY})[日号]`;
const QUARTER = '(?:第?[一二三四1-4１-４]季度|[上下]半年|前[一二三]季度|全年|年初|年底|年末)';
const MONTH_PART = '(?:初|底|末|上旬|中旬|下旬)';

const repository = {
  dates: {
    patterns: [
      {
        comment: 'ISO-style dates: 2023-03-23, 2023/3/23, 2023.03.23',
        name: sc('constant.other.date'),
        match: `(?<![0-9０-９.．])[0-9]{4}([-/.])(?:1[0-2]|0?[1-9])\\1(?:3[01]|[12][0-9]|0?[1-9])(?![0-9])`,
      },
      {
        comment: '2021年, 2021年3月31日, 2022年底, 2023年一季度, 二〇二一年度',
        name: sc('constant.other.date'),
        match: `(?<![0-9０-９.．])${YEAR}(?:度|${MONTH}(?:${DAY}|${MONTH_PART})?|(?:${QUARTER}|初|底|末|内))?`,
      },
      {
        comment: '3月23日, 3月, 1-3月, 十二月下旬 (no year)',
        name: sc('constant.other.date'),
        match: `(?<![0-9０-９.．〇零一二两三四五六七八九十第])(?:(?:1[0-2]|0?[1-9])[-—~～至到])?${MONTH}(?:${DAY}|${MONTH_PART})?`,
      },
      {
        comment: 'Named days written month·day: 3·15, 5·12',
        name: sc('constant.other.date'),
        match: '(?<![0-9０-９.．·])(?:1[0-2]|[1-9])[·・](?:3[01]|[12][0-9]|[1-9])(?![0-9])',
      },
      {
        comment: '31日 on its own (but 30日内 is a duration)',
        name: sc('constant.other.date'),
        match: '(?<![0-9０-９.．月])(?:3[01]|[12][0-9]|0?[1-9])日(?!内)',
      },
      {
        comment: 'Dates relative to the publication date: 去年底, 今年一季度, 上半年, 本月, 昨天, 周一',
        name: sc('constant.other.date.relative'),
        match: `(?:(?<![以之])(?:今|去|明|前|上|本|同|当)年(?:${QUARTER}|初|底|末|度|内)?|(?<![0-9０-９])${QUARTER}|(?<![线网以之])(?:本|上个?|下个?|当|次|同)月${MONTH_PART}?|(?<![岁年])月(?:初|底|末)|(?:昨|今|明|前)天|(?:昨|今|明)日|(?<![每一两三四五六七八九十几])(?:星期|礼拜|周)[一二三四五六日天](?!次)|双(?:11|12|十一|十二)(?![0-9])|(?:本|上|下)周)`,
      },
    ],
  },
  times: {
    patterns: [
      {
        comment: '19:06:55, 9：30',
        name: sc('constant.other.time'),
        match: '(?<![0-9０-９:：.])(?:[01]?[0-9]|2[0-3])[:：][0-5][0-9](?:[:：][0-5][0-9])?(?![0-9])',
      },
      {
        comment: '14时30分, 下午3点半',
        name: sc('constant.other.time'),
        match: '(?:(?<![0-9])(?:[01]?[0-9]|2[0-4])时(?:[0-5]?[0-9]分)?(?:[0-5]?[0-9]秒)?|(?:凌晨|上午|中午|下午|晚上|傍晚|早上)(?:[0-9]{1,2}|[一二三四五六七八九十]{1,3})[点时](?:半|[0-5]?[0-9]分)?)',
      },
    ],
  },
  guards: {
    comment: 'Text that contains digits but is not a figure; matched first so that no figure rule sees it.',
    patterns: [
      { name: sc('markup.underline.link'), match: '(?:https?|ftp)://[^\\s，。、；：！？“”‘’（）《》「」<>"\']+' },
      {
        comment: 'Telephone numbers: 0086-10-82081166, 010-82081166, +86 138 0013 8000',
        name: sc('meta.phone-number'),
        match: '(?<![0-9０-９])(?:(?:\\+|00)86[- ]?)?(?:0[0-9]{1,3}-[0-9]{7,8}|[0-9]{2,4}-[0-9]{2,4}-[0-9]{6,8}|1[3-9][0-9](?:[0-9]{8}|[ -][0-9]{4}[ -][0-9]{4}))(?![0-9])',
      },
      {
        comment: 'Latin words, product and model names: iPhone 14, GPT-4, H.264, LIVE.100EC.CN, COVID-19 (but not AACA 1000家)',
        name: sc('meta.latin-word'),
        match: `(?<![0-9０-９A-Za-z])(?!${CURRENCY_PREFIX}[ ]?[0-9])[A-Za-z][A-Za-z0-9]*(?:[-_.][A-Za-z0-9]+)*(?:[ ][0-9]+(?:\\.[0-9]+)?(?![0-9.]|[ ]?(?:${SCALE}|${UNIT_ALT})))?`,
      },
    ],
  },
  ordinals: {
    patterns: [
      {
        comment: '第3次, 第十五届: an ordinal is a position, not an amount',
        match: `(第)(${ARABIC.replace('[-−－+]?', '')}|${CN_ANY}+)`,
        captures: { 1: { name: sc('keyword.other.ordinal') }, 2: { name: sc('constant.other.ordinal') } },
      },
    ],
  },
  figures: {
    patterns: [
      figureRule('百分之三十, 千分之五', [
        prefixQualifier,
        ['百分之|千分之|万分之', sc('keyword.other.unit')],
        [`${ARABIC}|${CN_ANY}+`, sc('constant.numeric.chinese')],
        outerQualifier,
      ]),
      figureRule('三分之一, 2分之1', [
        prefixQualifier,
        [`(?:${ARABIC}|${CN_ANY}+)分之(?:${ARABIC}|${CN_ANY}+)`, sc('constant.numeric.fraction')],
        outerQualifier,
      ]),
      figureRule('翻番, 翻了两番', [
        ['翻了?', sc('keyword.other.unit')],
        optional([`${ARABIC}|${CN_DIGIT}+`, sc('constant.numeric.chinese')]),
        ['番', sc('keyword.other.unit')],
      ]),
      figureRule('Arabic figures: 超64万项, 38.87亿元, US$1.2亿, 近50万条, 30余家, 70%以上, 1,000 家', [
        NOT_AFTER_WORD,
        prefixQualifier,
        optional([CURRENCY_PREFIX, sc('keyword.other.unit.currency')], '[ \\u00a0]?'),
        [ARABIC, sc('constant.numeric.decimal')],
        '(?![0-9０-９])',
        optional([SCALE, sc('constant.numeric.scale')]),
        innerQualifier,
        optional([SCALE, sc('constant.numeric.scale')]),
        ...unit(false),
        outerQualifier,
        NOT_BEFORE_WORD,
      ]),
      figureRule('Vague amounts: 数十万, 近百家, 超万人', [
        NOT_AFTER_CN,
        oneOf(
          [[PREFIX.over, qualifierScope('over')]],
          [[PREFIX.nearly, qualifierScope('nearly')]],
          [[`${PREFIX.about}|数|几`, qualifierScope('about')]],
        ),
        [`[十百千万亿]+`, sc('constant.numeric.chinese')],
        innerQualifier,
        ...unit(false),
        outerQualifier,
      ]),
      figureRule('Chinese numerals with a scale: 一万家, 两万五, 十几个, 壹拾万元', [
        NOT_AFTER_CN,
        prefixQualifier,
        [CN_SCALED, sc('constant.numeric.chinese')],
        innerQualifier,
        ...unit(false),
        outerQualifier,
      ]),
      figureRule('Chinese digits before a unit: 三四个月, 五家, 九成以上', [
        NOT_AFTER_CN,
        prefixQualifier,
        [CN_PLAIN, sc('constant.numeric.chinese')],
        innerQualifier,
        ...unit(true),
        outerQualifier,
      ]),
      {
        comment: 'The dash of a range between two figures: 9亿～16亿, 15%~30%, 3至5年',
        name: sc('keyword.operator.range'),
        match: '(?<=[0-9０-９%％万亿元])(?:[～~〜]|至|到)(?=[约近超0-9０-９])',
      },
    ],
  },
  'prose-figures': {
    comment: 'Everything about figures, in priority order; the Markdown injection includes this.',
    patterns: [
      { include: '#guards' },
      { include: '#dates' },
      { include: '#times' },
      { include: '#ordinals' },
      { include: '#figures' },
    ],
  },
  titles: {
    patterns: [
      {
        comment: '《2021知识产权保护年报》: names of works; digits inside are part of the name',
        name: sc('string.quoted.other.title'),
        match: '(《)([^《》\\n]*)(》)',
        captures: {
          1: { name: sc('punctuation.definition.string.begin') },
          2: { patterns: [{ include: '#inner-titles' }] },
          3: { name: sc('punctuation.definition.string.end') },
        },
      },
      { include: '#inner-titles' },
    ],
  },
  'inner-titles': {
    patterns: [
      {
        name: sc('string.quoted.other.title.inner'),
        match: '(〈)([^〈〉\\n]*)(〉)',
        captures: {
          1: { name: sc('punctuation.definition.string.begin') },
          3: { name: sc('punctuation.definition.string.end') },
        },
      },
    ],
  },
  comments: {
    comment: 'Silencing markers read by server/src/core/checks/suppressions.ts, bare or inside <!-- -->.',
    patterns: [
      {
        name: sc('comment.block'),
        begin: '<!--',
        end: '-->',
        captures: { 0: { name: sc('punctuation.definition.comment') } },
        patterns: [{ include: '#markers' }],
      },
      { include: '#markers' },
    ],
  },
  markers: {
    patterns: [
      {
        name: sc('comment.line.suppression'),
        match: '(zh-figures-(?:disable-next-line|disable-line|disable-file|disable|enable))\\b((?:[ \\t,:，]+[a-z0-9]+(?:-[a-z0-9]+)*)*)',
        captures: { 1: { name: sc('keyword.other.directive') }, 2: { name: sc('constant.language.rule-code') } },
      },
    ],
  },
  quotes: {
    comment: 'Quoted terms and speech; they end at the end of the line so that a stray quote does not colour the rest of the file.',
    patterns: [
      quoteRule('“', '”', 'string.quoted.double'),
      quoteRule('‘', '’', 'string.quoted.single'),
      quoteRule('「', '」', 'string.quoted.other.corner'),
      quoteRule('『', '』', 'string.quoted.other.corner'),
    ],
  },
};

function quoteRule(open, close, scope) {
  return {
    name: sc(scope),
    begin: open,
    beginCaptures: { 0: { name: sc('punctuation.definition.string.begin') } },
    end: `${close}|$`,
    endCaptures: { 0: { name: sc('punctuation.definition.string.end') } },
    patterns: [{ include: '#titles' }, { include: '#prose-figures' }],
  };
}

const grammar = {
  $schema: 'https://raw.githubusercontent.com/martinring/tmlanguage/master/tmlanguage.json',
  name: 'Chinese report (zh-figures)',
  scopeName: `text.${SUFFIX}`,
  comment: 'Generated by syntaxes/build-grammars.js; edit that file, then run it.',
  patterns: [{ include: '#comments' }, { include: '#titles' }, { include: '#quotes' }, { include: '#prose-figures' }],
  repository,
};

const injection = {
  $schema: 'https://raw.githubusercontent.com/martinring/tmlanguage/master/tmlanguage.json',
  name: 'zh-figures figures in Markdown',
  scopeName: `text.${SUFFIX}.markdown-injection`,
  comment: 'Generated by syntaxes/build-grammars.js. Colours figures, units, qualifiers and dates in Markdown prose, never in code, links or HTML.',
  injectionSelector:
    'L:text.html.markdown -markup.fenced_code -markup.inline.raw -markup.raw -meta.embedded -markup.underline.link -meta.link.reference.def -meta.tag -comment',
  patterns: [{ include: `text.${SUFFIX}#prose-figures` }],
};

const outputs = {
  'zh-report.tmLanguage.json': grammar,
  'zh-report.markdown-injection.json': injection,
};

const check = process.argv.includes('--check');
let stale = 0;
for (const [file, json] of Object.entries(outputs)) {
  const target = path.join(__dirname, file);
  const text = `${JSON.stringify(json, null, 2)}\n`;
  if (check) {
    const current = fs.existsSync(target) ? fs.readFileSync(target, 'utf8') : '';
    if (current !== text) {
      stale += 1;
      console.error(`syntaxes/${file} is out of date: run node syntaxes/build-grammars.js`);
    }
  } else {
    fs.writeFileSync(target, text);
    console.log(`wrote syntaxes/${file}`);
  }
}
if (stale) process.exit(1);
