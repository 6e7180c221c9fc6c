/**
 * The tests that may skip in CI (`CI=true`), each with the reason: they depend on the host, not on the project's
 * setup. Any other skip there fails the run (test/setup.ts), so a dependency that setup.sh should have installed
 * (the C helper, Chromium, the kernels) cannot go missing silently.
 */
export const ALLOWED_SKIPS: readonly { title: RegExp; why: string }[] = [
  { title: /writing 64 MB takes a few hundred page faults/, why: 'needs transparent huge pages in "madvise" or "always" mode, a kernel setting of the host' },
  {
    title: /the kernel asks malloc for huge pages/,
    why: 'the page-fault bound needs transparent huge pages on the host (the variable itself is always checked first)',
  },
  { title: /SSE2 versions of the kernels/, why: 'runs only where the CPU has AVX2 (otherwise the main run already is the SSE2 one)' },
  { title: /on a terminal \(a pseudo-terminal\)/, why: "needs util-linux's /usr/bin/script to give the child a pseudo-terminal" },
  {
    title: /wasm vs tensorflow: same initial predictions/,
    why: 'the native backend is built after the main run: npm test then runs scripts/test-native.sh, which repeats this file with tfjs-node-native installed',
  },
];
