import { expect } from 'chai';

describe('restoreTransform', () => {
  it('knows every kind from one table, whatever else was imported (a fresh process that imports only it)', () => {
    const code =
      "const { restoreTransform } = require('./lib/preprocess/restore-transform'); try { restoreTransform({ kind: 'nope' }); } catch (e) { console.log(e.message); }";
    const out = require('child_process').execFileSync(process.execPath, ['--require', 'tsx/cjs', '-e', code], {
      cwd: require('path').join(__dirname, '..', '..'),
      encoding: 'utf8',
    });
    for (const kind of ['standardScaler', 'minMaxScaler', 'robustScaler', 'simpleImputer', 'oneHotEncoder', 'ordinalEncoder', 'labelEncoder', 'pipeline'])
      expect(out).to.include(kind);
    expect(out).to.match(/unknown transform kind "nope"/);
  });
});
