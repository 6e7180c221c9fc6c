/** The cells and return codes shared by the recurrent kernels (native/tsdl-helper.h RNN_*) and their reference. */
export type RecurrentCell = 'lstm' | 'gru';

/** Columns of the kernel, recurrent kernel and bias: four gates of `units` for an LSTM, three for a GRU. */
export function gateWidth(cell: RecurrentCell, units: number): number {
  return (cell === 'lstm' ? 4 : 3) * units;
}

export const RNN_DONE = -1;
export const RNN_NO_MEMORY = -2;
export const RNN_BAD_WEIGHTS = -3;
export const RNN_BAD_GRADIENT = -4;
