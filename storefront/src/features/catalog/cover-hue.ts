/** A stable hue (0–359) per course, so cards without artwork still look distinct. */
export function coverHue(id: string): number {
  let hash = 0;
  for (const char of id) hash = (hash * 31 + char.codePointAt(0)!) >>> 0;
  return hash % 360;
}

/** First character (not UTF-16 unit) of the title, for the cover monogram. */
export function monogram(title: string): string {
  return Array.from(title.trim())[0] ?? '';
}
