/**
 * `presented`: where a value that can be shown (a figure) passes on creation, so the display module can attach
 * the kernel-facing hooks to it (display/kernel-hooks.ts) without the chart builders knowing any kernel.
 */
type Hook = (value: object) => void;
let hook: Hook | undefined;

/** Registered by display/kernel-hooks.ts when it loads. */
export function setPresentationHook(h: Hook | undefined): void {
  hook = h;
}

/** The value, with the display's hooks attached when the display module is loaded. */
export function presented<T extends object>(value: T): T {
  hook?.(value);
  return value;
}
