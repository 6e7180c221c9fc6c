import * as fs from 'fs';
import * as path from 'path';
import { expect } from 'chai';
import { writeFigure } from '../../lib/display/html-report';
import { histogramChart } from '../../lib/index';
import { tempDir } from '../helpers';
import { inChromium } from './chromium';

describe('figureImage (display/figure-image.ts)', () => {
  inChromium(() => {
    it('writes PNG and SVG images of a figure', async () => {
      const dir = tempDir();
      await writeFigure(histogramChart([1, 2, 2, 3], { title: 'returns' }), path.join(dir, 'h.png'));
      await writeFigure(histogramChart([1, 2, 2, 3], { title: 'returns' }), path.join(dir, 'h.svg'));
      const png = fs.readFileSync(path.join(dir, 'h.png'));
      expect(png.subarray(1, 4).toString()).to.equal('PNG');
      expect(png.length).to.be.greaterThan(5000);
      expect(fs.readFileSync(path.join(dir, 'h.svg'), 'utf8')).to.match(/^<svg[\s\S]*returns[\s\S]*<\/svg>$/);
    });
  });
});
