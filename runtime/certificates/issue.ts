/** Issuing a matter's outputs as signed e-certificates, and rendering one as printable HTML. */
import { createHash } from 'node:crypto';
import type { MatterDefinition, Output } from '../../engine/index.ts';
import { esc } from '../report/html.ts';
import { resolvePointer } from '../../engine/json/pointer.ts';
import type { SharedDataSource } from '../shared-data/source.ts';
import type { CaseRecord, StoredCertificate } from '../store/types.ts';
import type { SignedCertificate, Signer } from './signer.ts';

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
  };
  return { document, seal: { alg: 'Ed25519', keyId: signer.keyId, signature: signer.sign(document) } };
}

/** A printable HTML rendering of a certificate (self-contained), with the seal's key and signature. */
export function renderCertificateHtml(c: SignedCertificate): string {
  const d = c.document as { title: { zh: string; en: string }; holder: { name: string }; matter: { title: { zh: string; en: string }; region: { name: { zh: string; en: string } } }; issuer: { name: { zh: string; en: string } }; issuedAt: string; validUntil?: string; certificateId: string };
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>${esc(d.title.zh)} ${esc(d.title.en)}</title>
<style>body{font-family:system-ui,"Noto Sans CJK SC",sans-serif;max-width:720px;margin:40px auto;border:3px double #b22;padding:32px}h1{text-align:center;color:#b22}dt{font-weight:700}dd{margin:0 0 12px}.seal{font-family:monospace;font-size:11px;word-break:break-all;color:#555}</style></head>
<body><h1>${esc(d.title.zh)}<br><small>${esc(d.title.en)}</small></h1><dl>
<dt>持证人 Holder</dt><dd>${esc(d.holder.name)}</dd>
<dt>事项 Matter</dt><dd>${esc(d.matter.title.zh)} ${esc(d.matter.title.en)} — ${esc(d.matter.region.name.zh)}</dd>
<dt>发证机关 Issuer</dt><dd>${esc(d.issuer.name.zh)} ${esc(d.issuer.name.en)}</dd>
<dt>发证日期 Issued</dt><dd>${esc(d.issuedAt.slice(0, 10))}</dd>${d.validUntil ? `<dt>有效期至 Valid until</dt><dd>${esc(d.validUntil)}</dd>` : ''}
<dt>证照编号 Certificate</dt><dd>${esc(d.certificateId)}</dd></dl>
<p class="seal">电子印章 Electronic seal (Ed25519, key ${esc(c.seal.keyId)}): ${esc(c.seal.signature)}</p></body></html>
`;
}

/** The e-certificates a decided case is issued: one per electronic output, to the holder shared data names. */
export async function certificatesOfCase(record: CaseRecord, def: MatterDefinition, now: number, sharedData: SharedDataSource, signer: Signer): Promise<StoredCertificate[]> {
  const identity = await sharedData.lookup('identity', record.applicant);
  const name = typeof identity?.name === 'string' ? identity.name : String(resolvePointer(record.data, '/applicant/name') ?? record.applicant);
  return def.outputs.filter((o) => o.electronic).map((o) => {
    const signed = issueCertificate(record, def, o, name, now, signer);
    return { id: String(signed.document.certificateId), caseId: record.id, document: signed, issuedAt: now };
  });
}
