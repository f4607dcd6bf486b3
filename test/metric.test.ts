/** The eval's metric, on cases whose scores can be worked out by hand. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { scoreCorpus, scorePage } from '../scripts/lib/metric.ts';

test('identical texts score 1, 1', () => {
  assert.deepEqual([scorePage('a b c d e', 'a b c d e').precision, scorePage('a b c d e', 'a b c d e').recall], [1, 1]);
});

test('an empty prediction has recall 0', () => {
  const s = scorePage('', 'one two three four five');
  assert.equal(s.recall, 0);
});

test('a repeated block costs precision: duplicates count', () => {
  const s = scorePage('one two three four\none two three four', 'one two three four');
  // Shingles of the prediction: 5 (one of them spans the join); 1 shared.
  assert.equal(s.recall, 1);
  assert.ok(s.precision < 0.5);
});

test('tokens are Unicode word runs, so punctuation does not matter', () => {
  assert.equal(scorePage('Привет, мир: это тест!', 'привет мир это тест').precision, 0);
  assert.equal(scorePage('Привет, мир: это тест!', 'Привет мир это тест').precision, 1);
});

test('corpus F1 is the harmonic mean of the averaged precision and recall', () => {
  const c = scoreCorpus([
    { precision: 1, recall: 0.5, tp: 0, fp: 0, fn: 0 },
    { precision: 0.5, recall: 1, tp: 0, fp: 0, fn: 0 },
  ]);
  assert.equal(c.precision, 0.75);
  assert.equal(c.recall, 0.75);
  assert.equal(c.f1, 0.75);
});
