import { expect } from 'chai';
import { table } from '../../lib/data/table';
import { summarize } from '../../lib/data/summarize';
import { classificationReport } from '../../lib/metrics/classification';
import { compareModels } from '../../lib/metrics/compare-models';
import { backtest } from '../../lib/metrics/backtest';
import { lineChart } from '../../lib/charts/line-chart';
import { toHTML } from '../../lib/display/to-html';
import { bundleOf } from '../../lib/display/show';
import { InputError } from '../../lib/util/errors';
import { expectError } from '../helpers';

describe('toHTML', () => {
  it('renders a Table: its first maxRows rows, a caption saying how many there are, every value escaped', () => {
    const t = table({ name: ['<b>a</b>', 'b', 'c'], x: [1, 2.5, NaN] });
    const html = toHTML(t, { maxRows: 2 });
    expect(html).to.include('<caption>3 rows × 2 columns (first 2 of 3 rows)</caption>');
    expect(html).to.include('&lt;b&gt;a&lt;/b&gt;').and.not.include('<b>');
    expect(html.match(/<tr>/g)).to.have.length(3); // header + 2 rows
    expect(html).to.include('<td class="num">2.5000</td>');
    expect(toHTML(t)).to.include('<td class="num">NaN</td>');
  });

  it('renders the table form of results, the same header and rows their tabulate() gives', () => {
    const report = classificationReport([0, 1, 1, 0], [0, 1, 0, 0], { names: ['no', '<yes>'] });
    const t = report.tabulate();
    expect(t.header).to.deep.equal(['', 'precision', 'recall', 'f1', 'support']);
    // class 1: tp 1, fp 0, fn 1 → precision 1, recall 0.5, f1 2/3 (by hand)
    expect(t.rows[1]).to.deep.equal(['<yes>', 1, 0.5, 2 / 3, 2]);
    const html = toHTML(report);
    expect(html).to.include('<caption>accuracy 0.7500 on 4 cases</caption>');
    expect(html).to.include('&lt;yes&gt;').and.include('<td class="num">0.6667</td>');
    const scores = compareModels([1, 2, 3], { a: [1, 2, 4] });
    expect(toHTML(scores)).to.include('<caption>3 test points</caption>');
    const bt = backtest([100, 101, 99, 102], [1, -1, 1, 0], { rule: 'long-flat' });
    expect(toHTML(bt)).to.include('backtest (long-flat, costs 0 bps per unit turnover)');
    expect(toHTML(summarize(table({ x: [1, 2] })))).to.include('<caption>2 rows</caption>');
  });

  it('results are data: no HTML on them, and show() renders them through toHTML', () => {
    const report = classificationReport([0, 1], [0, 1]);
    expect(report).not.to.have.property('toHTML');
    expect(bundleOf(report)['text/html']).to.equal(toHTML(report));
    expect(bundleOf(report)['text/plain']).to.equal(String(report));
  });

  it('renders a figure as its standalone div, and names what it takes otherwise', () => {
    const fig = lineChart({ dates: [0, 86400000], series: { y: [3, 4] } });
    expect(toHTML(fig)).to.include('Plotly.newPlot');
    expectError(() => toHTML(42 as never), InputError, /toHTML takes a Table, a result with a table form .* got number/);
  });
});
