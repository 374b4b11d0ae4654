/** Issuing a matter's outputs as signed e-certificates, and rendering one as printable HTML. */
import { createHash } from 'node:crypto';
import type { MatterDefinition, Output } from '../../engine/index.ts';
import { esc } from '../report/html.ts';
import { resolvePointer } from '../../engine/json/pointer.ts';
import type { SharedDataSource } from '../shared-data/source.ts';
import type { CaseRecord, StoredCertificate } from '../store/types.ts';
import type { SignedCertificate, Signer } from './signer.ts';
import { validityOf, type CertificateValidity } from './validity.ts';
import { eventMember, memberRegion } from '../cases/machine.ts';
import { leavesOfState, nodeAt } from '../../engine/process/nodes.ts';

/** The certificate of one output for a completed case, sealed by the issuing department. */
export function issueCertificate(record: CaseRecord, definition: MatterDefinition, output: Output, holderName: string, at: number, signer: Signer): SignedCertificate {
  const id = `${record.id}-${output.id}`;
  const years = output.validity?.kind === 'years' ? output.validity.years : undefined;
  const validUntil = years ? new Date(at + years * 365.25 * 24 * 3600 * 1000).toISOString().slice(0, 10) : undefined;
  const document: Record<string, unknown> = {
    type: 'onematter.e-certificate/1',
    certificateId: id,
    title: output.name,
    kind: output.type,
    matter: { id: definition.id, version: definition.version, region: definition.region, hash: record.hash, title: definition.title },
    issuer: definition.department,
    holder: { name: holderName, idNumberHash: createHash('sha256').update(record.applicant).digest('hex') },
    caseId: record.id,
    issuedAt: new Date(at).toISOString(),
    ...(validUntil ? { validUntil } : {}),
    // the kind (and the note of a validity that depends on the holder), so the print and the public check can say it
    ...(output.validity ? { validity: output.validity } : {}),
  };
  return { document, seal: { alg: 'Ed25519', keyId: signer.keyId, signature: signer.sign(document) } };
}

/** What the print view adds to the sealed document: the verification link with its QR code, the masked holder number. */
export interface PrintExtras {
  /** The public verification page (`<origin>/verify/<id>`) and its QR code as SVG markup (qr.ts). */
  readonly verification?: { readonly url: string; readonly qrSvg: string };
  /** The holder's identity number, masked (3301**********1237). */
  readonly holderIdNumber?: string;
}

/** The validity in words, both languages: from the day of issue until the last day, long-term, or the holder's note. */
function validityHtml(v: CertificateValidity): string {
  const from = v.from ? `${esc(v.from)} 起 from ${esc(v.from)}` : '';
  const until =
    v.kind === 'years' && v.until ? `至 ${esc(v.until)} 止 until ${esc(v.until)} (inclusive)`
    : v.kind === 'long-term' ? '长期有效 long-term'
    : v.kind === 'conditional' ? `视持证人情况而定 depends on the holder${v.note ? `: ${esc(v.note.zh)} ${esc(v.note.en)}` : ''}`
    : '未载明截止日期 no end date stated';
  return [from, until].filter(Boolean).join('<br>');
}

/**
 * A printable HTML rendering of a certificate (self-contained: inline style, inline SVG, no script, nothing loaded),
 * with its validity, the seal's key and signature, and — when given — the QR code of its public verification page.
 */
