import { expect } from 'chai';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { blasCoreType, chooseBlasCore, cpuFlags } from '../../lib/kernels/blas-core';
import { describeCHelper } from '../../lib/kernels/c-helper';
import { tempDir } from '../helpers';

describe('blasCoreType: OpenBLAS kernels from the CPU flags (kernels/blas-core.ts)', () => {
  const cpu = (flags: string, vendor = 'GenuineIntel') => ({ flags: new Set(flags.split(' ')), vendor });

  it('picks the widest kernel family the flags allow, by vendor for AVX2, and nothing for older processors', () => {
    expect(blasCoreType(cpu('sse2 avx avx2 fma avx512f avx512vl avx512bw avx512dq avx512_bf16'))).to.equal('COOPERLAKE');
    expect(blasCoreType(cpu('sse2 avx avx2 fma avx512f avx512vl avx512bw avx512dq'))).to.equal('SKYLAKEX');
    // AVX-512 F alone (Knights Landing) is not SkylakeX.
    expect(blasCoreType(cpu('avx2 fma avx512f'))).to.equal('HASWELL');
    expect(blasCoreType(cpu('avx2 fma', 'AuthenticAMD'))).to.equal('ZEN');
    expect(blasCoreType(cpu('sse2 avx'))).to.equal(undefined);
  });

  it('reads flags and vendor from a cpuinfo file; none where the file is missing', () => {
    const dir = tempDir('tsdl-cpuinfo-');
    const file = path.join(dir, 'cpuinfo');
    fs.writeFileSync(file, 'processor\t: 0\nvendor_id\t: AuthenticAMD\nflags\t\t: fpu sse2 avx2 fma\n\nprocessor\t: 1\nflags\t\t: fpu\n');
    const read = cpuFlags(file)!;
    expect(read.vendor).to.equal('AuthenticAMD');
    expect([...read.flags]).to.deep.equal(['fpu', 'sse2', 'avx2', 'fma']);
    expect(cpuFlags(path.join(dir, 'none'))).to.equal(undefined);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("never overrides the caller's OPENBLAS_CORETYPE, and TSDL_BLAS_CORETYPE=auto keeps OpenBLAS's own detection", () => {
    expect(chooseBlasCore({ OPENBLAS_CORETYPE: 'Haswell' })).to.equal('Haswell');
    const auto: NodeJS.ProcessEnv = { TSDL_BLAS_CORETYPE: 'auto' };
    expect(chooseBlasCore(auto)).to.equal(undefined);
    expect(auto.OPENBLAS_CORETYPE).to.equal(undefined);
    const fresh: NodeJS.ProcessEnv = {};
    const chosen = chooseBlasCore(fresh);
    const here = cpuFlags();
    expect(chosen).to.equal(here ? blasCoreType(here) : undefined);
    expect(fresh.OPENBLAS_CORETYPE).to.equal(chosen);
  });

  it('the helper runs the kernels set for each core type this CPU supports (a child process per type)', function () {
    if (!/openblas \(/.test(describeCHelper())) this.skip();
    const here = cpuFlags();
    const f = here?.flags ?? new Set<string>();
    const avx512 = ['avx512f', 'avx512vl', 'avx512bw', 'avx512dq'].every((x) => f.has(x));
    const supported = [
      'PRESCOTT',
      ...(f.has('avx2') && f.has('fma') ? ['HASWELL'] : []),
      ...(avx512 ? ['SKYLAKEX'] : []),
      ...(avx512 && f.has('avx512_bf16') ? ['COOPERLAKE'] : []),
    ];
    const helper = path.join(__dirname, '..', '..', 'lib', 'kernels', 'c-helper.ts');
    for (const core of supported) {
      const out = execFileSync(process.execPath, ['--import', 'tsx', '-e', `console.log(require(${JSON.stringify(helper)}).describeCHelper())`], {
        env: { ...process.env, OPENBLAS_CORETYPE: core },
        encoding: 'utf8',
      });
      expect(out.toLowerCase(), core).to.include(`openblas (${core.toLowerCase()} kernels`);
    }
    // And the default: the family chosen from the flags.
    const chosen = here && blasCoreType(here);
    if (chosen && !process.env.OPENBLAS_CORETYPE) expect(describeCHelper().toLowerCase()).to.include(`openblas (${chosen.toLowerCase()} kernels`);
  });
});
