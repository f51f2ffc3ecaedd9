// The accessible name of a text input, so screen readers and tests can find it by its Chinese label.
//
// On H5, Taro renders <Input> as <taro-input-core><input/></taro-input-core>. A label on the host would give two
// elements one name, and only the inner <input> can be typed into, so there the label goes through nativeProps.
// In the mini-program (and in the jest stand-ins, which model it) the label is an ordinary prop.
export function labelProps(label: string): { 'aria-label'?: string; nativeProps?: Record<string, unknown> } {
  return process.env.TARO_PLATFORM === 'web' ? { nativeProps: { 'aria-label': label } } : { 'aria-label': label };
}
