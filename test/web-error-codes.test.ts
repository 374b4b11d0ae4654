/**
 * Every message the server sends the UI is a code the UI translates: each error code the server's sources can send
 * (read from them, so a new code without words fails here) has Chinese and English words in i18n.ts, and the portal
 * shows those, by code and details, never the server's English `message`; an unknown code gets a generic message in
 * the UI's language.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../runtime/web/api.ts';
import { messageOf } from '../runtime/web/components.tsx';
import { serverErrors } from '../runtime/web/i18n.ts';
import { projectRoot } from './support/catalogue.ts';

const sources = (dir: string): string[] =>
  readdirSync(join(projectRoot, dir)).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(join(projectRoot, path)).isDirectory()) return sources(path);
    return /\.ts$/.test(name) && !/\.test\.ts$/.test(name) ? [path] : [];
  });
const read = (path: string) => readFileSync(join(projectRoot, path), 'utf8');

/** The error codes the server can answer with, as its sources spell them. */
function serverCodes(): Set<string> {
  const codes = new Set<string>(['network', 'http']); // the API client's own: no answer, or one without a code
  for (const path of [...sources('runtime/server'), ...sources('runtime/cases'), ...sources('runtime/files')]) {
    const text = read(path);
    for (const m of text.matchAll(/HttpError\(\s*\d{3},\s*'([a-z][a-z-]*)'/g)) codes.add(m[1]!);
    for (const m of text.matchAll(/\bsuper\(\s*'([a-z][a-z-]*)'/g)) codes.add(m[1]!);
    for (const m of text.matchAll(/new DefinitionError\(\s*'([a-z][a-z-]*)'/g)) codes.add(m[1]!);
  }
  // the error handler's own codes (Fastify's refusals, the CSRF plugin's, the sign-in throttle's)
  for (const m of read('runtime/server/errors.ts').matchAll(/code: '([a-z][a-z-]*)'/g)) codes.add(m[1]!);
  for (const m of read('runtime/cases/errors.ts').matchAll(/'(payload-[a-z-]+)'/g)) codes.add(m[1]!);
  for (const path of sources('runtime/server')) for (const m of read(path).matchAll(/code: '(throttled)'/g)) codes.add(m[1]!);
  return codes;
}

describe('the server’s error codes in the UI', () => {
  const codes = serverCodes();

  it('finds the codes in the server’s sources', () => {
    expect(codes.size).toBeGreaterThan(30);
    for (const known of ['invalid-data', 'forbidden', 'not-found', 'conflict', 'csrf', 'materials-missing', 'file-too-large', 'definition-schema-invalid']) expect(codes).toContain(known);
  });

  it('has words for every one of them, in Chinese and in English', () => {
    const missing = (locale: 'zh' | 'en') => [...codes].filter((c) => !Object.hasOwn(serverErrors[locale].codes, c)).sort();
    expect(missing('zh')).toEqual([]);
    expect(missing('en')).toEqual([]);
    for (const code of codes) {
      expect(serverErrors.zh.codes[code]!({}), code).toMatch(/[\u4e00-\u9fff]/);
      expect(serverErrors.en.codes[code]!({}), code).not.toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('words a refusal by its code and details, never by the server’s English message', () => {
    const refused = new ApiError(422, 'invalid-data', 'the form has 2 error(s): /delivery/postalAddress must have required property', { errors: [{}, {}] });
    expect(messageOf(refused, 'zh')).toBe('表单有 2 处需要修改，请按提示更正。');
    expect(messageOf(refused, 'en')).toBe('There are 2 answers to correct: see the messages on the form.');
    const large = new ApiError(413, 'file-too-large', 'the file is larger than 10485760 bytes', { limit: 10 * 1024 * 1024 });
    expect(messageOf(large, 'zh')).toBe('文件过大，单个文件不能超过 10 MB。');
    expect(messageOf(new ApiError(429, 'throttled', 'too many', { retryAfter: 42 }), 'en')).toContain('42 seconds');
    expect(messageOf(new ApiError(403, 'forbidden', 'role applicant may not ACCEPT'), 'zh')).not.toMatch(/[A-Za-z]/);
  });

  it('falls back to a generic message in the UI’s language for a code it does not know, or anything else thrown', () => {
    expect(messageOf(new ApiError(418, 'teapot', 'I am a teapot'), 'zh')).toBe('操作未能完成（错误代码：teapot），请稍后重试。');
    expect(messageOf(new ApiError(418, 'teapot', 'I am a teapot'), 'en')).not.toContain('I am a teapot');
    expect(messageOf(new TypeError('x is undefined'), 'zh')).not.toContain('undefined');
    expect(messageOf('boom', 'en')).toContain('error code');
  });
});
