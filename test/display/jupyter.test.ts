import { expect } from 'chai';

describe('sendBundle and the tslab display channel (display/jupyter.ts)', () => {
  it('tslab 1.0.22 still exposes the display channel this module relies on', () => {
    const jupyter = require('tslab/dist/jupyter');
    expect(jupyter).to.have.property('lastWriteDisplayData');
    expect(require('tslab/package.json').version).to.equal('1.0.22');
  });
});
