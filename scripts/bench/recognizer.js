// The reference the bench measures zh-figures against, in the same run on the same text:
// Microsoft Recognizers-Text (MIT, github.com/microsoft/Recognizers-Text), the well-known
// open-source recognizer of numbers and numbers with units, in its JavaScript build with the
// Chinese culture. "With its unit models on" means its number models (number, ordinal,
// percentage) plus its number-with-unit models (currency, dimension, temperature, age): what it
// takes to find roughly what `zh-figures extract` finds.
//
// Each model is built once and warmed up; text is fed a paragraph at a time, its own usage
// (an utterance per call) and by far its fastest: its unit models slow down sharply on long
// inputs (one 30,000-character string: 150 chars/s for currency).
'use strict';
const path = require('path');

const NUMBER_MODELS = ['getNumberModel', 'getOrdinalModel', 'getPercentageModel'];
const UNIT_MODELS = ['getCurrencyModel', 'getDimensionModel', 'getTemperatureModel', 'getAgeModel'];

/** The recognizer's models, or the reason it cannot be loaded. */
function loadRecognizer() {
  let numbers;
  let units;
  try {
    numbers = require('@microsoft/recognizers-text-number');
    units = require('@microsoft/recognizers-text-number-with-unit');
  } catch (e) {
    return { error: `not installed (${e.code ?? e.message}); run npm install` };
  }
  const culture = 'zh-cn';
  const nr = new numbers.NumberRecognizer(culture);
  const ur = new units.NumberWithUnitRecognizer(culture);
  const version = require(path.join(path.dirname(require.resolve('@microsoft/recognizers-text-number-with-unit')), '..', 'package.json')).version;
  return {
    tool: `@microsoft/recognizers-text ${version}`,
    culture,
    numberModels: NUMBER_MODELS.map((m) => ({ name: m.slice(3, -5).toLowerCase(), model: nr[m]() })),
    unitModels: UNIT_MODELS.map((m) => ({ name: m.slice(3, -5).toLowerCase(), model: ur[m]() })),
  };
}

/** Characters per second of `models` over `text`, fed paragraph by paragraph, after a warm-up. */
function throughput(models, text) {
  const paragraphs = text.split('\n').filter((p) => p.length > 0);
  for (const { model } of models) model.parse('平台累计保护知识产权超64万项，涉案金额达38.87亿元，占比98%。');
  let found = 0;
  const t0 = performance.now();
  for (const p of paragraphs) for (const { model } of models) found += model.parse(p).length;
  const ms = performance.now() - t0;
  return { charsPerSec: Math.round((text.length / ms) * 1000), ms: Math.round(ms * 10) / 10, found };
}

module.exports = { loadRecognizer, throughput };
