// Memory soak: 100 prepare → train → predict → evaluate cycles in one process; tensors return to baseline and
// resident memory grows by less than 50 MB. The figures are printed for the issue note.
import { execFileSync } from 'child_process';
import * as path from 'path';
import { expect } from 'chai';
import { expectHostBelow } from '../host-checks';

describe('memory soak', function () {
  this.timeout(300000);
  it('100 full cycles: no tensor leak, every cycle learns (RSS growth under 50 MB with TSDL_HOST_CHECKS=1)', () => {
    const out = execFileSync(process.execPath, ['--expose-gc', '--require', 'tsx/cjs', path.join(__dirname, 'soak-cycle.ts'), '100'], {
      cwd: path.join(__dirname, '..', '..'),
      encoding: 'utf8',
    });
    const r = JSON.parse(out.trim().split('\n').pop()!);
    const growth = r.rssAfterMb - r.rssBeforeMb;
    console.log(
      `      [soak] ${r.cycles} cycles on ${r.backend} in ${r.seconds.toFixed(1)} s; tensors ${r.tensorsBefore} → ${r.tensorsAfter}; RSS ${r.rssBeforeMb.toFixed(1)} → ${r.rssHalfwayMb.toFixed(1)} (cycle 50) → ${r.rssAfterMb.toFixed(1)} MB (${growth >= 0 ? '+' : ''}${growth.toFixed(1)} MB); min test AUC ${r.minAuc.toFixed(3)}`,
    );
    expect(r.tensorsAfter).to.equal(r.tensorsBefore);
    expectHostBelow(+growth.toFixed(1), 50, 'RSS growth over 100 cycles, MB');
    expect(r.minAuc).to.be.above(0.9); // every cycle still learned something real
  });
});
