/** danfo.js interop: a DataFrame built from columns, with danfo loaded only when asked for (it is optional). */
import { InputError } from '../util/errors';

/** A danfo DataFrame of these columns, or an error saying how to install danfo when it is not. */
export function danfoDataFrame(data: Record<string, unknown[]>): unknown {
  let dfd: { DataFrame: new (data: Record<string, unknown[]>) => unknown };
  try {
    dfd = require('danfojs-node');
  } catch {
    // Optional interop: danfo pins tfjs-node 3 and a CDN xlsx, so it is not a dependency of this package.
    throw new InputError(
      'toDanfo needs danfojs-node, which is optional: npm install danfojs-node (with the "overrides" in this README\'s Install section, as it pins tfjs-node 3 and an xlsx tarball from a CDN)',
    );
  }
  return new dfd.DataFrame(data);
}