export function renderCertificateHtml(c: SignedCertificate, extras: PrintExtras = {}): string {
  const d = c.document as { title: { zh: string; en: string }; holder: { name: string }; matter: { title: { zh: string; en: string }; region: { name: { zh: string; en: string } } }; issuer: { name: { zh: string; en: string } }; issuedAt: string; validUntil?: string; certificateId: string };
  const validity = validityOf(c.document);
  const v = extras.verification;
  // the QR code is markup made by the qrcode package from the URL alone (no user text), so it goes in unescaped
  const verify = v
    ? `<div class="verify"><div class="qr" role="img" aria-label="二维码：${esc(v.url)} QR code: ${esc(v.url)}">${v.qrSvg}</div><p>扫码或访问以下网址核验本证照<br>Scan the code or open this address to verify this certificate:<br><span class="url">${esc(v.url)}</span></p></div>`
    : '';
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${esc(d.title.zh)} ${esc(d.title.en)}</title>
<style>body{font-family:system-ui,"Noto Sans CJK SC",sans-serif;max-width:720px;margin:40px auto;border:3px double #b22;padding:32px}h1{text-align:center;color:#b22}dt{font-weight:700}dd{margin:0 0 12px}.validity{font-size:1.1em;border:2px solid #1b1b1b;padding:4px 8px;display:inline-block}.verify{display:flex;gap:16px;align-items:center;margin:16px 0;break-inside:avoid}.qr{flex:0 0 132px;width:132px;height:132px}.qr svg{width:100%;height:100%}.url{font-family:monospace;word-break:break-all}.seal{font-family:monospace;font-size:11px;word-break:break-all;color:#555}</style></head>
<body><h1>${esc(d.title.zh)}<br><small>${esc(d.title.en)}</small></h1><dl>
<dt>持证人 Holder</dt><dd>${esc(d.holder.name)}${extras.holderIdNumber ? `（${esc(extras.holderIdNumber)}）` : ''}</dd>
<dt>事项 Matter</dt><dd>${esc(d.matter.title.zh)} ${esc(d.matter.title.en)} — ${esc(d.matter.region.name.zh)}</dd>
<dt>发证机关 Issuer</dt><dd>${esc(d.issuer.name.zh)} ${esc(d.issuer.name.en)}</dd>
<dt>发证日期 Issued</dt><dd>${esc(validity.from ?? d.issuedAt)}</dd>
<dt>有效期 Validity</dt><dd><span class="validity" data-validity="${validity.kind}">${validityHtml(validity)}</span></dd>
<dt>证照编号 Certificate</dt><dd>${esc(d.certificateId)}</dd></dl>
${verify}<p class="seal">电子印章 Electronic seal (Ed25519, key ${esc(c.seal.keyId)}): ${esc(c.seal.signature)}</p></body></html>
`;
}

/**
 * The electronic outputs a step that issues certificates (action issueCertificate) issues, by id. An output without
 * `member` is issued as always; a one-thing bundle's output names the member whose approval issues it, so only a step
 * of that member issues it: one addressed to it (APPROVE.birthRegistration), or one its region alone took (an
 * automatic decision, a delay) — never a region that had ended before the step.
 */
export function issuedOutputs(def: MatterDefinition, eventType: string, before: string, after: string): string[] {
  const electronic = def.outputs.filter((o) => o.electronic);
  if (!def.bundle) return electronic.map((o) => o.id);
  const addressed = eventMember(eventType);
  const stepped = new Set(addressed !== undefined ? [addressed] : def.bundle.members.map((m) => m.key).filter((key) => {
    const region = (state: string) => leavesOfState(state).filter((l) => l.startsWith(`${memberRegion(key)}.`));
    const was = region(before);
    const ended = was.length > 0 && was.every((l) => nodeAt(def.process, l)?.kind === 'final');
    return !ended && region(after).join(',') !== was.join(',');
  }));
  return electronic.filter((o) => o.member === undefined || stepped.has(o.member)).map((o) => o.id);
}

/** The e-certificates a decided case is issued: one per electronic output (those of `outputs`, by id, when given), to the holder shared data names. */
export async function certificatesOfCase(record: CaseRecord, def: MatterDefinition, now: number, sharedData: SharedDataSource, signer: Signer, outputs?: readonly string[]): Promise<StoredCertificate[]> {
  const identity = await sharedData.lookup('identity', record.applicant);
  const name = typeof identity?.name === 'string' ? identity.name : String(resolvePointer(record.data, '/applicant/name') ?? record.applicant);
  return def.outputs.filter((o) => o.electronic && (outputs === undefined || outputs.includes(o.id))).map((o) => {
    const signed = issueCertificate(record, def, o, name, now, signer);
    return { id: String(signed.document.certificateId), caseId: record.id, document: signed, issuedAt: now };
  });
}
