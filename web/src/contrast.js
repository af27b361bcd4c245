// Contrast of configured colours, as WCAG 2.1 defines it (success criterion
// 1.4.3): every configured colour carries white text, so it must reach 4.5:1
// against white or the widget falls back to its own default.

export const MIN_TEXT_CONTRAST = 4.5;

/** [r, g, b] (0-255) from "#rgb" or "#rrggbb"; null for anything else. */
export function parseHex(colour) {
  const match = /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.exec(String(colour || "").trim());
  if (!match) return null;
  const hex = match[1].length === 3 ? [...match[1]].map((c) => c + c).join("") : match[1];
  return [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16));
}

function channel(value) {
  const c = value / 255;
  return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
}

export function relativeLuminance([r, g, b]) {
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}

/** The contrast ratio of two hex colours (1 to 21); 0 if either is not a hex colour. */
export function contrastRatio(a, b) {
  const ca = parseHex(a);
  const cb = parseHex(b);
  if (!ca || !cb) return 0;
  const [light, dark] = [relativeLuminance(ca), relativeLuminance(cb)].sort((x, y) => y - x);
  return (light + 0.05) / (dark + 0.05);
}
