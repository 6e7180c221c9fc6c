/** The cells and return codes shared by the recurrent kernels (native/tsdl-helper.h RNN_*) and their reference. */
export type RecurrentCell = 'lstm' | 'gru';
export const RNN_DONE = -1;
export const RNN_NO_MEMORY = -2;
export const RNN_BAD_WEIGHTS = -3;
export const RNN_BAD_GRADIENT = -4;
