// Papermill-style parameters: read from the tagged cell, type-checked, injected after it.
import { expect } from 'chai';
import { injectParameters, Notebook, parseParameterArgs, readParameters } from '../../lib/report/notebook-parameters';
import { checkDrift, describeDrift, expectationsFrom } from '../../lib/report/metrics-manifest';
import { readMetrics, METRICS_MIME } from '../../lib/report/report-metrics';
import { ReportError } from '../../lib/util/errors';
import { expectError } from '../helpers';

const nb = (): Notebook => ({
  metadata: {},
  cells: [
    { cell_type: 'markdown', source: '# Title' },
    {
      cell_type: 'code',
      source: [
        '// defaults\n',
        'const lookback = 12;\n',
        "const series: string = 'yield_10y'; // which column\n",
        'let useMacro = true;\n',
        'const csv = "../datasets/a.csv";',
      ],
      metadata: { tags: ['parameters'] },
      outputs: [],
    },
    { cell_type: 'code', source: 'console.log(lookback)', metadata: {}, outputs: [] },
  ],
});

describe('notebook parameters', () => {
  it('reads names, types and defaults from the parameters cell', () => {
    expect(readParameters(nb())).to.deep.equal([
      { name: 'lookback', type: 'number', default: 12 },
      { name: 'series', type: 'string', default: 'yield_10y' },
      { name: 'useMacro', type: 'boolean', default: true },
      { name: 'csv', type: 'string', default: '../datasets/a.csv' },
    ]);
  });

  it('injects a tagged cell right after the parameters cell, with values coerced to the declared types', () => {
    const original = nb();
    const copy = JSON.parse(JSON.stringify(original));
    const { notebook, values } = injectParameters(original, parseParameterArgs(['lookback=24', 'useMacro=false', 'series=yield_1y']));
    expect(original).to.deep.equal(copy); // input not mutated
    expect(notebook.cells).to.have.length(4);
    const injected = notebook.cells[2];
    expect(injected.metadata?.tags).to.deep.equal(['injected-parameters']);
    expect(injected.source).to.equal(
      '// Injected parameters\nconst lookback: number = 24;\nconst useMacro: boolean = false;\nconst series: string = "yield_1y";',
    );
    expect(values).to.deep.equal({ lookback: 24, series: 'yield_1y', useMacro: false, csv: '../datasets/a.csv' });
    // Running again replaces the earlier injected cell instead of stacking them.
    const again = injectParameters(notebook, { lookback: 6 }).notebook;
    expect(again.cells.filter((c) => c.metadata?.tags?.includes('injected-parameters'))).to.have.length(1);
  });

  it('refuses a value of the wrong type, an unknown name and a malformed argument, naming the fix', () => {
    expectError(
      () => injectParameters(nb(), { lookback: 'twelve' }, 'rates.ipynb'),
      ReportError,
      'rates.ipynb',
      '"lookback" must be a number like its default 12, got "twelve"',
    );
    expectError(() => injectParameters(nb(), { useMacro: 'yes' }), ReportError, '"useMacro" must be a boolean');
    expectError(() => injectParameters(nb(), { horizon: 3 }), ReportError, 'unknown parameter "horizon"', 'valid: lookback, series, useMacro, csv');
    expectError(() => parseParameterArgs(['epochs']), ReportError, '"epochs" is not name=value');
    const noParams: Notebook = { metadata: {}, cells: [{ cell_type: 'code', source: 'const a = 1;' }] };
    expectError(() => injectParameters(noParams, { a: 2 }), ReportError, 'no cell tagged "parameters"');
  });

  it('refuses a parameters cell that is not simple declarations', () => {
    const bad = nb();
    bad.cells[1].source = 'const lookback = compute();';
    expectError(() => readParameters(bad, 'x.ipynb'), ReportError, 'line 1 of the parameters cell', 'compute()');
  });

  it('reads reported metrics back from an executed notebook and checks drift per metric tolerance', () => {
    const executed: Notebook = {
      metadata: {},
      cells: [{ cell_type: 'code', source: '', outputs: [{ output_type: 'display_data', data: { [METRICS_MIME]: { rmse: 0.31, mae: 0.2 } } }] }],
    };
    const manifest = { 'a.ipynb': readMetrics(executed) };
    expect(manifest['a.ipynb']).to.deep.equal({ rmse: 0.31, mae: 0.2 });
    const expected = { 'a.ipynb': { rmse: { value: 0.3, tolerance: 0.02 }, mae: { value: 0.25, tolerance: 0.01 }, auc: { value: 0.9, tolerance: 0.1 } } };
    const drifts = checkDrift(manifest, expected);
    expect(drifts.map((d) => `${d.metric}:${d.problem}`)).to.deep.equal(['mae:drift', 'auc:missing']);
    expect(describeDrift(drifts[0])).to.equal('a.ipynb: mae = 0.2, expected 0.25 ± 0.01 (off by 0.0500)');
    const updated = expectationsFrom(manifest, expected);
    expect(updated['a.ipynb'].rmse).to.deep.equal({ value: 0.31, tolerance: 0.02 });
    expect(checkDrift(manifest, updated)).to.deep.equal([]);
  });
});
