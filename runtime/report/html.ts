/** Tiny helpers for writing safe, self-contained HTML by hand. */

const entities: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for element content and attribute values. */
export const esc = (value: unknown): string => String(value).replace(/[&<>"']/g, (c) => entities[c]!);

/** Chinese text with its English beside it. */
export const bi = (text: { zh: string; en: string }): string => `<span lang="zh">${esc(text.zh)}</span> <span lang="en" class="en">${esc(text.en)}</span>`;
