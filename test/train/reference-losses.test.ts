import { expect } from 'chai';
import { constantLoss, resolveClassWeight } from '../../lib/train/reference-losses';
import type { Model } from '../../lib/models/model';
import { InputError } from '../../lib/util/errors';
import { expectError } from '../helpers';

// Only the fields these functions read: the task and the number of outputs.
const as = (task: string, outputSize = 1) => ({ task, outputSize }) as unknown as Model;

describe('the losses a fit is measured against, and class weights (train/reference-losses.ts)', () => {
  it("balanced class weights are scikit-learn's n / (k · count); given ones are checked", () => {
    // 6 labels, 2 classes: four 0s → 6 / (2 · 4) = 0.75, two 1s → 6 / (2 · 2) = 1.5 (compute_class_weight("balanced")).
    const y = Float32Array.from([0, 0, 0, 0, 1, 1]);
    expect(resolveClassWeight(as('binary'), y, 'balanced')).to.deep.equal({ 0: 0.75, 1: 1.5 });
    // Three classes, one absent from the labels: its weight is 0, the others 6 / (3 · count).
    expect(resolveClassWeight(as('multiclass', 3), Float32Array.from([0, 0, 0, 0, 1, 1]), 'balanced')).to.deep.equal({ 0: 0.5, 1: 1, 2: 0 });
    expect(resolveClassWeight(as('binary'), y, undefined)).to.equal(undefined);
    expectError(() => resolveClassWeight(as('binary'), y, { 2: 1 }), InputError, 'classWeight names class "2", but the classes are 0..1');
    expectError(() => resolveClassWeight(as('binary'), y, { 1: -1 }), InputError, 'classWeight for class 1 must be ≥ 0');
    expectError(() => resolveClassWeight(as('regression'), y, 'balanced'), InputError, 'applies to classifiers');
  });

  it("a constant prediction's loss: ln k for k classes, the target's variance for regression (never 0)", () => {
    expect(constantLoss(as('binary'), Float32Array.from([0, 1]))).to.equal(Math.log(2));
    expect(constantLoss(as('multiclass', 3), Float32Array.from([0, 1, 2]))).to.equal(Math.log(3));
    // [1, 2, 3, 6]: mean 3, squared deviations 4 + 1 + 0 + 9 = 14 → 14 / 4 = 3.5.
    expect(constantLoss(as('regression'), Float32Array.from([1, 2, 3, 6]))).to.equal(3.5);
    // A constant target of 5: 1e-3 · 25 instead of 0.
    expect(constantLoss(as('regression'), Float32Array.from([5, 5, 5]))).to.be.closeTo(0.025, 1e-12);
  });
});
