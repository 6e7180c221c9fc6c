/** Test helper: tslab's jupyter module loaded as a kernel would, with what would be sent to the frontend captured. */
export function fakeKernel(): { sent: { data: Record<string, unknown>; transient: object }[]; restore: () => void } {
  const jupyter = require('tslab/dist/jupyter');
  const sent: { data: Record<string, unknown>; transient: object }[] = [];
  const before = jupyter.lastWriteDisplayData;
  jupyter.lastWriteDisplayData = (content: { data: Record<string, unknown>; transient: object }) => sent.push(content);
  return { sent, restore: () => (jupyter.lastWriteDisplayData = before) };
}
