import { expect } from 'chai';
import { htmlTable } from '../../lib/display/html-table';

describe('htmlTable (display/html-table.ts)', () => {
  it('escapes header, cells and caption, marks numbers for right alignment, and rounds to the digits asked', () => {
    const html = htmlTable(['<h>', 'x'], [['a & b', 1 / 3]], { caption: '"q"', digits: 2 });
    expect(html).to.equal(
      '<table class="tsdl-table"><caption>&quot;q&quot;</caption><thead><tr><th>&lt;h&gt;</th><th>x</th></tr></thead>' +
        '<tbody><tr><td>a &amp; b</td><td class="num">0.33</td></tr></tbody></table>',
    );
  });
});
