import { expect } from 'chai';
import { boundedMessage, collectNotices, notice } from '../../lib/util/notice';
import { readCsv } from '../../lib/data/load-csv';

describe('notices (util/notice.ts)', () => {
  it('a quoted value over 80 characters is cut, its length said; the whole notice stays under 2,000 characters (issue 31)', () => {
    const long = 'x'.repeat(8_000_000);
    const { notices } = collectNotices(() => notice(`column "v" holds "${long}" and "short"`));
    expect(notices[0]).to.equal(`column "v" holds "${'x'.repeat(79)}…" (8,000,000 characters) and "short"`);
    expect(boundedMessage('y'.repeat(5000)).length).to.equal(2000);
    expect(boundedMessage('an "unclosed quote')).to.equal('an "unclosed quote');
  });

  it('a loaded column of an 8 MB text value gives a notice of bounded length (it wrote 16.8 MB to stderr)', () => {
    const big = '9'.repeat(4_000_000);
    const { notices } = collectNotices(() => readCsv(`v\n${big}x\n1\n2\n3\nNA?\n`));
    for (const n of notices) expect(n.length).to.be.below(2000);
  });

  it('slash dates that read either way get a notice naming the order chosen and dayFirst (they were taken month first silently)', () => {
    const { result, notices } = collectNotices(() => readCsv('d,x\n01/02/2020,1\n03/04/2020,2\n'));
    expect(result.strings('d')).to.deep.equal(['2020-01-02', '2020-03-04']);
    expect(notices.join('\n')).to.include('every date reads either way').and.include('"01/02/2020" = 2020-01-02').and.include('dayFirst: true');
    // A value that settles the order, or dayFirst given: no notice.
    expect(collectNotices(() => readCsv('d,x\n01/02/2020,1\n25/04/2020,2\n')).notices).to.deep.equal([]);
    expect(collectNotices(() => readCsv('d,x\n01/02/2020,1\n', { dayFirst: true })).notices).to.deep.equal([]);
  });
});
